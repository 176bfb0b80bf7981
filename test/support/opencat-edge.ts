/**
 * The edge implementation of the OpenCat for Team API (`C-Dao/opencatd_worker` at 31ad315, Hono on Workers KV), as
 * a fetch: the answers, statuses and content types its `src/core/controller.ts` and `index.ts` give, written from
 * those facts (and the run of the worker in ../shared/reference/dialect-b.md §11.11), so the SDK can be fed them
 * without the worker. Only what the SDK can meet is here; the `/v1` proxy is not.
 * @module
 */

/** One user, one key, one usage counter, as the worker stores them in KV. */
interface EdgeUser {
  id: number;
  name: string;
  token: string;
}
interface EdgeKey {
  id: number;
  name: string;
  key: string;
}
interface EdgeUsage {
  userId: number;
  tokens: number;
  cost: number;
}

/** What a test may set up and read back. */
export interface EdgeState {
  users: Map<number, EdgeUser>;
  keys: Map<number, EdgeKey>;
  usages: EdgeUsage[];
  counters: { user: number; key: number } | undefined;
  /** Answer the next write with the worker's 409 `{"error":"commit conflict"}` (a lost race on Deno KV; Workers KV always commits). */
  conflictNext: boolean;
}

// Hono's `c.json` and its default 404 and 500 pages.
const JSON_TYPE = 'application/json; charset=UTF-8';
const TEXT_TYPE = 'text/plain;charset=UTF-8';
const json = (body: unknown, status = 200) => new Response(JSON.stringify(body), { status, headers: { 'content-type': JSON_TYPE } });
const text = (body: string, status: number) => new Response(body, { status, headers: { 'content-type': TEXT_TYPE } });

/** Workers KV lists keys as strings, so ids come back in lexicographic order: 0, 10, 11, 2, … (Deno KV: numeric). */
const kvOrder = <T extends { id: number }>(rows: Map<number, T>) => [...rows.values()].sort((a, b) => (String(a.id) < String(b.id) ? -1 : 1));

/** `fill("0", 7, len - 4)`: everything between the first 7 and the last 4 characters becomes `0`. */
const masked = (key: string) => key.slice(0, 7) + '0'.repeat(Math.max(0, key.length - 11)) + key.slice(Math.max(7, key.length - 4));

/**
 * A fetch answering as opencatd_worker does, with its state exposed; `requests` records what was sent.
 *
 * @example
 * const edge = edgeWorker();
 * const client = new OpenCatClient({ baseURL: edge.baseURL, fetch: edge.fetch });
 */
export function edgeWorker() {
  const state: EdgeState = { users: new Map(), keys: new Map(), usages: [], counters: undefined, conflictNext: false };
  const requests: Request[] = [];
  let uuid = 0;
  const newToken = () => `0b1c2d3e-4f50-4a61-8b72-${String(++uuid).padStart(12, '0')}`;
  const commit = () => {
    if (!state.conflictNext) return true;
    state.conflictNext = false;
    return false;
  };
  const body = async (request: Request) => {
    try {
      return { value: (await request.json()) as Record<string, unknown> };
    } catch {
      return undefined;
    }
  };

  async function answer(request: Request): Promise<Response> {
    const { pathname } = new URL(request.url);
    const method = request.method;
    if (method === 'POST' && pathname === '/1/users/init') {
      if (state.users.has(0)) return json({ error: 'super user already exists, please input token' }, 403);
      if (!commit()) return json({ error: 'commit conflict' }, 409);
      const root = { id: 0, name: 'root', token: newToken() };
      state.users.set(0, root);
      state.counters = { user: 0, key: 0 };
      return json(root);
    }
    // The root middleware runs for every path under `/1` (`app.route("/1", …)` with `use("*")`), routed or not:
    // `startsWith("Bearer")`, then `slice(7)` against root's token.
    const header = request.headers.get('authorization');
    const root = state.users.get(0);
    const guarded = pathname === '/1' || pathname.startsWith('/1/');
    if (guarded && (!header?.startsWith('Bearer') || !root || header.slice(7) !== root.token)) return json({ error: 'Unauthorized' }, 401);
    const route = routeOf(method, pathname);
    if (!route || !root) return text('404 Not Found', 404);
    const id = route.id;
    switch (route.name) {
      case 'me':
        return json(root);
      case 'users.list':
        return json(kvOrder(state.users));
      case 'users.create': {
        const read = await body(request);
        if (!read) return text('Internal Server Error', 500);
        if (!state.counters) return json({ error: 'db config not initialized' }, 403);
        if (!commit()) return json({ error: 'commit conflict' }, 409);
        const user = { id: ++state.counters.user, name: read.value.name as string, token: newToken() };
        state.users.set(user.id, user);
        return json(user);
      }
      case 'users.delete':
      case 'keys.delete':
        if (id === undefined || Number.isNaN(Number(id))) return json({ error: 'id is not a number' }, 403);
        (route.name === 'users.delete' ? state.users : state.keys).delete(Number(id));
        return json({ message: 'ok' });
      case 'users.reset': {
        const user = state.users.get(Number(id));
        if (!user) return json({ error: 'user not found' }, 404);
        if (!commit()) return json({ error: 'commit conflict' }, 409);
        const renewed = { ...user, token: newToken() };
        state.users.set(renewed.id, renewed);
        return json(renewed);
      }
      case 'keys.list':
        return json(kvOrder(state.keys).map((key) => ({ ...key, key: masked(key.key) })));
      case 'keys.create': {
        const read = await body(request);
        if (!read) return text('Internal Server Error', 500);
        if (!state.counters) return json({ error: 'db metadata not initialized' }, 403);
        if (!commit()) return json({ error: 'commit conflict' }, 409);
        const key = { id: ++state.counters.key, key: read.value.key as string, name: read.value.name as string };
        state.keys.set(key.id, key);
        return json(key);
      }
      case 'usages':
        // Lifetime counters: `from` and `to` are never read.
        return json(state.usages.map((u) => ({ userId: u.userId, totalUint: u.tokens, cost: u.cost.toFixed(7) })));
    }
  }

  return {
    baseURL: 'https://opencat.example.workers.dev',
    state,
    requests,
    fetch: async (request: Request): Promise<Response> => {
      requests.push(request.clone());
      return answer(request);
    },
  };
}

type RouteName = 'me' | 'users.list' | 'users.create' | 'users.delete' | 'users.reset' | 'keys.list' | 'keys.create' | 'keys.delete' | 'usages';

/** The worker's routes (`src/core/index.ts`); Hono matches `/1/users` and `/1/users/` alike. `/1/me/usages` has none. */
function routeOf(method: string, pathname: string): { name: RouteName; id?: string } | undefined {
  const path = pathname.replace(/\/$/, '');
  const [, , noun, id, action] = path.split('/');
  if (method === 'GET' && path === '/1/me') return { name: 'me' };
  if (method === 'GET' && path === '/1/usages') return { name: 'usages' };
  if (noun !== 'users' && noun !== 'keys') return undefined;
  if (id === undefined) return method === 'GET' ? { name: `${noun}.list` } : method === 'POST' ? { name: `${noun}.create` } : undefined;
  if (action === undefined && method === 'DELETE') return { name: `${noun}.delete`, id };
  if (noun === 'users' && action === 'reset' && method === 'POST') return { name: 'users.reset', id };
  return undefined;
}
