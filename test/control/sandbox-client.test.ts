import { expect, test } from 'vitest';
import { SandboxClient, SandboxControlError } from '../../mocks/index.js';
import { useNewApi } from '../support/harness.js';

// Every answer here is also checked against openapi/control.yaml (test/support/contract.ts).
const api = useNewApi();
const sandbox = () => new SandboxClient({ baseURL: api.baseURL, fetch: api.fetch });

test('sandbox client: reset brings back the seeded state after a change', async () => {
  const control = sandbox();
  await control.settings.patch({ RegisterEnabled: false });
  expect(await control.settings.get()).toMatchObject({ RegisterEnabled: false });
  await control.reset();
  expect(await control.settings.get()).toMatchObject({ RegisterEnabled: true });
});

test('sandbox client: the state exports and imports back; a refused import throws the server text', async () => {
  const control = sandbox();
  const saved = await control.state.export();
  await api.client().auth.register({ username: 'temporary', password: 'secret-pass-1' });
  await control.state.import(saved);
  expect(((await control.state.export()) as { users: Array<{ username: string }> }).users.map((u) => u.username)).not.toContain('temporary');
  const refused = await control.state.import({ users: 'nobody' }).catch((e: unknown) => e);
  expect(refused).toBeInstanceOf(SandboxControlError);
  expect(refused).toMatchObject({ status: 400, message: expect.stringMatching(/^Failed to import the state: /) });
});

test('sandbox client: the clock advances and jumps', async () => {
  const control = sandbox();
  const now = await control.clock.now();
  expect(await control.clock.advance(60_000)).toBe(now + 60_000);
  expect(await control.clock.set(Date.UTC(2030, 0, 1))).toBe(Date.UTC(2030, 0, 1));
});

test('sandbox client: outbox.waitFor finds the code a verification mail carries; list and clear', async () => {
  const control = sandbox();
  await control.settings.patch({ EmailVerificationEnabled: true });
  await api.client().verification.send({ email: 'alice@example.com' });
  const mail = await control.outbox.waitFor({ to: 'alice@example.com', subject: /验证/ });
  expect(mail.code).toMatch(/^[0-9a-f]{6}$/);
  expect(await control.outbox.list()).toHaveLength(1);
  await control.outbox.clear();
  expect(await control.outbox.list()).toEqual([]);
  await expect(control.outbox.waitFor({ to: 'nobody@example.com', timeoutMs: 0 })).rejects.toThrow("Failed to find a message to nobody@example.com in the sandbox's outbox within 0 ms.");
});

test('sandbox client: faults set, read and clear', async () => {
  const control = sandbox();
  // new-api's usual failure: HTTP 200 with success false, the one fault status its contract describes.
  const fault = { fail_route: { method: 'GET', path: '/api/user/groups', status: 200 } };
  expect(await control.faults.set(fault)).toEqual(fault);
  expect(await (await api.raw('/api/user/groups')).json()).toMatchObject({ success: false, message: 'Injected fault' });
  expect(await control.faults.get()).toEqual(fault);
  await control.faults.clear();
  expect(await (await api.raw('/api/user/groups')).json()).toMatchObject({ success: true });
});

test('sandbox client: accounts lists the seeded logins with role names', async () => {
  const accounts = await sandbox().accounts();
  expect(accounts[0]).toEqual({ username: 'root', password: '123456', role: 100, role_name: 'root' });
  expect(accounts.map((a) => a.username)).toEqual(api.server.accounts.map((a) => a.username));
});

test('sandbox client: requests reads the journal with filters and clears it', async () => {
  const control = sandbox();
  await api.raw('/api/user/groups');
  await api.client().auth.login({ username: 'root', password: '123456' }).catch(() => undefined);
  const posts = await control.requests.list({ method: 'POST' });
  expect(posts.map((r) => r.path)).toEqual(['/api/user/login']);
  expect(JSON.parse(posts[0]!.request.body!)).toEqual({ username: 'root', password: '[redacted]' });
  expect((await control.requests.list({ path: '/api/user/*', limit: 5 })).map((r) => r.path)).toEqual(['/api/user/login', '/api/user/groups']);
  await control.requests.clear();
  expect(await control.requests.list()).toEqual([]);
});

test('sandbox client: outbox.waitFor with a global RegExp still returns the newest match', async () => {
  const control = sandbox();
  await control.settings.patch({ EmailVerificationEnabled: true });
  await api.client().verification.send({ email: 'alice@example.com' });
  await api.client().verification.send({ email: 'alice@example.com' });
  const messages = await control.outbox.list();
  expect(messages).toHaveLength(2);
  expect((await control.outbox.waitFor({ to: 'alice@example.com', subject: /验证/g })).code).toBe(messages[1]!.code);
});
