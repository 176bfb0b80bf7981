import { expect, expectTypeOf, test } from 'vitest';
import { ConflictError } from '../../src/index.js';
import type { PlatformClient, VerificationSubmission } from '../../src/platform/index.js';
import type { Data } from '../../src/platform/internal/types.js';
import { usePlatform } from '../support/platform.js';

const api = usePlatform();

async function pendingRealname(): Promise<{ user: PlatformClient; admin: PlatformClient; verificationId: string }> {
  const user = api.client();
  await user.auth.register({ user_type: 'personal', email: 'review-me@example.com', password: 'Passw0rd-r', captcha_token: await api.captchaToken(user) });
  await user.auth.login({ email: 'review-me@example.com', password: 'Passw0rd-r', captcha_token: await api.captchaToken(user) });
  await user.verification.submitRealname({ real_name: '陈晓华', id_card: '110101199001011237', id_card_front: 'https://oss.example.com/f.jpg', id_card_back: 'https://oss.example.com/b.jpg' });
  const admin = await api.loginAs('platform admin');
  const [submission] = (await admin.admin.verifications.list({ status: 'pending', type: 'realname' })).items;
  return { user, admin, verificationId: submission!.verification_id };
}

test('list: the review queue shows the pending submission, masked', async () => {
  const { admin, verificationId } = await pendingRealname();
  const submission = await admin.admin.verifications.retrieve(verificationId);
  expect(submission).toMatchObject({ type: 'realname', status: 'pending', real_name: '陈**', reviewed_by: null });
  expect(JSON.stringify(submission)).not.toContain('110101199001011237');
});

test('approve: the user becomes real-name verified; approving again is a ConflictError 40903', async () => {
  const { user, admin, verificationId } = await pendingRealname();
  expect(await admin.admin.verifications.approve(verificationId)).toMatchObject({ status: 'verified', reviewed_by: api.account('platform admin').user_id });
  expect((await user.users.me.retrieve()).realname_verified).toBe(true);
  await expect(admin.admin.verifications.approve(verificationId)).rejects.toSatisfy((e) => e instanceof ConflictError && (e as ConflictError).code === 40903);
});

test('reject: the user reads the reason and may submit again', async () => {
  const { user, admin, verificationId } = await pendingRealname();
  await admin.admin.verifications.reject(verificationId, { reason: '证件照片不清晰' });
  expect(await user.verification.retrieveRealname()).toMatchObject({ status: 'rejected', reject_reason: '证件照片不清晰' });
  await expect(user.verification.submitRealname({ real_name: '陈晓华', id_card: '110101199001011237', id_card_front: 'https://oss.example.com/f2.jpg', id_card_back: 'https://oss.example.com/b2.jpg' })).resolves.toMatchObject({ status: 'pending' });
});

test('list: enterprise submissions carry the masked credit code', async () => {
  const admin = await api.loginAs('platform admin');
  const page = await admin.admin.verifications.list({ type: 'enterprise' });
  expect(page.items.length).toBeGreaterThan(0);
  for (const item of page.items) if (item.type === 'enterprise') expect(item.credit_code).toMatch(/^\w{4}\*{4}$/);
});

test('list: user_id picks one user\'s submissions out of the queue', async () => {
  const { admin, verificationId } = await pendingRealname();
  const submitter = api.server.state.users.find((u) => u.email === 'review-me@example.com')!.user_id;
  await (await api.loginAs('enterprise member')).verification.submitRealname({ real_name: '王芳', id_card: '110101199001011237', id_card_front: 'https://oss.example.com/m.jpg', id_card_back: 'https://oss.example.com/n.jpg' });
  expect((await admin.admin.verifications.list({ status: 'pending' })).items).toHaveLength(2);
  const theirs = await admin.admin.verifications.list({ status: 'pending', user_id: submitter });
  expect(theirs.items.map((s) => s.verification_id)).toEqual([verificationId]);
  const personal = api.account('personal').user_id;
  const seededForPersonal = api.server.state.verifications.filter((v) => v.user_id === personal).map((v) => v.verification_id);
  expect(seededForPersonal.length, 'the seed gives the personal user a submission').toBeGreaterThan(0);
  expect((await admin.admin.verifications.list({ user_id: personal })).items.map((s) => s.verification_id).sort()).toEqual(seededForPersonal.sort());
  // Not a user id: refused like any malformed filter, in the envelope.
  await expect(admin.admin.verifications.list({ user_id: 'key_01HX41B2C3D4E5F6G7H8J9KMNP' })).rejects.toMatchObject({ code: 40001 });
});

test('types: VerificationSubmission, a union of named members, is exactly what the document says a submission is', () => {
  expectTypeOf<VerificationSubmission>().toEqualTypeOf<Data<'/admin/v1/verifications/{verification_id}', 'get'>>();
});
