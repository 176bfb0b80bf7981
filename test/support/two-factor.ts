import { totpCode, type ReferenceServer } from '../../mocks/index.js';

/**
 * Turns 2FA on for a new-api account through its own routes (setup, then enable with a code), as a user would,
 * and logs that session out again. Returns the secret the setup answer showed: the state keeps it only sealed,
 * so this is how a test gets a secret to compute codes from.
 *
 * @example
 * const secret = await turnOnTwoFactor(server, account.username, account.password);
 * const code = await totpCode(secret, server.clock.now());
 */
export async function turnOnTwoFactor(server: ReferenceServer<'newapi'>, username: string, password: string): Promise<string> {
  const post = (path: string, body: unknown, headers: Record<string, string> = {}) =>
    server.fetch(path, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(body) });
  const login = await post('/api/user/login', { username, password });
  const loggedIn = (await login.json()) as { success: boolean; data?: { id: number } };
  if (!loggedIn.success || !loggedIn.data) throw new Error(`Failed to log in as ${username}: ${JSON.stringify(loggedIn)}`);
  const headers = { cookie: login.headers.getSetCookie()[0]!.split(';')[0]!, 'New-Api-User': String(loggedIn.data.id) };
  const setup = (await (await post('/api/user/2fa/setup', {}, headers)).json()) as { data: { secret: string } };
  const enabled = (await (await post('/api/user/2fa/enable', { code: await totpCode(setup.data.secret, server.clock.now()) }, headers)).json()) as { success: boolean };
  if (!enabled.success) throw new Error(`Failed to turn on 2FA for ${username}: ${JSON.stringify(enabled)}`);
  await server.fetch('/api/user/logout', { headers });
  return setup.data.secret;
}
