import { expect, test } from 'vitest';
import { AuthenticationError } from '../../src/index.js';
import { useNewApi } from '../support/harness.js';
import { sessionHeaders } from '../support/sessions.js';

const api = useNewApi();

const AUTH_VERSION = '864b7076dbcd0a3c01b5520316720ebf';
const BASE64_TOKEN = /^(?:[A-Za-z0-9+/]{28}|[A-Za-z0-9+/]{30}==|[A-Za-z0-9+/]{31}=|[A-Za-z0-9+/]{32})$/;

function commonUser() {
  const account = api.server.accounts.find((a) => a.role === 1)!;
  return { ...account, row: api.server.state.users.find((u) => u.username === account.username)! };
}

test('self.generateAccessToken: standard base64 of 21 to 24 random bytes, so 28 or 32 characters', async () => {
  const client = await api.loginAs('root');
  for (let i = 0; i < 12; i++) {
    const token = await client.self.generateAccessToken();
    expect(token).toMatch(BASE64_TOKEN);
    expect(Buffer.from(token, 'base64').length).toBeGreaterThanOrEqual(21);
    expect(Buffer.from(token, 'base64').length).toBeLessThanOrEqual(24);
  }
});

test('self.generateAccessToken: the token, with the user id, authenticates a new client without logging in', async () => {
  const user = commonUser();
  const token = await (await api.loginAs(user.username)).self.generateAccessToken();
  // i.e. new NewApiClient({ baseURL, fetch, accessToken: token, userId: user.row.id })
  const client = api.client({ accessToken: token, userId: user.row.id });
  await expect(client.self.retrieve()).resolves.toMatchObject({ id: user.row.id, username: user.username });
});

test('self.generateAccessToken: each call rotates the token, and the old one stops working', async () => {
  const session = await api.loginAs('root');
  const first = await session.self.generateAccessToken();
  const second = await session.self.generateAccessToken();
  expect(second).not.toBe(first);
  await expect(api.client({ accessToken: second, userId: 1 }).self.retrieve()).resolves.toMatchObject({ id: 1 });
  const err = await api.client({ accessToken: first, userId: 1 }).self.retrieve().catch((e) => e);
  expect(err).toBeInstanceOf(AuthenticationError);
  expect(err.status).toBe(200);
  expect(err.message).toBe('Unauthorized, invalid access token');
});

test('access token: "Bearer <token>" and the bare token work; a lowercase "bearer " prefix does not', async () => {
  const token = await (await api.loginAs('root')).self.generateAccessToken();
  const call = (authorization: string) => api.raw('/api/user/self', { headers: { authorization, 'New-Api-User': '1' } });
  expect((await (await call(`Bearer ${token}`)).json()).data.id).toBe(1);
  expect((await (await call(token)).json()).data.id).toBe(1);
  const lower = await call(`bearer ${token}`);
  expect(lower.status).toBe(200);
  expect(await lower.json()).toEqual({ success: false, message: 'Unauthorized, invalid access token' });
});

test('auth: no session and no access token is a 401', async () => {
  const err = await api.client().self.retrieve().catch((e) => e);
  expect(err).toBeInstanceOf(AuthenticationError);
  expect(err.status).toBe(401);
  expect(err.message).toBe('Unauthorized, not logged in and no access token provided');
});

test('New-Api-User: missing is a 401, even with a valid access token', async () => {
  const token = await (await api.loginAs('root')).self.generateAccessToken();
  const err = await api.client({ accessToken: token }).self.retrieve().catch((e) => e);
  expect(err).toBeInstanceOf(AuthenticationError);
  expect(err.status).toBe(401);
  expect(err.message).toBe('Unauthorized, New-Api-User header not provided');
});

test('New-Api-User: "Bearer 1", as BurnCloud\'s docs show it, is a 401 format error', async () => {
  const client = await api.loginAs('root');
  const err = await client.self.retrieve({ headers: { 'New-Api-User': 'Bearer 1' } }).catch((e) => e);
  expect(err.status).toBe(401);
  expect(err.message).toBe('Unauthorized, New-Api-User header format error');
});

test('New-Api-User: another user\'s id is a 401 mismatch', async () => {
  const client = await api.loginAs('root');
  const err = await client.self.retrieve({ headers: { 'New-Api-User': String(commonUser().row.id) } }).catch((e) => e);
  expect(err.status).toBe(401);
  expect(err.message).toBe('Unauthorized, New-Api-User does not match logged in user');
});

test('New-Api-User: the raw 401 answers, session cookie present', async () => {
  const { cookie } = await sessionHeaders(api, 'root');
  const call = async (headers: Record<string, string>) => {
    const response = await api.raw('/api/user/self', { headers: { cookie, ...headers } });
    return { status: response.status, body: await response.json(), authVersion: response.headers.get('auth-version') };
  };
  expect(await call({})).toEqual({ status: 401, body: { success: false, message: 'Unauthorized, New-Api-User header not provided' }, authVersion: null });
  expect(await call({ 'New-Api-User': 'Bearer 1' })).toEqual({ status: 401, body: { success: false, message: 'Unauthorized, New-Api-User header format error' }, authVersion: null });
  expect(await call({ 'New-Api-User': '2' })).toEqual({ status: 401, body: { success: false, message: 'Unauthorized, New-Api-User does not match logged in user' }, authVersion: null });
});

test('Auth-Version: set on answers that passed the auth middleware, absent on public routes', async () => {
  const headers = await sessionHeaders(api, 'root');
  const self = await api.raw('/api/user/self', { headers });
  expect(self.headers.get('auth-version')).toBe(AUTH_VERSION);
  const groups = await api.raw('/api/user/groups', { headers });
  expect(groups.headers.get('auth-version')).toBeNull();
});

test('session: a user disabled after login keeps a working session (the status is cached at login)', async () => {
  const user = commonUser();
  const client = await api.loginAs(user.username);
  await (await api.loginAs('root')).users.disable(user.row.id);
  // The middleware reads the session's status; the profile itself is read from the database.
  await expect(client.self.retrieve()).resolves.toMatchObject({ id: user.row.id, status: 2 });
  // Only a new login sees the new status.
  await expect(api.client().auth.login({ username: user.username, password: user.password })).rejects.toThrow(
    'Username or password is incorrect, or user has been banned',
  );
});

test('access token: a disabled user is refused at once with "User has been banned"', async () => {
  const user = commonUser();
  const token = await (await api.loginAs(user.username)).self.generateAccessToken();
  const viaToken = api.client({ accessToken: token, userId: user.row.id });
  await expect(viaToken.self.retrieve()).resolves.toMatchObject({ id: user.row.id });
  await (await api.loginAs('root')).users.disable(user.row.id);
  const err = await viaToken.self.retrieve().catch((e) => e);
  expect(err).toBeInstanceOf(AuthenticationError);
  expect(err.status).toBe(200);
  expect(err.message).toBe('User has been banned');
});

test('access token: the session wins when both are sent, so a bad token next to a good cookie is not checked', async () => {
  const client = await api.loginAs('root');
  await expect(client.self.retrieve({ headers: { Authorization: 'Bearer not-a-token' } })).resolves.toMatchObject({ id: 1 });
});
