import { expect, test } from 'vitest';
import { ApiError, ValidationError } from '../../src/index.js';
import type { UserSettingParams } from '../../src/newapi/index.js';
import { useNewApi } from '../support/harness.js';
import { jsonInit, sessionHeaders } from '../support/sessions.js';

const api = useNewApi();

function seeded(role: number) {
  const account = api.server.accounts.find((a) => a.role === role)!;
  return { ...account, row: () => api.server.state.users.find((u) => u.username === account.username)! };
}
const stored = (user: ReturnType<typeof seeded>) => JSON.parse(user.row().setting) as Record<string, unknown>;
const EMAIL = { notify_type: 'email', quota_warning_threshold: 500_000 } as const;

test('self.updateSettings: the stored setting is rewritten with the chosen channel and "Settings updated"', async () => {
  const user = seeded(1);
  const headers = await sessionHeaders(api, user.username);
  const body = { notify_type: 'webhook', quota_warning_threshold: 250_000.5, webhook_url: 'https://hooks.example.com/q', webhook_secret: 's3cret', record_ip_log: true };
  const response = await api.raw('/api/user/setting', jsonInit('PUT', body, headers));
  expect(await response.json()).toEqual({ success: true, message: 'Settings updated', data: null });
  // Go's json.Marshal(dto.UserSetting): struct order, omitempty except gotify_priority.
  expect(user.row().setting).toBe(
    '{"notify_type":"webhook","quota_warning_threshold":250000.5,"webhook_url":"https://hooks.example.com/q","webhook_secret":"s3cret","gotify_priority":0,"record_ip_log":true}',
  );
});

test('self.updateSettings: a setting past 65,535 bytes is "Update failed", and the stored one stays', async () => {
  const user = seeded(1);
  const headers = await sessionHeaders(api, user.username);
  const before = user.row().setting;
  const body = { notify_type: 'webhook', quota_warning_threshold: 1, webhook_url: 'https://hooks.example.com/q', webhook_secret: 's'.repeat(65_536) };
  const response = await api.raw('/api/user/setting', jsonInit('PUT', body, headers));
  expect(await response.json()).toEqual({ success: false, message: 'Update failed' });
  expect(user.row().setting).toBe(before);
});

test('self.updateSettings: the whole blob is replaced, wiping sidebar_modules, language and billing_preference', async () => {
  const user = seeded(1);
  const client = await api.loginAs(user.username);
  await client.self.update({ sidebar_modules: '{"chat":{"enabled":false}}' });
  await client.self.update({ language: 'zh-CN' });
  user.row().setting = JSON.stringify({ ...stored(user), billing_preference: 'wallet_first' });
  await client.self.updateSettings(EMAIL);
  expect(stored(user)).toEqual({ notify_type: 'email', quota_warning_threshold: 500_000, gotify_priority: 0 });
  const me = await client.self.retrieve();
  expect(me.sidebar_modules).toBe('');
});

test('self.updateSettings: a zh user is answered in zh, then in English, because the language went with the blob', async () => {
  const user = seeded(1);
  const client = await api.loginAs(user.username);
  await client.self.update({ language: 'zh-CN' });
  const headers = await sessionHeaders(api, user.username);
  const saved = await api.raw('/api/user/setting', jsonInit('PUT', EMAIL, headers));
  expect(await saved.json()).toMatchObject({ success: true, message: '设置已更新' });
  const err = await client.self.updateSettings({ notify_type: 'sms' } as unknown as UserSettingParams).catch((e) => e);
  expect(err.message).toBe('Invalid warning type');
});

test('self.updateSettings: only the chosen channel keeps its fields', async () => {
  const user = seeded(1);
  const client = await api.loginAs(user.username);
  await client.self.updateSettings({ ...EMAIL, notification_email: 'ops@example.com', webhook_url: 'https://x.example', bark_url: 'https://b.example', gotify_token: 't' });
  expect(stored(user)).toEqual({ notify_type: 'email', quota_warning_threshold: 500_000, notification_email: 'ops@example.com', gotify_priority: 0 });
});

test.each([
  [3, 3],
  [0, 0],
  [10, 10],
  [11, 5],
  [-1, 5],
])('self.updateSettings: gotify_priority %i is stored as %i', async (priority, expected) => {
  const user = seeded(1);
  const client = await api.loginAs(user.username);
  await client.self.updateSettings({ notify_type: 'gotify', quota_warning_threshold: 1, gotify_url: 'https://gotify.example', gotify_token: 'tok', gotify_priority: priority });
  expect(stored(user)).toMatchObject({ gotify_url: 'https://gotify.example', gotify_token: 'tok', gotify_priority: expected });
});

const REFUSED: Array<[string, Record<string, unknown>, string, string]> = [
  ['an unknown type', { notify_type: 'sms', quota_warning_threshold: 1 }, 'Invalid warning type', '无效的预警类型'],
  ['a missing type', { quota_warning_threshold: 1 }, 'Invalid warning type', '无效的预警类型'],
  ['a zero threshold', { notify_type: 'email', quota_warning_threshold: 0 }, 'Warning threshold must be greater than 0', '预警阈值必须大于0'],
  ['a missing threshold', { notify_type: 'email' }, 'Warning threshold must be greater than 0', '预警阈值必须大于0'],
  ['a negative threshold', { notify_type: 'email', quota_warning_threshold: -5 }, 'Warning threshold must be greater than 0', '预警阈值必须大于0'],
  ['a webhook without URL', { notify_type: 'webhook', quota_warning_threshold: 1 }, 'Webhook URL cannot be empty', 'Webhook地址不能为空'],
  ['a webhook URL without scheme', { notify_type: 'webhook', quota_warning_threshold: 1, webhook_url: 'hooks.example.com/q' }, 'Invalid Webhook URL', '无效的Webhook地址'],
  ['a webhook URL with a space in the host', { notify_type: 'webhook', quota_warning_threshold: 1, webhook_url: 'http://a b/q' }, 'Invalid Webhook URL', '无效的Webhook地址'],
  ['an email without @', { notify_type: 'email', quota_warning_threshold: 1, notification_email: 'ops.example.com' }, 'Invalid email address', '无效的邮箱地址'],
  ['bark without URL', { notify_type: 'bark', quota_warning_threshold: 1 }, 'Bark push URL cannot be empty', 'Bark推送URL不能为空'],
  ['a bark URL with a bad escape', { notify_type: 'bark', quota_warning_threshold: 1, bark_url: 'https://api.day.app/%zz' }, 'Invalid Bark push URL', '无效的Bark推送URL'],
  ['a bark URL that is not http(s)', { notify_type: 'bark', quota_warning_threshold: 1, bark_url: 'ftp://api.day.app/key' }, 'URL must start with http:// or https://', 'URL必须以http://或https://开头'],
  ['a bark URL with an upper-case scheme', { notify_type: 'bark', quota_warning_threshold: 1, bark_url: 'HTTPS://api.day.app/key' }, 'URL must start with http:// or https://', 'URL必须以http://或https://开头'],
  ['gotify without URL', { notify_type: 'gotify', quota_warning_threshold: 1, gotify_token: 't' }, 'Gotify server URL cannot be empty', 'Gotify服务器地址不能为空'],
  ['gotify without token', { notify_type: 'gotify', quota_warning_threshold: 1, gotify_url: 'https://g.example' }, 'Gotify token cannot be empty', 'Gotify令牌不能为空'],
  ['a gotify URL with a bad port', { notify_type: 'gotify', quota_warning_threshold: 1, gotify_url: 'https://g.example:80a', gotify_token: 't' }, 'Invalid Gotify server URL', '无效的Gotify服务器地址'],
  ['a gotify path without scheme', { notify_type: 'gotify', quota_warning_threshold: 1, gotify_url: '/message', gotify_token: 't' }, 'URL must start with http:// or https://', 'URL必须以http://或https://开头'],
  ['a threshold that is a string', { notify_type: 'email', quota_warning_threshold: '5' }, 'Invalid parameters', '无效的参数'],
  ['a priority with a fraction', { notify_type: 'gotify', quota_warning_threshold: 1, gotify_priority: 2.5 }, 'Invalid parameters', '无效的参数'],
];

test.each(REFUSED)('self.updateSettings: %s is refused in en and zh, and nothing is written', async (_, body, en, zh) => {
  const user = seeded(1);
  const headers = await sessionHeaders(api, user.username);
  const before = user.row().setting;
  for (const [lang, message] of [['en', en], ['zh-CN', zh]] as const) {
    const response = await api.raw('/api/user/setting', jsonInit('PUT', body, { ...headers, 'Accept-Language': lang }));
    expect(await response.json()).toEqual({ success: false, message });
  }
  expect(user.row().setting).toBe(before);
});

test('self.updateSettings: a webhook "URL" that is only a path passes, as Go\'s ParseRequestURI lets it', async () => {
  const client = await api.loginAs(seeded(1).username);
  await expect(client.self.updateSettings({ notify_type: 'webhook', quota_warning_threshold: 1, webhook_url: '/internal/hook' })).resolves.toBeUndefined();
});

test('self.updateSettings: an empty notification_email is allowed (the account address is used)', async () => {
  const client = await api.loginAs(seeded(1).username);
  await expect(client.self.updateSettings({ ...EMAIL, notification_email: '' })).resolves.toBeUndefined();
});

test('self.updateSettings: upstream_model_update_notify_enabled is for admins; a user\'s value is ignored and the stored one kept', async () => {
  const user = seeded(1);
  const admin = seeded(10);
  await (await api.loginAs(user.username)).self.updateSettings({ ...EMAIL, upstream_model_update_notify_enabled: true });
  expect(stored(user).upstream_model_update_notify_enabled).toBeUndefined();
  const adminClient = await api.loginAs(admin.username);
  await adminClient.self.updateSettings({ ...EMAIL, upstream_model_update_notify_enabled: true });
  expect(stored(admin).upstream_model_update_notify_enabled).toBe(true);
  // Left out on the next save: the stored true survives the rewrite.
  await adminClient.self.updateSettings(EMAIL);
  expect(stored(admin).upstream_model_update_notify_enabled).toBe(true);
});

test('self.updateSettings: the SDK refuses to send without notify_type; server errors are ApiErrors with the message', async () => {
  const client = await api.loginAs(seeded(1).username);
  await expect(client.self.updateSettings({} as UserSettingParams)).rejects.toThrow(TypeError);
  const err = await client.self.updateSettings({ notify_type: 'bark', quota_warning_threshold: 1 }).catch((e) => e);
  expect(err).toBeInstanceOf(ApiError);
  expect(err).toMatchObject({ status: 200, message: 'Bark push URL cannot be empty' });
  const bad = await client.self.updateSettings({ notify_type: 'email', quota_warning_threshold: '1' } as unknown as UserSettingParams).catch((e) => e);
  expect(bad).toBeInstanceOf(ValidationError);
});

test('self.updateSettings: a caller deleted after logging in gets record not found', async () => {
  const user = seeded(1);
  const client = await api.loginAs(user.username);
  user.row().deleted_at = Date.now();
  const err = await client.self.updateSettings(EMAIL).catch((e) => e);
  expect(err.message).toBe('record not found');
});
