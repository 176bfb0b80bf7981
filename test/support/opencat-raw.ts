/**
 * Raw requests against the opencat reference server, for the server-behaviour tests in test/opencat/: the
 * seeded principals' tokens, a request helper that sends any header or body the SDK would never send, and the
 * state as comparable text.
 * @module
 */
import type { ServerLifecycle } from './lifecycle.js';

/**
 * Who calls: nobody, root, a live user (user 2), a soft-deleted user (the last seeded account, once
 * {@link OpenCatRaw.softDeleteLast} has deleted it), or a token nobody holds.
 */
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
  /** Root's seeded token. */
  rootToken(): string;
  /** The seeded token of the live user `id` (tokens are sealed in the state, so they come from the accounts). */
  tokenOf(id: number): string;
  /** Soft-deletes the last seeded account through the API, so that `deleted user` has a token to call with. */
  softDeleteLast(): Promise<number>;
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
  const accountOf = (id: number) => {
    const account = life.server.accounts.find((a) => a.user_id === id);
    if (!account) throw new Error(`No seeded account has user id ${id}.`);
    return account;
  };
  const tokenOf = (principal: OpenCatPrincipal): string | undefined => {
    if (principal === 'anonymous') return undefined;
    if (principal === 'garbage') return 'not-a-token';
    if (principal === 'root') return accountOf(1).token;
    if (principal === 'deleted user') return life.server.accounts.at(-1)!.token;
    return accountOf(2).token;
  };
  const raw: OpenCatRaw = {
    authorization: (principal) => {
      const token = tokenOf(principal);
      return token === undefined ? undefined : `Bearer ${token}`;
    },
    rootToken: () => tokenOf('root')!,
    tokenOf: (id) => accountOf(id).token,
    async softDeleteLast() {
      const id = life.server.accounts.at(-1)!.user_id;
      const answer = await raw.call('DELETE', `/1/users/${id}`);
      if (answer.text !== '{"message":"ok"}') throw new Error(`Failed to delete user ${id}: ${answer.text}`);
      return id;
    },
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
