import { mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { request as httpRequest } from 'node:http';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterEach, expect, test, vi } from 'vitest';
import { createReferenceServer, type ReferenceServer } from '../../mocks/index.js';
import { main, type Sandbox } from '../../mocks/node/cli.js';
import { STATE_FILE_FORMAT, STATE_FILE_VERSION, StateFile, StateFileError } from '../../mocks/node/state-file.js';

const running: Sandbox[] = [];
afterEach(async () => {
  vi.useRealTimers();
  await Promise.all(running.splice(0).map((s) => s.stop()));
});

const folder = () => mkdtempSync(join(tmpdir(), 'gatewaykit-state-'));
const quiet = { out: () => undefined, err: () => undefined };

async function newapi(): Promise<Map<string, ReferenceServer>> {
  const server = createReferenceServer({ dialect: 'newapi', seed: 1, clock: { frozen: true } }) as ReferenceServer;
  await server.ready;
  return new Map([['newapi', server]]);
}

async function register(server: ReferenceServer, username: string): Promise<void> {
  const answer = await server.fetch('/api/user/register', { method: 'POST', body: JSON.stringify({ username, password: 'secret-pass-1' }) });
  expect(((await answer.json()) as { success: boolean }).success).toBe(true);
}

const usernames = async (server: ReferenceServer) => ((await (await server.fetch('/__mock/state')).json()) as { users: Array<{ username: string }> }).users.map((u) => u.username);

test('state file: a missing file starts seeded; a flush writes every dialect under the format and version', async () => {
  const path = join(folder(), 'sandbox.json');
  const servers = await newapi();
  const file = new StateFile(path, servers);
  expect(await file.load()).toBe(false);
  await register(servers.get('newapi')!, 'kept_user');
  await file.flush();
  const written = JSON.parse(readFileSync(path, 'utf8')) as { format: string; version: number; dialects: { newapi: { users: Array<{ username: string }> } } };
  expect(written).toMatchObject({ format: STATE_FILE_FORMAT, version: STATE_FILE_VERSION });
  expect(written.dialects.newapi.users.map((u) => u.username)).toContain('kept_user');
  // The state as exported, not a copy with secrets: no plaintext password in the file.
  expect(readFileSync(path, 'utf8')).not.toContain('secret-pass-1');

  const again = await newapi();
  expect(await new StateFile(path, again).load()).toBe(true);
  expect(await usernames(again.get('newapi')!)).toContain('kept_user');
});

test('state file: a save replaces the file by rename, leaving no temporary file beside it', async () => {
  const dir = folder();
  const path = join(dir, 'sandbox.json');
  const servers = await newapi();
  const file = new StateFile(path, servers);
  await file.flush();
  await register(servers.get('newapi')!, 'second_save');
  await file.flush();
  expect(readdirSync(dir)).toEqual(['sandbox.json']);
});

test('state file: changes in a row are written once, after the last one has settled', async () => {
  vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
  const servers = await newapi();
  const server = servers.get('newapi')!;
  const exports = vi.spyOn(server, 'fetch');
  const file = new StateFile(join(folder(), 'sandbox.json'), servers, 200);
  file.changed();
  await vi.advanceTimersByTimeAsync(150);
  file.changed();
  file.changed();
  await vi.advanceTimersByTimeAsync(199);
  expect(exports).not.toHaveBeenCalled();
  await vi.advanceTimersByTimeAsync(1);
  expect(exports).toHaveBeenCalledTimes(1);
  vi.useRealTimers();
  await file.flush();
});

test('state file: a file that is not JSON, not a state file, of a later version, or refused by the server stops the start and stays as it was', async () => {
  const dir = folder();
  const cases: Array<[string, RegExp]> = [
    ['{"users": [', /is not a gatewaykit state file \(it is not JSON\)\. The file is left untouched/],
    ['{"users": []}', /is not a gatewaykit state file \(no "format": "gatewaykit-sandbox-state"\)/],
    [JSON.stringify({ format: STATE_FILE_FORMAT, version: 2, dialects: {} }), /has state file version 2; this sandbox reads version 1\. The file is left untouched\./],
    [JSON.stringify({ format: STATE_FILE_FORMAT, version: 1, dialects: { newapi: { users: 'nobody' } } }), /holds a newapi state this sandbox refuses: Failed to import the state: [\s\S]+ The file is left untouched\.$/],
  ];
  for (const [index, [text, message]] of cases.entries()) {
    const path = join(dir, `case-${index}.json`);
    writeFileSync(path, text);
    await expect(new StateFile(path, await newapi()).load()).rejects.toThrow(StateFileError);
    await expect(new StateFile(path, await newapi()).load()).rejects.toThrow(message);
    expect(readFileSync(path, 'utf8')).toBe(text);
  }
});

test('state file: dialects in the file that this run does not serve are written back unchanged', async () => {
  const path = join(folder(), 'sandbox.json');
  const other = { users: ['kept as it was'] };
  writeFileSync(path, JSON.stringify({ format: STATE_FILE_FORMAT, version: 1, dialects: { elsewhere: other } }));
  const file = new StateFile(path, await newapi());
  await file.load();
  await file.flush();
  expect((JSON.parse(readFileSync(path, 'utf8')) as { dialects: Record<string, unknown> }).dialects).toMatchObject({ elsewhere: other, newapi: { users: expect.any(Array) } });
});

test('cli --state: a change over HTTP is saved at stop and there again at the next start', async () => {
  const path = join(folder(), 'sandbox.json');
  const first = (await main(['--dialect', 'newapi', '--port', '0', '--state', path, '--no-rate-limits'], quiet))!;
  const login = await fetch(`${first.servers[0]!.url}/api/user/register`, { method: 'POST', body: JSON.stringify({ username: 'survivor', password: 'secret-pass-1' }) });
  expect(((await login.json()) as { success: boolean }).success).toBe(true);
  await first.stop();

  const lines: string[] = [];
  const second = (await main(['--dialect', 'newapi', '--port', '0', '--state', path], { out: (text) => lines.push(text), err: () => undefined }))!;
  running.push(second);
  expect(lines.join('')).toContain(`state: ${path} (loaded; passwords changed since are not shown)`);
  const state = (await (await fetch(`${second.servers[0]!.url}/__mock/state`)).json()) as { users: Array<{ username: string }> };
  expect(state.users.map((u) => u.username)).toContain('survivor');
});

test('state file: a save that failed (the folder was gone) does not stop the next one from writing', async () => {
  const dir = join(folder(), 'later');
  const path = join(dir, 'sandbox.json');
  const file = new StateFile(path, await newapi());
  await expect(file.flush()).rejects.toThrow(/ENOENT/);
  mkdirSync(dir);
  await file.flush();
  expect((JSON.parse(readFileSync(path, 'utf8')) as { format: string }).format).toBe(STATE_FILE_FORMAT);
});

test('state file: a debounced save that fails is reported to onError, not left as an unhandled rejection', async () => {
  vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
  const errors: unknown[] = [];
  const file = new StateFile(join(folder(), 'missing', 'sandbox.json'), await newapi(), 200, {}, (error) => errors.push(error));
  file.changed();
  await vi.advanceTimersByTimeAsync(200);
  // Saves run one after another: once this one has settled, the debounced one has too.
  await file.flush().catch(() => undefined);
  expect(errors).toHaveLength(1);
  expect(String(errors[0])).toMatch(/ENOENT/);
});

test('state file: a server whose control API is off is refused at once rather than saved as its 404', async () => {
  const server = createReferenceServer({ dialect: 'newapi', seed: 1, control: false }) as ReferenceServer;
  await server.ready;
  const path = join(folder(), 'sandbox.json');
  const file = new StateFile(path, new Map([['newapi', server]]));
  await expect(file.flush()).rejects.toThrow(/cannot export the newapi state \(HTTP 404\)/);
  expect(readdirSync(dirname(path))).toEqual([]);
  await expect(main(['--dialect', 'newapi', '--port', '0', '--no-control', '--state', path], quiet)).rejects.toThrow('--state saves through the control API');
});

test('cli --state: a change still being answered when stop is called is in the saved file', async () => {
  const path = join(folder(), 'sandbox.json');
  const sandbox = (await main(['--dialect', 'newapi', '--port', '0', '--state', path, '--no-rate-limits'], quiet))!;
  const body = JSON.stringify({ username: 'late_user', password: 'secret-pass-1' });
  const { port } = new URL(sandbox.servers[0]!.url);
  // 100-continue: once the server has said "continue", it is handling the request, so stop finds it in flight.
  const request = httpRequest({ host: '127.0.0.1', port, path: '/api/user/register', method: 'POST', agent: false, headers: { expect: '100-continue', connection: 'close', 'content-length': Buffer.byteLength(body) } });
  const answered = new Promise<string>((resolve, reject) => {
    request.on('response', (res) => {
      let text = '';
      res.on('data', (chunk: Buffer) => (text += chunk.toString())).on('end', () => resolve(text));
    });
    request.on('error', reject);
  });
  await new Promise<void>((resolve) => request.once('continue', resolve));
  const stopped = sandbox.stop();
  request.end(body);
  expect((JSON.parse(await answered) as { success: boolean }).success).toBe(true);
  await stopped;
  const saved = JSON.parse(readFileSync(path, 'utf8')) as { dialects: { newapi: { users: Array<{ username: string }> } } };
  expect(saved.dialects.newapi.users.map((u) => u.username)).toContain('late_user');
});

test('cli --state: a GET that writes (new-api rotates the access token on GET /api/user/token) schedules a save; a read does not', async () => {
  const path = join(folder(), 'sandbox.json');
  const sandbox = (await main(['--dialect', 'newapi', '--port', '0', '--state', path, '--no-rate-limits'], quiet))!;
  running.push(sandbox);
  const url = sandbox.servers[0]!.url;
  const login = await fetch(`${url}/api/user/login`, { method: 'POST', body: JSON.stringify({ username: 'root', password: '123456' }) });
  const headers = { cookie: login.headers.getSetCookie()[0]!.split(';')[0]!, 'New-Api-User': '1' };
  const changed = vi.spyOn(sandbox.stateFile!, 'changed');
  await (await fetch(`${url}/api/user/self`, { headers })).text();
  expect(changed).not.toHaveBeenCalled();
  expect(((await (await fetch(`${url}/api/user/token`, { headers })).json()) as { success: boolean }).success).toBe(true);
  expect(changed).toHaveBeenCalledTimes(1);
});

test('cli --state: a file refused halfway (its first dialect imported, its second refused) schedules no save that would overwrite it', async () => {
  const path = join(folder(), 'sandbox.json');
  const exported = await (await (await newapi()).get('newapi')!.fetch('/__mock/state')).text();
  const text = `{"format":"${STATE_FILE_FORMAT}","version":1,"dialects":{"newapi":${exported},"platform":{"users":"nobody"}}}`;
  writeFileSync(path, text);
  const changed = vi.spyOn(StateFile.prototype, 'changed');
  await expect(main(['--port', '0', '--state', path], quiet)).rejects.toThrow('holds a platform state this sandbox refuses');
  expect(changed).not.toHaveBeenCalled();
  expect(readFileSync(path, 'utf8')).toBe(text);
});
