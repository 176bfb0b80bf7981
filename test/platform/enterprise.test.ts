import { expect, test } from 'vitest';
import { PermissionDeniedError } from '../../src/index.js';
import { usePlatform } from '../support/platform.js';

const api = usePlatform();

test('retrieve: every account of the enterprise reads the same profile, masked', async () => {
  const owner = await (await api.loginAs('enterprise owner')).enterprise.retrieve();
  const member = await (await api.loginAs('enterprise member')).enterprise.retrieve();
  expect(member).toEqual(owner);
  expect(owner).toMatchObject({ verify_status: 'verified', owner_id: api.account('enterprise owner').user_id, member_count: 3 });
  expect(owner.credit_code).toMatch(/^\w{4}\*{4}$/);
  expect(owner.contact_phone).toMatch(/^\d{3}\*{4}\d{4}$/);
});

test('update: the owner and admins change the contact; a member may not (40301)', async () => {
  const admin = await api.loginAs('enterprise admin');
  expect(await admin.enterprise.update({ contact_name: '王五', contact_phone: '13700137000' })).toMatchObject({ contact_name: '王五', contact_phone: '137****7000' });
  const member = await api.loginAs('enterprise member');
  await expect(member.enterprise.update({ contact_name: '赵六' })).rejects.toSatisfy((e) => e instanceof PermissionDeniedError && (e as PermissionDeniedError).code === 40301);
});

test('a personal account has no enterprise (40303)', async () => {
  await expect((await api.loginAs('personal')).enterprise.retrieve()).rejects.toMatchObject({ status: 403, code: 40303 });
});
