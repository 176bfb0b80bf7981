import { afterAll, expect, test } from 'vitest';
import { usePlatform } from './platform-support.js';
import { json, loginAs, newApiServer, serverErrors } from './support.js';

afterAll(() => expect(serverErrors.splice(0)).toEqual([]));

const HOUR = 3_600_000;
const ROUNDS = 5;
// Ids and timestamps gain digits as a sandbox runs: "flat" allows that much, nowhere near one more round's worth.
const SLACK = 1.05;

const t = usePlatform();

type Soaked = { fetch(path: string): Promise<Response>; clock: { advance(ms: number): void } };

/** Sizes of the exported state (as `measure` counts it) after each round, with `hours` of server time between. */
async function soak(server: Soaked, hours: number, round: (n: number) => Promise<void>, measure = (text: string) => text.length): Promise<number[]> {
  const sizes: number[] = [];
  for (let n = 0; n < ROUNDS; n++) {
    await round(n);
    sizes.push(measure(await (await server.fetch('/__mock/state')).text()));
    server.clock.advance(hours * HOUR);
  }
  return sizes;
}

// These rounds send fewer mails than the outbox holds (a ring, filled by the new-api soak): everything else counts.
const withoutOutbox = (text: string) => JSON.stringify({ ...JSON.parse(text), outbox: [] }).length;

test('new-api: anonymous mails, verification codes and oversized text fields leave the state size flat', async () => {
  const server = await newApiServer();
  const headers = await loginAs(server, 'root', '123456');
  await server.fetch('/api/token/', json('POST', { name: 'soak' }, headers));
  const token = server.state.tokens.at(-1)!;
  const sizes = await soak(server, 2, async (n) => {
    for (let i = 0; i < 500; i++) await server.fetch(`/api/verification?email=soak${n}x${i}@example.com`);
    for (let i = 0; i < 5; i++) {
      await server.fetch('/api/token/', json('POST', { name: `big${i}`, model_limits: 'm'.repeat(70_000) }, headers));
      await server.fetch('/api/token/', json('PUT', { id: token.id, name: 'soak', unlimited_quota: true, model_limits: 'm'.repeat(65_535) }, headers));
      await server.fetch('/api/user/self', json('PUT', { sidebar_modules: 's'.repeat(70_000) }, headers));
    }
  });
  // The outbox is full from the second round on; every later round stays at that size.
  for (const size of sizes.slice(2)) expect(size).toBeLessThanOrEqual(sizes[1]! * SLACK);
}, 60_000);

test('platform: failed logins of unknown emails, refreshes and anonymous reset codes leave the state size flat', async () => {
  const session = await t.login('personal');
  let refresh = session.refresh;
  let access = session.access;
  // 25 hours a round: every send count (a day), lockout record, code and captcha is dead by the next round,
  // while the session (30 days) lives on and keeps refreshing.
  const sizes = await soak(t.server, 25, async (n) => {
    for (let i = 0; i < 25; i++) {
      await t.call('POST', '/api/v1/auth/login', { body: await t.loginBody({ email: `ghost${n}x${i}@example.com` }, 'Wrong-pass-1') });
    }
    for (let i = 0; i < 25; i++) {
      const pair = (await t.json('POST', '/api/v1/auth/refresh', { body: { refresh_token: refresh } })).data;
      [refresh, access] = [pair.refresh_token, pair.access_token];
    }
    for (let i = 0; i < 10; i++) {
      const body = { email: `reset${n}x${i}@example.com`, purpose: 'reset_password', captcha_token: await t.captchaToken() };
      await t.call('POST', '/api/v1/users/me/verify/email', { body });
      await t.call('POST', '/api/v1/users/me/verify/email', { token: access, body: { email: `new${n}x${i}@example.com`, purpose: 'change_email' } });
    }
  }, withoutOutbox);
  for (const size of sizes.slice(1)) expect(size).toBeLessThanOrEqual(sizes[0]! * SLACK);
  expect((await t.json('POST', '/api/v1/auth/refresh', { body: { refresh_token: refresh } })).code, 'the session refreshes on').toBe(0);
}, 60_000);
