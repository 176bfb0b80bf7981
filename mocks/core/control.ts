/**
 * The control API under `/__mock/`, the same for every dialect: reset, state export/import, clock, settings,
 * outbox, faults, the seeded accounts and the request journal, and the inspector page over them (`GET /__mock/`).
 * It answers plain JSON (`{ error }` with HTTP 400 on bad input), not the dialect's envelope.
 * @module
 */
import { BodyError, STATE_IMPORT_LIMIT_BYTES } from './body.js';
import { describeStatuses, faultConfigSchema, type FaultConfig } from './faults.js';
import { inspectorPage } from './inspector-page.js';
import { jsonResponse } from './response.js';
import type { AccountSummary } from './accounts.js';
import { REQUEST_JOURNAL_SIZE, type RequestJournal } from './request-journal.js';
import type { BaseState, RequestContext, Route } from './types.js';
import { z } from 'zod';

/**
 * Whether `path` (a route pattern or a request path) is the sandbox's own: `/__mock` itself (which only sends a
 * browser on to the inspector at `/__mock/`) or anything under `/__mock/`.
 *
 * @example
 * isSandboxPath('/__mock/state'); // true
 * isSandboxPath('/api/user/'); // false
 */
export function isSandboxPath(path: string): boolean {
  return path === '/__mock' || path.startsWith('/__mock/');
}

/** What the control API needs from the engine. */
export interface ControlHooks<S extends BaseState> {
  /** The dialect's name, which the inspector page shows. */
  dialect: string;
  reset(): Promise<void>;
  /** The state as `JSON.stringify` writes it, streamed (./json-stream.ts). */
  exportState(): ReadableStream<Uint8Array>;
  importState(body: unknown): Promise<{ ok: true } | { ok: false; error: string }>;
  patchSettings(body: unknown): { ok: true; value: unknown } | { ok: false; error: string };
  /** The statuses `fail_route` may force (the dialect's `faultStatuses`). */
  faultStatuses: readonly number[];
  getFaults(): FaultConfig;
  setFaults(faults: FaultConfig): void;
  /** The request journal (mocks/core/request-journal.ts). */
  requests: RequestJournal;
  /** The seeded logins, as `GET /__mock/accounts` lists them. */
  accounts(): AccountSummary[];
}

const requestFilterSchema = z.strictObject({
  method: z.string().regex(/^[A-Za-z]{1,16}$/).optional(),
  path: z.string().max(1024).optional(),
  status: z.coerce.number().int().min(100).max(599).optional(),
  limit: z.coerce.number().int().min(1).max(REQUEST_JOURNAL_SIZE).optional(),
});

const clockSchema = z.union([
  z.strictObject({ advance_ms: z.number().finite() }),
  z.strictObject({ now: z.number().int().nonnegative() }),
]);

/**
 * The control routes, bound to an engine.
 *
 * @example
 * const routes = [...dialect.routes, ...controlRoutes(hooks)];
 */
export function controlRoutes<S extends BaseState>(hooks: ControlHooks<S>): Route<S>[] {
  const ok = () => jsonResponse({ ok: true });
  return [
    // The page holds no data, so it loads without the token (an address bar cannot send one); its calls carry it.
    { method: 'GET', path: '/__mock/', handler: () => inspectorPage(hooks.dialect), shell: true },
    // Relative, so a base path in front is kept, and the page's own relative URLs resolve under `/__mock/`.
    { method: 'GET', path: '/__mock', handler: () => new Response(null, { status: 308, headers: { location: '__mock/' } }), shell: true },
    { method: 'POST', path: '/__mock/reset', handler: async () => (await hooks.reset(), ok()) },
    { method: 'GET', path: '/__mock/state', handler: () => new Response(hooks.exportState(), { headers: { 'content-type': 'application/json; charset=utf-8' } }) },
    {
      method: 'PUT',
      path: '/__mock/state',
      // Whatever the export gives must import back, however many users or mails it holds.
      bodyLimit: STATE_IMPORT_LIMIT_BYTES,
      handler: async (ctx) => {
        const body = await readBody(ctx);
        if (!body.ok) return body.response;
        const result = await hooks.importState(body.value);
        return result.ok ? ok() : badRequest(`Failed to import the state: ${result.error}`);
      },
    },
    { method: 'GET', path: '/__mock/clock', handler: (ctx) => jsonResponse({ now: ctx.clock.now() }) },
    {
      method: 'POST',
      path: '/__mock/clock',
      handler: async (ctx) => {
        const body = await readBody(ctx);
        if (!body.ok) return body.response;
        const parsed = clockSchema.safeParse(body.value);
        if (!parsed.success) return badRequest('Failed to move the clock: send {"advance_ms": n} or {"now": epochMs}.');
        if ('advance_ms' in parsed.data) ctx.clock.advance(parsed.data.advance_ms);
        else ctx.clock.set(parsed.data.now);
        return jsonResponse({ now: ctx.clock.now() });
      },
    },
    { method: 'GET', path: '/__mock/settings', handler: (ctx) => jsonResponse(ctx.settings) },
    {
      method: 'PATCH',
      path: '/__mock/settings',
      handler: async (ctx) => {
        const body = await readBody(ctx);
        if (!body.ok) return body.response;
        const result = hooks.patchSettings(body.value);
        return result.ok ? jsonResponse(result.value) : badRequest(`Failed to update the settings: ${result.error}`);
      },
    },
    { method: 'GET', path: '/__mock/outbox', handler: (ctx) => jsonResponse({ messages: ctx.state.outbox }) },
    { method: 'DELETE', path: '/__mock/outbox', handler: (ctx) => (ctx.state.outbox.length = 0, ok()) },
    { method: 'GET', path: '/__mock/faults', handler: () => jsonResponse(hooks.getFaults()) },
    {
      method: 'PUT',
      path: '/__mock/faults',
      handler: async (ctx) => {
        const body = await readBody(ctx);
        if (!body.ok) return body.response;
        const parsed = faultConfigSchema.safeParse(body.value);
        if (!parsed.success) return badRequest(`Failed to set the faults: ${z.prettifyError(parsed.error)}`);
        const status = parsed.data.fail_route?.status;
        if (status !== undefined && !hooks.faultStatuses.includes(status)) {
          return badRequest(`Failed to set the faults: fail_route.status ${status} cannot carry an error body here. Please use one of ${describeStatuses(hooks.faultStatuses)}.`);
        }
        hooks.setFaults(parsed.data);
        return jsonResponse(parsed.data);
      },
    },
    { method: 'DELETE', path: '/__mock/faults', handler: () => (hooks.setFaults({}), ok()) },
    { method: 'GET', path: '/__mock/accounts', handler: () => jsonResponse({ accounts: hooks.accounts() }) },
    {
      method: 'GET',
      path: '/__mock/requests',
      handler: (ctx) => {
        const parsed = requestFilterSchema.safeParse(Object.fromEntries(ctx.query));
        if (!parsed.success) return badRequest(`Failed to list the requests: ${z.prettifyError(parsed.error)}`);
        return jsonResponse({ requests: hooks.requests.list(parsed.data) });
      },
    },
    { method: 'DELETE', path: '/__mock/requests', handler: () => (hooks.requests.clear(), ok()), mutates: false },
  ];
}

function badRequest(error: string): Response {
  return jsonResponse({ error }, { status: 400 });
}

const readBody = (ctx: RequestContext<BaseState>) => readControlJson(ctx, 'Failed to read the body: send JSON.');

/**
 * The JSON body of a control route, or its answer in the control API's shape: 413 naming the limit for a body past
 * it, else 400 with `unreadable`. Dialects' own control routes (`POST /__mock/usages`) read theirs with it too.
 *
 * @example
 * const body = await readControlJson(ctx, 'Failed to record the usage: send a JSON object.');
 * if (!body.ok) return body.response;
 */
export async function readControlJson(ctx: RequestContext<BaseState>, unreadable: string): Promise<{ ok: true; value: unknown } | { ok: false; response: Response }> {
  try {
    return { ok: true, value: await ctx.readJson() };
  } catch (error) {
    const tooLarge = error instanceof BodyError && error.kind === 'too_large';
    return { ok: false, response: tooLarge ? jsonResponse({ error: error.message }, { status: 413 }) : badRequest(unreadable) };
  }
}
