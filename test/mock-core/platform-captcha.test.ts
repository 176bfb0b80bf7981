import { expect, test } from 'vitest';
import { usePlatform } from './platform-support.js';

const t = usePlatform();

const issue = async () => (await t.json('POST', '/api/v1/auth/captcha')).data as { captcha_id: string; image: string; expires_at: string };
const answerOf = async (id: string) => ((await (await t.server.fetch(`/__mock/captchas/${id}`)).json()) as { answer: string }).answer;
const verify = (captcha_id: string, answer: string) => t.json('POST', '/api/v1/auth/captcha/verify', { body: { captcha_id, answer } });

test('captcha: 201 with a cap_ id and an SVG data URI that draws the answer as paths, not text', async () => {
  const response = await t.call('POST', '/api/v1/auth/captcha');
  expect(response.status).toBe(201);
  const { data } = (await response.json()) as { data: { captcha_id: string; image: string } };
  expect(data.captcha_id).toMatch(/^cap_[0-7][0-9A-HJKMNP-TV-Z]{25}$/);
  const svg = Buffer.from(data.image.replace('data:image/svg+xml;base64,', ''), 'base64').toString();
  expect(svg).toMatch(/^<svg xmlns="http:\/\/www.w3.org\/2000\/svg"/);
  expect(svg).toContain('<path');
  const answer = await answerOf(data.captcha_id);
  expect(answer).toMatch(/^[23456789ABCDEFGHJKMNPQRSTUVWXYZ]{4}$/);
  expect(svg).not.toContain(answer);
  expect(svg).not.toContain('<text');
});

test('captcha: the answer is case-insensitive and buys a single-use token', async () => {
  const captcha = await issue();
  const answer = await verify(captcha.captcha_id, ` ${(await answerOf(captcha.captcha_id)).toLowerCase()} `);
  expect(answer.status).toBe(200);
  expect(answer.data.captcha_token).toMatch(/^captcha_[A-Za-z0-9_-]{32}$/);
  expect(Date.parse(answer.data.expires_at) - t.server.clock.now()).toBeLessThanOrEqual(120_000);

  const account = t.account('personal');
  const body = { ...(await t.loginBody({ email: account.email }, account.password)), captcha_token: answer.data.captcha_token };
  expect((await t.json('POST', '/api/v1/auth/login', { body })).status).toBe(200);
  const reused = { ...(await t.loginBody({ email: account.email }, account.password)), captcha_token: answer.data.captcha_token };
  expect(await t.json('POST', '/api/v1/auth/login', { body: reused })).toMatchObject({ status: 400, code: 40020 });
});

test('captcha: one answer per captcha: a wrong one is 40021 and the right one afterwards is 40022', async () => {
  const captcha = await issue();
  const right = await answerOf(captcha.captcha_id);
  expect(await verify(captcha.captcha_id, right === 'AAAA' ? 'BBBB' : 'AAAA')).toMatchObject({ status: 400, code: 40021 });
  expect(await verify(captcha.captcha_id, right)).toMatchObject({ status: 400, code: 40022 });
  expect((await t.server.fetch(`/__mock/captchas/${captcha.captcha_id}`)).status).toBe(404);
});

test('captcha: unknown and expired (5 minutes) captchas are 40022', async () => {
  expect(await verify('cap_01HX44E5F6G7H8J9KMNPQRSTVW', 'ABCD')).toMatchObject({ code: 40022 });
  const captcha = await issue();
  const answer = await answerOf(captcha.captcha_id);
  t.server.clock.advance(5 * 60_000);
  expect(await verify(captcha.captcha_id, answer)).toMatchObject({ code: 40022 });
});

test('captcha token: expires after 2 minutes', async () => {
  const account = t.account('personal');
  const body = await t.loginBody({ email: account.email }, account.password);
  t.server.clock.advance(120_000);
  expect(await t.json('POST', '/api/v1/auth/login', { body })).toMatchObject({ status: 400, code: 40020 });
});

test('captcha verify: bad bodies are 40000 / 40001', async () => {
  expect(await t.json('POST', '/api/v1/auth/captcha/verify', { body: 'not json' })).toMatchObject({ status: 400, code: 40000 });
  const missing = await t.json('POST', '/api/v1/auth/captcha/verify', { body: { captcha_id: 'cap_x' } });
  expect(missing).toMatchObject({ status: 400, code: 40001, data: { fields: [{ field: 'answer', reason: 'is required' }] } });
});

test('control route: an unknown captcha id is a plain 404', async () => {
  const response = await t.server.fetch('/__mock/captchas/cap_nope');
  expect(response.status).toBe(404);
  expect(await response.json()).toEqual({ error: expect.stringContaining('Failed to find the captcha') });
});
