/**
 * A minimal dialect for testing the core on its own: a counter, a route that writes then throws, a route that
 * reads JSON, one that hashes a password between two writes, one that sets two cookies.
 * @module
 */
import { z, type ZodType } from 'zod';
import { jsonResponse } from '../../mocks/core/response.js';
import type { Dialect } from '../../mocks/core/types.js';
import type { OutboxMessage } from '../../mocks/core/outbox.js';

export interface TinyState {
  settings: { open: boolean };
  outbox: OutboxMessage[];
  counter: number;
  items: string[];
}

/** The tiny dialect: errors are `{ error, status }` so tests can tell which writer answered. */
export const tinyDialect: Dialect<TinyState> = {
  name: 'tiny',
  routes: [
    { method: 'GET', path: '/counter', handler: (ctx) => jsonResponse({ counter: ctx.state.counter, items: ctx.state.items }) },
    {
      method: 'POST',
      path: '/increment-then-throw',
      handler: (ctx) => {
        ctx.state.counter += 1;
        ctx.state.items.push('half-written');
        throw new Error('boom');
      },
    },
    {
      method: 'POST',
      path: '/echo',
      handler: async (ctx) => {
        const body = await ctx.readJson();
        ctx.state.counter += 1;
        return jsonResponse({ body });
      },
    },
    {
      method: 'POST',
      path: '/hash',
      handler: async (ctx) => {
        ctx.state.items.push('before hashing');
        const seen = ctx.state.counter;
        const hash = await ctx.hashPassword('secret');
        ctx.state.items.push(hash, ctx.random.string(4, 'abcdef'));
        return jsonResponse({ seen });
      },
    },
    {
      method: 'GET',
      path: '/cookies',
      handler: () => {
        const headers = new Headers();
        headers.append('Set-Cookie', 'a=1; Path=/');
        headers.append('Set-Cookie', 'b=2; Path=/; Expires=Wed, 21 Oct 2026 07:28:00 GMT');
        return new Response('ok', { headers });
      },
    },
  ],
  errors: {
    notFound: () => jsonResponse({ error: 'not_found' }, { status: 404 }),
    methodNotAllowed: (_ctx, allowed) => jsonResponse({ error: 'method_not_allowed', allowed }, { status: 405, headers: { allow: allowed.join(', ') } }),
    // Like new-api, one answer for an empty and a malformed body; tests that need them apart override one hook.
    emptyBody: () => jsonResponse({ error: 'invalid_body' }, { status: 400 }),
    invalidJson: () => jsonResponse({ error: 'invalid_body' }, { status: 400 }),
    notObject: () => jsonResponse({ error: 'not_object' }, { status: 422 }),
    bodyTooLarge: () => jsonResponse({ error: 'too_large' }, { status: 413 }),
    internal: () => jsonResponse({ error: 'internal' }, { status: 500 }),
    fault: (_ctx, status) => jsonResponse({ error: 'fault' }, { status }),
  },
  async seed(ctx, settings) {
    return {
      state: { settings: { open: true, ...settings }, outbox: [], counter: 0, items: [ctx.random.string(6, 'abcdef')] },
      accounts: [],
    };
  },
  settingsSchema: z.strictObject({ open: z.boolean() }).partial(),
  stateSchema: z.looseObject({ settings: z.looseObject({ open: z.boolean() }), outbox: z.array(z.looseObject({ id: z.number() })), counter: z.number(), items: z.array(z.string()) }) as unknown as ZodType<TinyState>,
  contract: 'openapi/tiny.yaml',
  sandbox: { port: 4099, example: (url) => `curl -s ${url}/counter` },
};
