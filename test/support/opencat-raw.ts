/**
 * Raw requests against the opencat reference server, for the server-behaviour tests in test/opencat/: the
 * seeded principals' tokens, a request helper that sends any header or body the SDK would never send, and the
 * state as comparable text.
 * @module
 */
import type { ServerLifecycle } from './lifecycle.js';

/** Who calls: nobody, root, a live user, a soft-deleted user, or a token nobody holds. */
export type OpenCatPrincipal = 'anonymous' | 'root' | 'user' | 'deleted user' | 'garbage';

/** One answer, read once: status, content type and the body (parsed when JSON). */
export interface RawAnswer {
  status: number;
  type: string | null;
  text: string;
  json: unknown;
}

/** The opencat helpers over a running lifecycle. */
export interface OpenCatRaw {
  /** The `Authorization` header of a principal (`undefined` for anonymous). */
  authorization(principal: OpenCatPrincipal): string | undefined;
  /** Root's current token (user 1 in the state). */
  rootToken(): string;
  /**
   * A request to `path` as `principal` (or with `headers.authorization` as given); `body` is sent as is when a
   * string, else as JSON.
   */
  call(method: string, path: string, options?: { as?: OpenCatPrincipal; body?: unknown; headers?: Record<string, string> }): Promise<RawAnswer>;
  /** `POST /__mock/usages` with `body`; throws unless it is recorded. */
  recordUsage(body: Record<string, unknown>): Promise<void>;
  /** The whole state as JSON text, to compare before and after. */
  snapshot(): string;
}

/**
 * The helpers for `life` (a `useReferenceServer('opencat')`).
 *
 * @example
 * const api = openCatRaw(useReferenceServer('opencat'));
 * expect((await api.call('GET', '/1/users', { as: 'root' })).status).toBe(200);
 */
export function openCatRaw(life: ServerLifecycle<'opencat'>): OpenCatRaw {
  const state = () => life.server.state;
  const tokenOf = (principal: OpenCatPrincipal): string | undefined => {
    if (principal === 'anonymous') return undefined;
    if (principal === 'garbage') return 'not-a-token';
    const users = state().users;
    if (principal === 'root') return users.find((u) => u.id === 1)!.token;
    if (principal === 'deleted user') return users.find((u) => u.deleted_at !== null)!.token;
    return users.find((u) => u.id !== 1 && u.deleted_at === null)!.token;
  };
  const raw: OpenCatRaw = {
    authorization: (principal) => {
      const token = tokenOf(principal);
      return token === undefined ? undefined : `Bearer ${token}`;
    },
    rootToken: () => tokenOf('root')!,
    async call(method, path, options = {}) {
      const headers: Record<string, string> = {};
      // A given Authorization replaces the principal's (and needs no seeded root, as before init).
      const authorization = options.headers?.authorization === undefined ? raw.authorization(options.as ?? 'root') : undefined;
      if (authorization !== undefined) headers.authorization = authorization;
      Object.assign(headers, options.headers);
      const body = options.body === undefined ? undefined : typeof options.body === 'string' ? options.body : JSON.stringify(options.body);
      const response = await life.raw(path, { method, headers, body });
      const text = await response.text();
      let json: unknown;
      try {
        json = JSON.parse(text);
      } catch {
        json = undefined;
      }
      return { status: response.status, type: response.headers.get('content-type'), text, json };
    },
    async recordUsage(body) {
      const response = await life.raw('/__mock/usages', { method: 'POST', body: JSON.stringify(body) });
      if (response.status !== 200) throw new Error(`Failed to record a usage row: ${response.status} ${await response.text()}`);
    },
    snapshot: () => JSON.stringify(state()),
  };
  return raw;
}
