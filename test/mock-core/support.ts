/**
 * Helpers for the reference-server tests: a server whose every response is checked to be no 500, and login
 * shortcuts.
 * @module
 */
import { request as httpRequest, type IncomingHttpHeaders, type RequestOptions } from 'node:http';
import { onTestFinished, vi } from 'vitest';
import type { ReferenceServer, ReferenceServerOptions } from '../../mocks/index.js';
import { testServer } from '../support/test-server.js';

/** Responses with status 500 seen by servers made with {@link newApiServer}; the suite asserts it stays empty. */
export const serverErrors: string[] = [];

/**
 * A seeded new-api server that records any 500 it answers (a 500 is a bug in the mock).
 *
 * @example
 * const server = await newApiServer();
 */
export function newApiServer(options: Partial<ReferenceServerOptions<'newapi'>> = {}): Promise<ReferenceServer<'newapi'>> {
  return testServer('newapi', options, serverErrors);
}

/**
 * Logs in and returns the headers an authenticated call needs (cookie + `New-Api-User`).
 *
 * @example
 * const headers = await loginAs(server, 'root', '123456');
 */
export async function loginAs(server: ReferenceServer<'newapi'>, username: string, password: string): Promise<Record<string, string>> {
  const response = await server.fetch('/api/user/login', { method: 'POST', body: JSON.stringify({ username, password }) });
  const body = (await response.json()) as { success: boolean; data?: { id: number } };
  if (!body.success || !body.data) throw new Error(`Failed to log in as ${username}: ${JSON.stringify(body)}`);
  const cookie = response.headers.getSetCookie()[0]!.split(';')[0]!;
  return { cookie, 'New-Api-User': String(body.data.id) };
}

/**
 * A JSON request init.
 *
 * @example
 * await server.fetch('/api/user/manage', json('POST', { id: 2, action: 'disable' }, headers));
 */
export function json(method: string, body: unknown, headers: Record<string, string> = {}): RequestInit {
  return { method, body: JSON.stringify(body), headers: { 'content-type': 'application/json', ...headers } };
}

/**
 * Adds `count` users straight into the state, copies of a seeded user with their own id, name, email and
 * invitation code (no hashing, no requests: fast enough for 10,000).
 *
 * @example
 * addUsers(server, 10_000);
 */
export function addUsers(server: ReferenceServer<'newapi'>, count: number): void {
  const template = server.state.users.find((u) => u.role === 1)!;
  for (let i = 0; i < count; i++) {
    const id = server.state.next_user_id++;
    server.state.users.push({ ...structuredClone(template), id, username: `bulk${id}`, email: `bulk${id}@example.com`, aff_code: `b${id.toString(36)}` });
  }
}

/** What {@link watchPasswordWork} saw. */
export interface PasswordWork {
  /** The iteration count of every PBKDF2 derivation since the watch began. */
  readonly iterations: number[];
  /** Resolves when the first derivation starts. */
  readonly started: Promise<void>;
  /** Lets held derivations finish. */
  release(): void;
}

/**
 * Watches the servers' PBKDF2 derivations (WebCrypto `deriveBits`) until the test ends; with `hold`, each one
 * waits for `release()`, so a test can act while a request's password work is pending without depending on how
 * long it takes. Once per test.
 *
 * @example
 * const work = watchPasswordWork({ hold: true });
 * const login = server.fetch(...);
 * await work.started;
 * work.release();
 */
export function watchPasswordWork(options: { hold?: boolean } = {}): PasswordWork {
  const subtle = globalThis.crypto.subtle;
  // A second spy would wrap the first and call itself.
  if (vi.isMockFunction(subtle.deriveBits)) throw new Error('Failed to watch password work: a watch is already running. Please use one per test.');
  const real = subtle.deriveBits.bind(subtle);
  const iterations: number[] = [];
  let release!: () => void;
  const released = new Promise<void>((resolve) => (release = resolve));
  let start!: () => void;
  const started = new Promise<void>((resolve) => (start = resolve));
  const spy = vi.spyOn(subtle, 'deriveBits').mockImplementation(async (algorithm, key, length) => {
    const params = algorithm as Pbkdf2Params;
    if (params.name === 'PBKDF2') {
      iterations.push(params.iterations);
      start();
      if (options.hold) await released;
    }
    return real(algorithm, key, length);
  });
  // Also when the test fails or times out: a held spy left behind would stall every later test of the file.
  onTestFinished(() => {
    release();
    spy.mockRestore();
  });
  return { iterations, started, release };
}

/** An answer read by {@link sendRaw}. */
export interface RawAnswer {
  status: number;
  headers: IncomingHttpHeaders;
  text: string;
}

/**
 * A request over node:http, which (unlike fetch) sends whatever `Host` and request target it is given.
 *
 * @example
 * const { status } = await sendRaw(`${running.url}/__mock/state`, { headers: { host: 'evil.example' } });
 */
export function sendRaw(url: string, options: RequestOptions = {}, body?: string): Promise<RawAnswer> {
  return new Promise((resolve, reject) => {
    const req = httpRequest(url, options, (res) => {
      let text = '';
      res.setEncoding('utf8').on('data', (chunk: string) => (text += chunk)).on('end', () => resolve({ status: res.statusCode!, headers: res.headers, text }));
    });
    req.once('error', reject).end(body);
  });
}
