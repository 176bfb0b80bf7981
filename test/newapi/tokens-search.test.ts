import { expect, test } from 'vitest';
import { useNewApi } from '../support/harness.js';
import { sessionHeaders } from '../support/sessions.js';

const api = useNewApi();

/** Root with four tokens of known names on top of the seeded ones. */
async function rootWithTokens() {
  const client = await api.loginAs('root');
  const made = [];
  for (const name of ['prod-api', 'Prod_Backup', 'staging', 'prod!x']) made.push(await client.tokens.create({ name }));
  return { client, made };
}

const names = async (client: Awaited<ReturnType<typeof rootWithTokens>>['client'], keyword: string) =>
  (await client.tokens.search({ keyword })).items.map((t) => t.name);

test('tokens.search: without % the keyword matches the whole name, ignoring ASCII case', async () => {
  const { client } = await rootWithTokens();
  expect(await names(client, 'prod')).toEqual([]);
  expect(await names(client, 'PROD-API')).toEqual(['prod-api']);
});

test('tokens.search: % is the only wildcard; _ and ! are literal characters', async () => {
  const { client } = await rootWithTokens();
  expect(await names(client, 'prod%')).toEqual(['prod!x', 'Prod_Backup', 'prod-api']);
  expect(await names(client, '%_%')).toEqual(['Prod_Backup']);
  expect(await names(client, 'prod!%')).toEqual(['prod!x']);
  expect(await names(client, 'prod_api')).toEqual([]);
});

test('tokens.search: the three pattern errors, in Chinese in every language', async () => {
  const { client } = await rootWithTokens();
  await expect(client.tokens.search({ keyword: '%%prod' })).rejects.toThrow('搜索模式中不允许包含连续的 % 通配符');
  await expect(client.tokens.search({ keyword: '%a%b%' })).rejects.toThrow('搜索模式中最多允许包含 2 个 % 通配符');
  await expect(client.tokens.search({ keyword: '%a%' })).rejects.toThrow('使用模糊搜索时，关键词长度至少为 2 个字符');
  await expect(client.tokens.search({ token: '%a' })).rejects.toThrow('使用模糊搜索时，关键词长度至少为 2 个字符');
});

test('tokens.search: the length rule counts bytes after escaping, so one "_" or one CJK character is enough', async () => {
  const { client } = await rootWithTokens();
  expect(await names(client, '%_')).toEqual([]);
  await expect(client.tokens.search({ keyword: '%令' })).resolves.toBeDefined();
});

test('tokens.search: token matches the key, with or without sk-, exactly or by pattern', async () => {
  const { client, made } = await rootWithTokens();
  const target = made[2]!;
  const found = async (token: string) => (await client.tokens.search({ token })).items.map((t) => t.id);
  expect(await found(target.key)).toEqual([target.id]);
  expect(await found(`sk-${target.key}`)).toEqual([target.id]);
  expect(await found(`%${target.key.slice(-6)}`)).toEqual([target.id]);
  expect(await found(target.key.slice(0, 40))).toEqual([]);
});

test('tokens.search: keyword and token combine; both empty lists everything, newest first', async () => {
  const { client, made } = await rootWithTokens();
  const both = await client.tokens.search({ keyword: 'prod%', token: made[0]!.key });
  expect(both.items.map((t) => t.id)).toEqual([made[0]!.id]);
  const all = await client.tokens.search();
  expect(all.items.map((t) => t.id)).toEqual((await client.tokens.list({ pageSize: 100 })).items.map((t) => t.id));
});

test('tokens.search: another user\'s tokens are never found', async () => {
  const { made } = await rootWithTokens();
  const other = await api.loginAs(api.server.accounts.find((a) => a.role === 1)!.username);
  expect((await other.tokens.search({ token: made[0]!.key })).items).toEqual([]);
});

test('tokens.search: answers a page, at most 100 items, and a page_size of 0 or less means 100', async () => {
  const { client } = await rootWithTokens();
  const page = await client.tokens.search({ keyword: 'prod%', pageSize: 2 });
  expect({ total: page.total, size: page.pageSize, items: page.items.length }).toEqual({ total: 3, size: 2, items: 2 });
  expect((await page.getNextPage()).items.map((t) => t.name)).toEqual(['prod-api']);
  const root = await sessionHeaders(api, 'root');
  const negative = await (await api.raw('/api/token/search?page_size=-5', { headers: root })).json();
  expect({ page_size: negative.data.page_size, items: negative.data.items.length }).toEqual({ page_size: -5, items: negative.data.total });
});

test('tokens.search: a caller over MaxUserTokens may only search exactly', async () => {
  const { client } = await rootWithTokens();
  api.server.state.settings.MaxUserTokens = 2;
  await expect(client.tokens.search({ keyword: 'prod%' })).rejects.toThrow('令牌数量超过上限，仅允许精确搜索，请勿使用 % 通配符');
  expect(await names(client, 'staging')).toEqual(['staging']);
});
