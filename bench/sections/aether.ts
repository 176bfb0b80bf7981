import { createReferenceServer, type ReferenceServer } from '../../mocks/index.js';
import { AetherClient } from '../../src/aether/index.js';
import { compare, type Comparison } from '../lib/measure.js';

const BASE = 'http://localhost';
/** A day and a second: the access token (24 h) has expired, the refresh token (7 days, rotated) has not. */
const PAST_THE_ACCESS_TOKEN = 24 * 60 * 60_000 + 1000;

/** A seeded aether server on a frozen clock without the login limit (5 a minute), and its bootstrap admin. */
async function aetherServer() {
  const server = createReferenceServer({ dialect: 'aether', seed: 1, clock: { frozen: true }, rateLimits: false });
  await server.ready;
  const admin = server.accounts.find((a) => a.role === 'admin' && a.email !== undefined)!;
  return { server, login: { email: admin.email!, password: admin.password } };
}

async function json<T>(server: ReferenceServer<'aether'>, path: string, init: RequestInit = {}): Promise<T> {
  const response = await server.fetch(new Request(BASE + path, init));
  if (!response.ok) throw new Error(`Failed to call ${path} by hand: HTTP ${response.status}.`);
  return (await response.json()) as T;
}

const post = (body: unknown): RequestInit => ({ method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });

/**
 * A whole login in-process: `client.auth.login` (the token session keeps the pair) against the same
 * `POST /api/auth/login` by hand with raw `server.fetch`. Each side has its own server (same seed), reset (untimed)
 * before each login; the server's password check is on both sides. One login a round, as platform's figure.
 */
export async function aetherLogin(quick: boolean): Promise<Comparison> {
  const sdkSide = await aetherServer();
  const rawSide = await aetherServer();
  const client = new AetherClient({ baseURL: BASE, fetch: sdkSide.server.fetch, maxRetries: 0 });
  const servers: Record<string, ReferenceServer<'aether'>> = { 'raw server.fetch': rawSide.server, sdk: sdkSide.server };
  return compare(
    'raw server.fetch',
    { 'raw server.fetch': () => json(rawSide.server, '/api/auth/login', post(rawSide.login)), sdk: () => client.auth.login(sdkSide.login) },
    { ...(quick ? { rounds: 101, iterations: 1, warmup: 10 } : { rounds: 401, iterations: 1, warmup: 20 }), beforeBlock: (name) => servers[name]!.reset() },
  );
}

/**
 * A call whose access token has expired: the SDK's `me.retrieve()` (401, the shared refresh, the call again) against
 * the same three requests by hand (GET 401, `POST /api/auth/refresh`, GET with the new token). Each call first
 * moves its side's clock a day on (a counter, the same on both sides), so the access token has expired and the
 * rotated refresh token has not.
 */
export async function aetherRefreshedCall(quick: boolean): Promise<Comparison> {
  const sdkSide = await aetherServer();
  const rawSide = await aetherServer();
  const client = new AetherClient({ baseURL: BASE, fetch: sdkSide.server.fetch, maxRetries: 0 });
  await client.auth.login(sdkSide.login);
  let pair = await json<{ access_token: string; refresh_token: string }>(rawSide.server, '/api/auth/login', post(rawSide.login));
  const bearer = (token: string): RequestInit => ({ headers: { authorization: `Bearer ${token}` } });
  const byHand = async () => {
    rawSide.server.clock.advance(PAST_THE_ACCESS_TOKEN);
    const first = await rawSide.server.fetch(new Request(`${BASE}/api/users/me`, bearer(pair.access_token)));
    if (first.status !== 401) throw new Error(`Failed to refresh by hand: the expired token got HTTP ${first.status}.`);
    await first.text();
    pair = await json(rawSide.server, '/api/auth/refresh', post({ refresh_token: pair.refresh_token }));
    return json(rawSide.server, '/api/users/me', bearer(pair.access_token));
  };
  const sdk = () => {
    sdkSide.server.clock.advance(PAST_THE_ACCESS_TOKEN);
    return client.me.retrieve();
  };
  return compare('raw server.fetch', { 'raw server.fetch': byHand, sdk }, quick ? { rounds: 201, iterations: 1, warmup: 10 } : { rounds: 801, iterations: 1, warmup: 20 });
}
