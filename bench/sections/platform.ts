import { createReferenceServer, type ReferenceServer } from '../../mocks/index.js';
import { ApiPromise } from '../../src/index.js';
import { PlatformClient } from '../../src/platform/index.js';
import { compare, type Comparison } from '../lib/measure.js';

const OAEP = { name: 'RSA-OAEP' } as const;
const BASE = 'http://localhost';

interface Envelope<T> {
  code: number;
  data: T;
}

/** A seeded platform server, with the account the login figures sign in as. */
async function platformServer() {
  const server = createReferenceServer({ dialect: 'platform', seed: 1 });
  await server.ready;
  const account = server.accounts.find((a) => a.role === 'personal')!;
  return { server, account };
}

/** A raw WebCrypto key for the server's current public key, imported once, as the anchors use it. */
async function rawKey(server: ReferenceServer<'platform'>): Promise<{ key_id: string; key: CryptoKey }> {
  const { data } = (await (await server.fetch(`${BASE}/api/v1/auth/public-key`)).json()) as Envelope<{ key_id: string; public_key: string }>;
  const der = Buffer.from(data.public_key.replace(/-----(BEGIN|END) PUBLIC KEY-----|\s/g, ''), 'base64');
  return { key_id: data.key_id, key: await crypto.subtle.importKey('spki', der, { ...OAEP, hash: 'SHA-256' }, false, ['encrypt']) };
}

async function rawEncrypt(key: CryptoKey, password: string): Promise<string> {
  return Buffer.from(await crypto.subtle.encrypt(OAEP, key, new TextEncoder().encode(password))).toString('base64');
}

/**
 * One password field encrypted with the key already cached: the SDK's per-call path (`withPasswords`, which
 * every password route goes through, with a send that does nothing) against raw `crypto.subtle.encrypt`
 * plus base64 under a key imported once.
 *
 * Rounds of one call each: WebCrypto encrypts on the libuv thread pool, and on a shared 2-core machine blocks
 * of 50–500 calls gave per-round ratios from 0.4 to 2.2 and medians from 0.9 to 1.15 run to run. Pairs of
 * single calls, a few hundred µs apart, see the same load; their median ratio repeats within ±0.02.
 */
export async function platformEncryption(quick: boolean): Promise<Comparison> {
  const { server, account } = await platformServer();
  const client = new PlatformClient({ baseURL: BASE, fetch: server.fetch, maxRetries: 0 });
  const { key } = await rawKey(server);
  const password = account.password;
  const sent = new Response(null);
  const noSend = (fields: { password: string }) => ApiPromise.chain(async () => ({ data: fields.password, answer: { response: sent } }));
  return compare(
    'raw WebCrypto',
    {
      'raw WebCrypto': () => rawEncrypt(key, password),
      sdk: () => client.withPasswords({ password }, noSend),
    },
    quick ? { rounds: 1001, iterations: 1, warmup: 200 } : { rounds: 4001, iterations: 1, warmup: 500 },
  );
}

/**
 * A whole login in-process, the public key cached after the first: captcha issue, its answer from the control
 * API, captcha verify, encryption and `POST /api/v1/auth/login`. The SDK against the same requests written by
 * hand with raw `server.fetch` and raw WebCrypto. Each contender has its own server (same seed), reset to its
 * seeded state (untimed) before each login, so both sides always log in to the same state (every login stores a
 * session, tokens and a used ciphertext). One login a round, for the same reason as above.
 */
export async function platformLogin(quick: boolean): Promise<Comparison> {
  const sdkSide = await platformServer();
  const rawSide = await platformServer();
  const client = new PlatformClient({ baseURL: BASE, fetch: sdkSide.server.fetch, maxRetries: 0 });
  const { key_id, key } = await rawKey(rawSide.server);
  const { email, password } = rawSide.account;

  const answerOf = async (server: ReferenceServer<'platform'>, captchaId: string) =>
    ((await (await server.fetch(`${BASE}/__mock/captchas/${captchaId}`)).json()) as { answer: string }).answer;

  const sdkLogin = async () => {
    const { captcha_id } = await client.auth.captcha.create();
    const { captcha_token } = await client.auth.captcha.verify({ captcha_id, answer: await answerOf(sdkSide.server, captcha_id) });
    return client.auth.login({ email: sdkSide.account.email, password: sdkSide.account.password, captcha_token });
  };

  const post = async <T>(path: string, body?: unknown): Promise<T> => {
    const init: RequestInit = body === undefined ? { method: 'POST' } : { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) };
    const answer = (await (await rawSide.server.fetch(new Request(BASE + path, init))).json()) as Envelope<T>;
    if (answer.code !== 0) throw new Error(`Failed to log in by hand: ${path} answered ${answer.code}.`);
    return answer.data;
  };
  const rawLogin = async () => {
    const { captcha_id } = await post<{ captcha_id: string }>('/api/v1/auth/captcha');
    const { captcha_token } = await post<{ captcha_token: string }>('/api/v1/auth/captcha/verify', { captcha_id, answer: await answerOf(rawSide.server, captcha_id) });
    return post('/api/v1/auth/login', { email, password: await rawEncrypt(key, password), key_id, captcha_token });
  };

  const servers: Record<string, ReferenceServer<'platform'>> = { 'raw server.fetch': rawSide.server, sdk: sdkSide.server };
  return compare(
    'raw server.fetch',
    { 'raw server.fetch': rawLogin, sdk: sdkLogin },
    { ...(quick ? { rounds: 151, iterations: 1, warmup: 10 } : { rounds: 601, iterations: 1, warmup: 20 }), beforeBlock: (name) => servers[name]!.reset() },
  );
}

/**
 * Whether a sandbox slows down as it fills: the same SDK login against a server that already holds `stored`
 * sessions (earlier logins, never reset, as a partner's integration suite leaves it) and against a freshly
 * reset one. Mutating requests undo failures through a write journal (docs/decisions/013); copying the state
 * before each write made this ratio grow with the state (7.7× at 2,000 sessions).
 */
export async function platformLoginOnAFullServer(quick: boolean): Promise<Comparison & { stored: number }> {
  const stored = quick ? 500 : 2000;
  const fresh = await platformServer();
  const full = await platformServer();
  const loginTo = (side: Awaited<ReturnType<typeof platformServer>>) => {
    const client = new PlatformClient({ baseURL: BASE, fetch: side.server.fetch, maxRetries: 0 });
    return async () => {
      const { captcha_id } = await client.auth.captcha.create();
      const { answer } = (await (await side.server.fetch(`${BASE}/__mock/captchas/${captcha_id}`)).json()) as { answer: string };
      const { captcha_token } = await client.auth.captcha.verify({ captcha_id, answer });
      return client.auth.login({ email: side.account.email, password: side.account.password, captcha_token });
    };
  };
  const logins = { fresh: loginTo(fresh), full: loginTo(full) };
  for (let i = 0; i < stored; i++) await logins.full();
  const result = await compare('fresh', logins, {
    ...(quick ? { rounds: 101, iterations: 1, warmup: 5 } : { rounds: 301, iterations: 1, warmup: 10 }),
    // Only the fresh side is reset; the full one keeps (and grows) what it stored.
    beforeBlock: (name) => (name === 'fresh' ? fresh.server.reset() : undefined),
  });
  return { ...result, stored };
}
