// Connecting a Gateway to a test file's reference server, for each of the four dialects.
import type { AetherAccountRole, PlatformRole, ReferenceServer } from '../../mocks/index.js';
import { connect, type ConnectOptions, type Dialect, type DialectAuth, type Gateway } from '../../src/index.js';
import { PlatformClient } from '../../src/platform/index.js';
import type { ServerLifecycle } from '../support/lifecycle.js';

/** `connect()` to the harness's server over its transport, without retries (one request per call). */
export function connectTo<D extends Dialect>(life: ServerLifecycle<D>, dialect: D, auth: DialectAuth[D]): Promise<Gateway<D>> {
  return connect({ baseURL: life.baseURL, fetch: life.fetch, maxRetries: 0, dialect, auth } as ConnectOptions<D>);
}

/** The seeded new-api account with this role (100 root, 10 admin, 1 common), with its login. */
export function newApiAccount(server: ReferenceServer<'newapi'>, role: number, nth = 0) {
  return server.accounts.filter((a) => a.role === role)[nth]!;
}

/** A Gateway logged in as the seeded new-api account with `role`. */
export function newApiGateway(life: ServerLifecycle<'newapi'>, role = 100): Promise<Gateway<'newapi'>> {
  const { username, password } = newApiAccount(life.server, role);
  return connectTo(life, 'newapi', { username, password });
}

/** A Gateway logged in as the seeded platform account playing `role`; the captcha is solved as a test can. */
export async function platformGateway(life: ServerLifecycle<'platform'>, role: PlatformRole = 'enterprise owner'): Promise<Gateway<'platform'>> {
  const account = life.server.accounts.find((a) => a.role === role)!;
  const solver = new PlatformClient({ baseURL: life.baseURL, fetch: life.fetch, maxRetries: 0 });
  const { captcha_id } = await solver.auth.captcha.create();
  const { answer } = (await (await life.raw(`/__mock/captchas/${captcha_id}`)).json()) as { answer: string };
  const { captcha_token } = await solver.auth.captcha.verify({ captcha_id, answer });
  return connectTo(life, 'platform', { email: account.email, password: account.password, captcha_token });
}

/** A Gateway logged in by email as the seeded aether account playing `role` (the bootstrap admin by default). */
export function aetherGateway(life: ServerLifecycle<'aether'>, role: AetherAccountRole = 'admin'): Promise<Gateway<'aether'>> {
  const { email, password } = life.server.accounts.find((a) => a.role === role)!;
  return connectTo(life, 'aether', { email, password });
}

/** A Gateway over the seeded opencat team with root's token, or with `token`. */
export function openCatGateway(life: ServerLifecycle<'opencat'>, token = life.server.accounts.find((a) => a.role === 'root')!.token): Promise<Gateway<'opencat'>> {
  return connectTo(life, 'opencat', { token });
}
