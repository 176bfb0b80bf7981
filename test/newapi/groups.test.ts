import { expect, test } from 'vitest';
import { useNewApi } from '../support/harness.js';

const api = useNewApi();

test('groups.list: readable without logging in; upstream\'s defaults are default and vip', async () => {
  const groups = await api.client().groups.list();
  expect(groups).toEqual({ default: { ratio: 1, desc: '默认分组' }, vip: { ratio: 1, desc: 'vip分组' } });
});

test('groups.list: svip has a ratio but is not usable by default, so it is not listed', async () => {
  expect(api.server.state.groups.ratio.svip).toBe(1);
  const groups = await api.client().groups.list();
  expect(Object.keys(groups)).not.toContain('svip');
});

test('groups.list: the caller is never detected, so a logged-in user in another group sees the same table', async () => {
  const account = api.server.accounts.find((a) => a.role === 1)!;
  api.server.state.users.find((u) => u.username === account.username)!.group = 'svip';
  const client = await api.loginAs(account.username);
  expect(await client.groups.list()).toEqual(await api.client().groups.list());
  // /self/groups, by contrast, adds the caller's own group.
  expect(await client.self.groups()).toHaveProperty('svip', { ratio: 1, desc: '用户分组' });
});

test('groups.list: only usable groups that also have a ratio are listed, with their current ratio', async () => {
  api.server.state.groups.usable.svip = 'svip分组';
  api.server.state.groups.usable.nameless = 'no ratio configured';
  api.server.state.groups.ratio.vip = 1.5;
  expect(await api.client().groups.list()).toEqual({
    default: { ratio: 1, desc: '默认分组' },
    svip: { ratio: 1, desc: 'svip分组' },
    vip: { ratio: 1.5, desc: 'vip分组' },
  });
});

test('groups.list: a usable auto group has the string ratio 自动', async () => {
  api.server.state.groups.usable.auto = '自动选择分组';
  const groups = await api.client().groups.list();
  expect(groups.auto).toEqual({ ratio: '自动', desc: '自动选择分组' });
});
