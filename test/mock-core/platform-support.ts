/**
 * Raw-HTTP helpers for the platform reference-server tests, on the shared harness (test/support/lifecycle.ts: one
 * seeded server per file, reset before each test, every response contract-checked and no 500), plus shortcuts for the public key, captcha tokens,
 * encryption and login.
 * @module
 */
import type { PlatformAccount, PlatformRole, ReferenceServer } from '../../mocks/index.js';
import { encryptRsaOaep, importRsaOaepPublicKey } from '../../src/core/crypto/rsa-oaep.js';
import { useReferenceServer } from '../support/lifecycle.js';

/** What a platform envelope looks like to a test. */
export interface Envelope<T = any> {
  code: number;
  message: string;
  data: T;
}

/** Tokens of a logged-in seeded account. */
export interface Session {
  account: PlatformAccount;
  access: string;
  refresh: string;
  auth: Record<string, string>;
}

/** The helpers a test file gets from {@link usePlatform}. */
export interface PlatformTest {
  readonly server: ReferenceServer<'platform'>;
  account(role: PlatformRole): PlatformAccount;
  /** Any request; `body` is sent as JSON unless it is a string. */
  call(method: string, path: string, options?: { body?: unknown; token?: string; headers?: Record<string, string> }): Promise<Response>;
  /** `call`, then the parsed envelope and the status. */
  json<T = any>(method: string, path: string, options?: { body?: unknown; token?: string; headers?: Record<string, string> }): Promise<Envelope<T> & { status: number }>;
  publicKey(): Promise<{ key_id: string; public_key: string; expires_at: string }>;
  /** The password encrypted under the current key (WebCrypto, as the SDK does). */
  encrypt(password: string, publicKeyPem?: string): Promise<string>;
  captchaToken(): Promise<string>;
  /** Logs a seeded account in by email. */
  login(role: PlatformRole): Promise<Session>;
  /** A login body for `email` / `password`, key and captcha included. */
  loginBody(identifier: { email: string } | { phone: string }, password: string): Promise<Record<string, string>>;
}

/**
 * Starts a seeded platform server for the test file.
 *
 * @example
 * const t = usePlatform();
 * test('...', async () => { const { auth } = await t.login('personal'); });
 */
export function usePlatform(options: { seed?: number } = {}): PlatformTest {
  const life = useReferenceServer('platform', { ...options, transport: 'in-process', assertEachTest: true });
  const keys = new Map<string, Promise<CryptoKey>>();
  const server = { fetch: (path: string, init?: RequestInit) => life.server.fetch(path, init) };

  const t: PlatformTest = {
    get server() {
      return life.server;
    },
    account: (role) => life.server.accounts.find((a) => a.role === role)!,
    call(method, path, { body, token, headers = {} } = {}) {
      const init: RequestInit = { method, headers: { ...headers } };
      if (token) (init.headers as Record<string, string>).authorization = `Bearer ${token}`;
      if (body !== undefined) {
        init.body = typeof body === 'string' ? body : JSON.stringify(body);
        (init.headers as Record<string, string>)['content-type'] = 'application/json';
      }
      return server.fetch(path, init);
    },
    async json(method, path, options) {
      const response = await t.call(method, path, options);
      return { status: response.status, ...((await response.json()) as Envelope) };
    },
    async publicKey() {
      return (await t.json('GET', '/api/v1/auth/public-key')).data;
    },
    async encrypt(password, publicKeyPem) {
      const pem = publicKeyPem ?? (await t.publicKey()).public_key;
      let key = keys.get(pem);
      if (!key) keys.set(pem, (key = importRsaOaepPublicKey(pem)));
      return encryptRsaOaep(await key, password);
    },
    async captchaToken() {
      const captcha = (await t.json('POST', '/api/v1/auth/captcha')).data;
      const { answer } = (await (await server.fetch(`/__mock/captchas/${captcha.captcha_id}`)).json()) as { answer: string };
      return (await t.json('POST', '/api/v1/auth/captcha/verify', { body: { captcha_id: captcha.captcha_id, answer } })).data.captcha_token;
    },
    async loginBody(identifier, password) {
      const key = await t.publicKey();
      return { ...identifier, key_id: key.key_id, password: await t.encrypt(password, key.public_key), captcha_token: await t.captchaToken() };
    },
    async login(role) {
      const account = t.account(role);
      const answer = await t.json('POST', '/api/v1/auth/login', { body: await t.loginBody({ email: account.email }, account.password) });
      if (answer.code !== 0) throw new Error(`Failed to log in as ${role}: ${JSON.stringify(answer)}`);
      const { access_token: access, refresh_token: refresh } = answer.data;
      return { account, access, refresh, auth: { authorization: `Bearer ${access}` } };
    },
  };
  return t;
}
