import type { PlatformAccount, PlatformRole, ReferenceServer } from '../../mocks/index.js';
import { useReferenceServer } from './lifecycle.js';
import { PlatformClient, type PlatformClientOptions } from '../../src/platform/index.js';
import { encryptRsaOaep, importRsaOaepPublicKey } from '../../src/core/crypto/rsa-oaep.js';

export interface PlatformHarness {
  server: ReferenceServer<'platform'>;
  baseURL: string;
  /** A fresh client; no retries, so each call is one request. */
  client(options?: Partial<PlatformClientOptions>): PlatformClient;
  /** The seeded account that plays `role`. */
  account(role: PlatformRole): PlatformAccount;
  /** A captcha's answer, read from the control API as a test can (`GET /__mock/captchas/:id`). */
  captchaAnswer(captchaId: string): Promise<string>;
  /** Solves a captcha as a test can: issue it through the SDK, read its answer from the control API. */
  captchaToken(client?: PlatformClient): Promise<string>;
  /** A client logged in as the seeded account that plays `role`. */
  loginAs(role: PlatformRole, options?: Partial<PlatformClientOptions>): Promise<PlatformClient>;
  /** The tokens of a fresh login of `role` (through the real login route), for raw `Authorization: Bearer` calls. */
  loginTokens(role: PlatformRole): Promise<{ access_token: string; refresh_token: string }>;
  /** Password fields for a raw body: `key_id` plus each password encrypted under the current key, as the SDK sends them. */
  encryptPasswords<K extends string>(passwords: Record<K, string>): Promise<Record<K | 'key_id', string>>;
  /** The code in the newest outbox message to `to`. */
  lastCode(to: string): string;
  /** A raw request, for what the SDK would refuse to send. */
  raw(path: string, init?: RequestInit): Promise<Response>;
  /** The fetch of this transport (the server's own in-process, the real one over HTTP), for wrapping. */
  fetch(request: Request): Promise<Response>;
}

/**
 * Starts a platform reference server for one test file, resets it before each test, and stops it after
 * the file. Runs in-process or over HTTP (GATEWAYKIT_TRANSPORT); every response is contract-checked.
 */
export function usePlatform(options: { seed?: number } = {}): PlatformHarness {
  const life = useReferenceServer('platform', options);
  const fetchImpl = life.fetch;

  const harness: PlatformHarness = {
    get server() {
      return life.server;
    },
    get baseURL() {
      return life.baseURL;
    },
    client: (extra = {}) => new PlatformClient({ baseURL: life.baseURL, fetch: fetchImpl, maxRetries: 0, ...extra }),
    account(role) {
      const account = life.server.accounts.find((a) => a.role === role);
      if (!account) throw new Error(`No seeded account plays ${role}; seeded: ${life.server.accounts.map((a) => a.role).join(', ')}`);
      return account;
    },
    async captchaAnswer(captchaId) {
      return ((await (await harness.raw(`/__mock/captchas/${captchaId}`)).json()) as { answer: string }).answer;
    },
    async captchaToken(client = harness.client()) {
      const { captcha_id } = await client.auth.captcha.create();
      return (await client.auth.captcha.verify({ captcha_id, answer: await harness.captchaAnswer(captcha_id) })).captcha_token;
    },
    async loginAs(role, extra) {
      const client = harness.client(extra);
      await logIn(client, role);
      return client;
    },
    async loginTokens(role) {
      const { access_token, refresh_token } = await logIn(harness.client(), role);
      return { access_token, refresh_token };
    },
    encryptPasswords: (passwords) => encryptPasswords(harness.client(), passwords),
    lastCode(to) {
      const message = life.server.state.outbox.findLast((m) => m.to === to && m.code !== undefined);
      if (!message?.code) throw new Error(`No code was sent to ${to}.`);
      return message.code;
    },
    raw: life.raw,
    fetch: fetchImpl,
  };
  const logIn = async (client: PlatformClient, role: PlatformRole) => {
    const { email, password } = harness.account(role);
    return client.auth.login({ email, password, captcha_token: await harness.captchaToken(client) });
  };
  return harness;
}

async function encryptPasswords<K extends string>(client: PlatformClient, passwords: Record<K, string>): Promise<Record<K | 'key_id', string>> {
  const { key_id, public_key } = await client.auth.publicKey();
  const key = await importRsaOaepPublicKey(public_key);
  const fields = await Promise.all(Object.entries<string>(passwords).map(async ([name, plain]) => [name, await encryptRsaOaep(key, plain)] as const));
  return { ...Object.fromEntries(fields), key_id } as Record<K | 'key_id', string>;
}
