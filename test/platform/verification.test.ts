import { expect, test } from 'vitest';
import { ConflictError, PermissionDeniedError } from '../../src/index.js';
import type { PlatformClient } from '../../src/platform/index.js';
import { usePlatform } from '../support/platform.js';

const api = usePlatform();
const realname = { real_name: '张三丰', id_card: '110101199001011237', id_card_front: 'https://oss.example.com/f.jpg', id_card_back: 'https://oss.example.com/b.jpg' };

async function newUser(type: 'personal' | 'enterprise'): Promise<PlatformClient> {
  const client = api.client();
  const email = `${type}-${api.server.clock.now()}@example.com`;
  await client.auth.register({ user_type: type, email, password: 'Passw0rd-new', captcha_token: await api.captchaToken(client), ...(type === 'enterprise' ? { enterprise_name: '新公司有限公司' } : {}) });
  await client.auth.login({ email, password: 'Passw0rd-new', captcha_token: await api.captchaToken(client) });
  return client;
}

test('realname: unverified, then pending with the name masked once submitted', async () => {
  const client = await newUser('personal');
  expect(await client.verification.retrieveRealname()).toMatchObject({ status: 'unverified', real_name: null });
  const pending = await client.verification.submitRealname(realname);
  expect(pending).toMatchObject({ status: 'pending', real_name: '张**' });
  expect(JSON.stringify(await client.verification.retrieveRealname())).not.toContain(realname.id_card);
});

test('realname: a second submission while pending is a ConflictError 40903', async () => {
  const client = await newUser('personal');
  await client.verification.submitRealname(realname);
  await expect(client.verification.submitRealname(realname)).rejects.toSatisfy((e) => e instanceof ConflictError && (e as ConflictError).code === 40903);
});

test('realname: an id card with a bad check character is refused (40001)', async () => {
  const client = await newUser('personal');
  await expect(client.verification.submitRealname({ ...realname, id_card: '110101199001011238' })).rejects.toMatchObject({ code: 40001 });
});

test('realname is not for enterprise accounts (40303)', async () => {
  const client = await newUser('enterprise');
  await expect(client.verification.retrieveRealname()).rejects.toSatisfy((e) => e instanceof PermissionDeniedError && (e as PermissionDeniedError).code === 40303);
});

test('enterprise: the owner submits, the profile reads pending with the credit code and phone masked', async () => {
  const client = await newUser('enterprise');
  const profile = await client.verification.submitEnterprise({
    enterprise_name: '新公司有限公司',
    credit_code: '91110000MA01ABCD1M',
    license_image: 'https://oss.example.com/l.jpg',
    contact_name: '李四',
    contact_phone: '13900139000',
  });
  expect(profile).toMatchObject({ verify_status: 'pending', credit_code: '9111****', contact_phone: '139****9000' });
});

test('enterprise verification is for the enterprise account only (40303 for a personal one)', async () => {
  const client = await api.loginAs('personal');
  const params = { enterprise_name: 'X 公司', credit_code: '91110000MA01ABCD1M', license_image: 'https://oss.example.com/l.jpg', contact_name: '李四', contact_phone: '13900139000' };
  await expect(client.verification.submitEnterprise(params)).rejects.toMatchObject({ status: 403, code: 40303 });
});
