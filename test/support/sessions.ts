import type { NewApiHarness } from './harness.js';

/** The headers a raw authenticated call needs: the `session` cookie and `New-Api-User`. */
export type SessionHeaders = { cookie: string; 'New-Api-User': string };

/**
 * Logs a seeded account in with a raw request and returns its session headers, for tests about the
 * server rather than the SDK (role matrix, bad input).
 *
 * @example
 * const root = await sessionHeaders(api, 'root');
 * await api.raw('/api/user/', { headers: root });
 */
export async function sessionHeaders(api: NewApiHarness, username: string): Promise<SessionHeaders> {
  const account = api.server.accounts.find((a) => a.username === username);
  if (!account) throw new Error(`No seeded account ${username}.`);
  const response = await api.raw('/api/user/login', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password: account.password }),
  });
  const body = (await response.json()) as { success: boolean; data?: { id: number } };
  const cookie = response.headers.getSetCookie().find((line) => line.startsWith('session='));
  if (!body.success || !body.data || !cookie) throw new Error(`Failed to log in as ${username}: ${JSON.stringify(body)}`);
  return { cookie: cookie.split(';')[0]!, 'New-Api-User': String(body.data.id) };
}

/**
 * A JSON request init, with the given headers.
 *
 * @example
 * await api.raw('/api/user/manage', jsonInit('POST', { id: 3, action: 'disable' }, root));
 */
export function jsonInit(method: string, body: unknown, headers: Record<string, string> = {}): RequestInit {
  return { method, headers: { 'content-type': 'application/json', ...headers }, body: typeof body === 'string' ? body : JSON.stringify(body) };
}
