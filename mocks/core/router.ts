/**
 * The route table matcher. Static paths sit in a Map per method (one lookup); parameterised paths are tried after,
 * most specific first, so `/api/user/search` and `/api/user/self` beat `/api/user/:id` whatever the registration order.
 * @module
 */

/** A route as the router needs it: a method and a `:param` path pattern. */
export interface RoutePattern {
  method: string;
  path: string;
}

/** A matched route with its URL-decoded path parameters. */
export interface RouteMatch<T> {
  route: T;
  params: Record<string, string>;
}

/** A compiled route table. */
export interface Router<T> {
  /** The route for `method` and `pathname` (raw, percent-encoded as in `URL.pathname`), if any. */
  match(method: string, pathname: string): RouteMatch<T> | undefined;
  /**
   * The methods that have a route for `pathname`, in the order that path's routes were registered: empty for an
   * unknown path, so the engine can tell a 404 from a 405.
   */
  allowed(pathname: string): string[];
}

interface ParamRoute<T> {
  route: T;
  segments: string[];
}

/**
 * Compiles a route table. Throws when two routes share a method and a pattern.
 *
 * @example
 * const router = createRouter([{ method: 'GET', path: '/api/user/:id' }, { method: 'GET', path: '/api/user/self' }]);
 * router.match('GET', '/api/user/self')?.route.path; // '/api/user/self'
 */
export function createRouter<T extends RoutePattern>(routes: readonly T[]): Router<T> {
  const statics = new Map<string, Map<string, T>>();
  const dynamics = new Map<string, ParamRoute<T>[]>();
  for (const route of routes) {
    const segments = route.path.split('/');
    const key = `${route.method} ${route.path}`;
    if (segments.some((s) => s.startsWith(':'))) {
      const list = dynamics.get(route.method) ?? [];
      if (list.some((r) => r.segments.join('/') === route.path)) throw new Error(`Failed to compile the route table: ${key} is registered twice.`);
      list.push({ route, segments });
      dynamics.set(route.method, list);
    } else {
      const map = statics.get(route.method) ?? new Map<string, T>();
      if (map.has(route.path)) throw new Error(`Failed to compile the route table: ${key} is registered twice.`);
      map.set(route.path, route);
      statics.set(route.method, map);
    }
  }
  for (const list of dynamics.values()) list.sort((a, b) => compareSpecificity(a.segments, b.segments));
  const table = routes.map((route) => ({ method: route.method, path: route.path, segments: route.path.split('/') }));

  const router: Router<T> = {
    // In the order of the path's own routes: FastAPI answers a 405 from the first of them (its `Allow`).
    allowed(pathname) {
      const path = safeDecode(pathname);
      const segments = path.split('/');
      const found: string[] = [];
      for (const route of table) {
        if (found.includes(route.method)) continue;
        if (route.path === path || (route.path.includes(':') && matchSegments(route.segments, segments))) found.push(route.method);
      }
      return found;
    },
    match(method, pathname) {
      const path = safeDecode(pathname);
      const hit = statics.get(method)?.get(path);
      if (hit) return { route: hit, params: {} };
      const candidates = dynamics.get(method);
      if (!candidates) return undefined;
      const segments = path.split('/');
      for (const candidate of candidates) {
        const params = matchSegments(candidate.segments, segments);
        if (params) return { route: candidate.route, params };
      }
      return undefined;
    },
  };
  return router;
}

function matchSegments(pattern: string[], actual: string[]): Record<string, string> | undefined {
  if (pattern.length !== actual.length) return undefined;
  const params: Record<string, string> = {};
  for (let i = 0; i < pattern.length; i++) {
    const want = pattern[i]!;
    const got = actual[i]!;
    if (want.startsWith(':')) {
      // A parameter never matches an empty segment, as in gin and path-to-regexp.
      if (got === '') return undefined;
      params[want.slice(1)] = got;
    } else if (want !== got) {
      return undefined;
    }
  }
  return params;
}

/** Static segments before parameters, position by position. */
function compareSpecificity(a: string[], b: string[]): number {
  for (let i = 0; i < Math.min(a.length, b.length); i++) {
    const pa = a[i]!.startsWith(':') ? 1 : 0;
    const pb = b[i]!.startsWith(':') ? 1 : 0;
    if (pa !== pb) return pa - pb;
  }
  return 0;
}

/** Like gin (which routes on `URL.Path`), match on the decoded path; a malformed escape is kept as is. */
function safeDecode(pathname: string): string {
  if (!pathname.includes('%')) return pathname;
  try {
    return decodeURIComponent(pathname);
  } catch {
    return pathname;
  }
}
