import { expect, test } from 'vitest';
import { PlatformClient } from '../../src/platform/index.js';

// SDK-side checks reject before anything is sent: a typo never becomes `/admin/v1/users/undefined`.
const sent: Request[] = [];
const client = new PlatformClient({
  baseURL: 'http://platform.test',
  tokens: { access_token: 'at_x' },
  fetch: async (request) => {
    sent.push(request);
    return new Response('{"code":0,"message":"ok","data":null}');
  },
});

const calls: Array<[string, () => Promise<unknown>, RegExp]> = [
  ['apiKeys.retrieve with a user id', () => client.apiKeys.retrieve('u_01HX3Z8K9Q2M7N4P5R6S7T8V9W'), /`keyId` must be an id starting with `key_`/],
  ['apiKeys.delete with undefined', () => client.apiKeys.delete(undefined as never), /`keyId`/],
  ['apiKeys.update with a path in the id', () => client.apiKeys.update('key_1/../../admin', { name: 'x' }), /`keyId`/],
  ['apiKeys.update with nothing to change', () => client.apiKeys.update('key_01HX41B2C3D4E5F6G7H8J9KMNP', {}), /at least one of `name`/],
  ['apiKeys.create without key_type', () => client.apiKeys.create({ name: 'x' } as never), /`key_type` must be a non-empty string/],
  ['members.delete with an empty id', () => client.members.delete(''), /`memberId`/],
  ['members.setQuota with one limit', () => client.members.setQuota('u_01HX40A1B2C3D4E5F6G7H8J9KM', { tokens_per_day: 1 } as never), /pass both/],
  ['members.changeRole without a role', () => client.members.changeRole('u_01HX40A1B2C3D4E5F6G7H8J9KM', {} as never), /`role`/],
  ['members.acceptInvitation with an empty password', () => client.members.acceptInvitation({ token: 'invite_x', password: '' }), /`password`/],
  ['admin.users.retrieve with a number', () => client.admin.users.retrieve(42 as never), /`userId` must be an id starting with `u_`/],
  ['admin.users.freeze without a reason', () => client.admin.users.freeze('u_01HX3Z8K9Q2M7N4P5R6S7T8V9W', {} as never), /`reason`/],
  ['admin.verifications.approve with a key id', () => client.admin.verifications.approve('key_01HX41B2C3D4E5F6G7H8J9KMNP'), /`verificationId`/],
  ['admin.verifications.reject without params', () => client.admin.verifications.reject('ver_01HX43D4E5F6G7H8J9KMNPQRST', undefined as never), /params must be an object/],
  // Also a compile error (LoginParams makes the other field `never`); the runtime check is for JavaScript callers.
  // @ts-expect-error both email and phone
  ['auth.login with both email and phone', () => client.auth.login({ email: 'a@b.c', phone: '13800138000', password: 'p', captcha_token: 'c' }), /exactly one of `email` and `phone`/],
  ['auth.login with neither', () => client.auth.login({ password: 'p', captcha_token: 'c' } as never), /exactly one of `email` and `phone`/],
  ['auth.login without a captcha token', () => client.auth.login({ email: 'a@b.c', password: 'p' } as never), /`captcha_token`/],
  ['auth.register an enterprise without its name', () => client.auth.register({ user_type: 'enterprise', email: 'a@b.c', password: 'p', captcha_token: 'c' }), /`enterprise_name`/],
  ['auth.captcha.verify without an answer', () => client.auth.captcha.verify({ captcha_id: 'cap_x' } as never), /`answer`/],
  ['users.me.update with nothing', () => client.users.me.update({}), /at least one of `nickname`, `avatar`/],
  ['users.me.changePassword without the new one', () => client.users.me.changePassword({ old_password: 'x' } as never), /`new_password`/],
  ['users.me.confirmEmailCode reset without a password', () => client.users.me.confirmEmailCode({ purpose: 'reset_password', email: 'a@b.c', code: '123456' } as never), /`new_password`/],
  ['verification.submitRealname without the images', () => client.verification.submitRealname({ real_name: '张三', id_card: '110101199001011237' } as never), /`id_card_front`/],
  ['enterprise.update with nothing', () => client.enterprise.update({}), /at least one of `contact_name`/],
];

test.each(calls)('%s: rejected before any request', async (_name, call, message) => {
  await expect(call()).rejects.toThrow(message);
  expect(sent).toEqual([]);
});

test('the messages name the field, never the value', async () => {
  const err = await client.users.me.changePassword({ old_password: 'Secret-0ld-pass', new_password: '' }).catch((e) => e);
  expect(err).toBeInstanceOf(TypeError);
  expect(err.message).not.toContain('Secret-0ld-pass');
});
