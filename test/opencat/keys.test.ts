import { expect, test } from 'vitest';
import { AuthenticationError, ConflictError, ServerError, ValidationError } from '../../src/index.js';
import { useOpenCat } from '../support/opencat.js';

const api = useOpenCat();

function recordingRoot() {
  const sent: Request[] = [];
  const client = api.root({ onRequest: (request) => void sent.push(request.clone()) });
  return { client, sent };
}

test('keys.create: a plain name without api_type is an openai key, answered in upstream field order', async () => {
  const key = await api.root().keys.create({ name: 'main', key: 'sk-zsbdzsbdzsbdzsbdzsbdzsbdzsbd' });
  expect(Object.keys(key)).toEqual(['id', 'key', 'name', 'ApiType', 'EndPoint', 'ResourceNmae', 'DeploymentName', 'createdAt', 'updatedAt']);
  expect(key).toMatchObject({ key: 'sk-zsbdzsbdzsbdzsbdzsbdzsbdzsbd', name: 'main', ApiType: 'openai', EndPoint: '', ResourceNmae: '', DeploymentName: '' });
  expect(key.createdAt).toBe(key.updatedAt);
});

test('keys.list: every key with its secret in clear, one page', async () => {
  const client = api.root();
  const created = await client.keys.create({ name: 'listed', key: 'sk-listed-secret' });
  const page = await client.keys.list();
  expect(page.items.find((k) => k.id === created.id)).toEqual(created);
  expect([page.total, page.hasNextPage()]).toEqual([page.items.length, false]);
});

test('keys.create: the name is trimmed and lower-cased, the key trimmed', async () => {
  const key = await api.root().keys.create({ name: '  Team-Key ', key: ' sk-padded ' });
  expect(key).toMatchObject({ name: 'team-key', key: 'sk-padded' });
});

test('keys.create: azure.<resource> makes an azure key whose resource is the second dot-separated part', async () => {
  const key = await api.root().keys.create({ name: 'Azure.myres.eastus', key: 'az-secret', endpoint: 'https://myres.openai.azure.com' });
  expect(key).toMatchObject({ name: 'azure.myres.eastus', ApiType: 'azure', ResourceNmae: 'myres', EndPoint: 'https://myres.openai.azure.com' });
});

test('keys.create: claude.<x> defaults its endpoint to Anthropic; google.<x> keeps what is sent', async () => {
  const client = api.root();
  expect(await client.keys.create({ name: 'claude.mine', key: 'sk-ant-1' })).toMatchObject({ ApiType: 'claude', EndPoint: 'https://api.anthropic.com', ResourceNmae: 'mine' });
  expect(await client.keys.create({ name: 'claude.eu', key: 'sk-ant-2', endpoint: 'https://claude.proxy.example' })).toMatchObject({ EndPoint: 'https://claude.proxy.example' });
  expect(await client.keys.create({ name: 'google.mine', key: 'g-1' })).toMatchObject({ ApiType: 'google', EndPoint: '', ResourceNmae: 'mine' });
});

test('keys.create: an explicit api_type is stored as sent, with the resource read from an Azure endpoint', async () => {
  const key = await api.root().keys.create({ name: 'legacy', key: 'az-2', api_type: 'azure_openai', endpoint: 'https://oldres.openai.azure.com/' });
  expect(key).toMatchObject({ ApiType: 'azure_openai', EndPoint: 'https://oldres.openai.azure.com/', ResourceNmae: 'oldres' });
});

test('keys.create: a field the server would ignore is refused before anything is sent', async () => {
  const { client, sent } = recordingRoot();
  await expect(client.keys.create({ name: 'Azure.res', key: 'k', api_type: 'openai' })).rejects.toThrow(
    'Failed to call keys.create: a name starting with `azure.` makes a key of type `azure`, so `api_type` "openai" would be ignored. Please leave out `api_type` or rename the key.',
  );
  await expect(client.keys.create({ name: 'plain', key: 'k', endpoint: 'https://proxy.example' })).rejects.toThrow(/drops `endpoint` for a key without `api_type`/);
  await expect(client.keys.create({ name: '', key: 'k' })).rejects.toThrow('`name` must be a non-empty string');
  await expect(client.keys.create({ name: 'n', key: '' })).rejects.toThrow('`key` must be a non-empty string');
  expect(sent).toEqual([]);
  // What the server heeds passes: the prefix's own type, and an endpoint with an api_type.
  await client.keys.create({ name: 'claude.ok', key: 'k1', api_type: 'claude' });
  await client.keys.create({ name: 'proxy', key: 'k2', api_type: 'openai', endpoint: 'https://proxy.example' });
  expect(sent).toHaveLength(2);
});

test('keys.create: a taken name or key is a ConflictError, although upstream answers 500 with {"error":{"message"}}', async () => {
  const client = api.root();
  await client.keys.create({ name: 'dup', key: 'sk-dup' });
  const byName = await client.keys.create({ name: 'DUP', key: 'sk-other' }).catch((e) => e);
  expect(byName).toBeInstanceOf(ConflictError);
  expect(byName).not.toBeInstanceOf(ServerError);
  expect(byName).toMatchObject({ status: 500, message: 'constraint failed: UNIQUE constraint failed: keys.name (2067)' });
  const byKey = await client.keys.create({ name: 'dup2', key: 'sk-dup' }).catch((e) => e);
  expect(byKey).toMatchObject({ name: 'ConflictError', message: 'constraint failed: UNIQUE constraint failed: keys.key (2067)' });
});

test('keys.delete: a hard delete; the id is never handed out again', async () => {
  const client = api.root();
  const first = await client.keys.create({ name: 'temp', key: 'sk-temp' });
  await client.keys.delete(first.id);
  expect((await client.keys.list()).items.map((k) => k.id)).not.toContain(first.id);
  const next = await client.keys.create({ name: 'temp', key: 'sk-temp' });
  expect(next.id).toBeGreaterThan(first.id);
});

test('keys.delete: an unknown id succeeds; 0 is a ValidationError "invalid key id" in an HTTP 200', async () => {
  const client = api.root();
  await expect(client.keys.delete(999_999)).resolves.toBeUndefined();
  const err = await client.keys.delete(0).catch((e) => e);
  expect(err).toBeInstanceOf(ValidationError);
  expect(err).toMatchObject({ status: 200, message: 'invalid key id' });
});

test('keys: a member token is Unauthorized', async () => {
  const alice = await api.root().users.create({ name: 'alice' });
  await expect(api.client({ token: alice.token }).keys.list()).rejects.toBeInstanceOf(AuthenticationError);
});
