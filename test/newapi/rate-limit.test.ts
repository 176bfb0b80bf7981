import { expect, test } from 'vitest';
import { RateLimitError } from '../../src/index.js';
import { useNewApi } from '../support/harness.js';
import { jsonInit } from '../support/sessions.js';

const api = useNewApi();

const enableRateLimits = () => api.raw('/__mock/settings', jsonInit('PATCH', { RateLimitEnabled: true }));

/** A client that retries quickly and counts the attempts it sends. */
function countingClient(maxRetries = 2) {
  const attempts: string[] = [];
  const client = api.client({
    maxRetries,
    retry: { baseDelay: 1, maxDelay: 2 },
    onRequest: (request) => void attempts.push(`${request.method} ${new URL(request.url).pathname}`),
  });
  return { client, attempts };
}

async function spendLoginWindow(): Promise<void> {
  for (let i = 0; i < 20; i++) {
    await api.raw('/api/user/login', jsonInit('POST', { username: 'root', password: 'not-the-password' }));
  }
}

test('rate limit: the 21st login throws RateLimitError, status 429, no Retry-After, and the POST is not retried', async () => {
  await enableRateLimits();
  await spendLoginWindow();
  const { client, attempts } = countingClient();
  const err = await client.auth.login({ username: 'root', password: '123456' }).catch((e) => e);
  expect(err).toBeInstanceOf(RateLimitError);
  expect(err).toMatchObject({ status: 429, dialect: 'newapi', body: undefined, retryAfter: undefined });
  expect(attempts).toEqual(['POST /api/user/login']);
});

test('rate limit: a GET is retried with backoff, at most maxRetries times, then RateLimitError', async () => {
  await enableRateLimits();
  // The 360 requests the global window allows, sent in parallel batches to keep the test short over HTTP.
  for (let batch = 0; batch < 9; batch++) await Promise.all(Array.from({ length: 40 }, () => api.raw('/api/user/groups')));
  const { client, attempts } = countingClient(2);
  await expect(client.groups.list()).rejects.toBeInstanceOf(RateLimitError);
  expect(attempts).toEqual(Array(3).fill('GET /api/user/groups'));
});

test('rate limit: a retried GET succeeds once the window has moved on', async () => {
  await enableRateLimits();
  // The 360 requests the global window allows, sent in parallel batches to keep the test short over HTTP.
  for (let batch = 0; batch < 9; batch++) await Promise.all(Array.from({ length: 40 }, () => api.raw('/api/user/groups')));
  let attempt = 0;
  const client = api.client({
    maxRetries: 2,
    retry: { baseDelay: 1, maxDelay: 2 },
    // Before the second attempt, three minutes pass on the server.
    onRequest: () => void (++attempt === 2 && api.server.clock.advance(180_000)),
  });
  await expect(client.groups.list()).resolves.toHaveProperty('default');
  expect(attempt).toBe(2);
});

test('rate limit: the window reopens after 20 minutes on the server clock, and the login then works', async () => {
  await enableRateLimits();
  await spendLoginWindow();
  const client = api.client();
  await expect(client.auth.login({ username: 'root', password: '123456' })).rejects.toBeInstanceOf(RateLimitError);
  await api.raw('/__mock/clock', jsonInit('POST', { advance_ms: 20 * 60_000 }));
  await expect(client.auth.login({ username: 'root', password: '123456' })).resolves.toMatchObject({ username: 'root' });
});

test('rate limit: verification.send and passwordReset.request are GETs that send mail, so they are not retried', async () => {
  await enableRateLimits();
  const { client, attempts } = countingClient(2);
  await client.verification.send({ email: 'a@example.com' });
  await client.verification.send({ email: 'b@example.com' });
  const err = await client.verification.send({ email: 'c@example.com' }).catch((e) => e);
  // The email-verification limiter is the one that answers with a message.
  expect(err).toBeInstanceOf(RateLimitError);
  expect(err.message).toBe('发送过于频繁，请稍后再试');
  expect(attempts.filter((a) => a === 'GET /api/verification')).toHaveLength(3);

  await spendLoginWindow();
  await expect(client.passwordReset.request({ email: 'a@example.com' })).rejects.toBeInstanceOf(RateLimitError);
  expect(attempts.filter((a) => a === 'GET /api/reset_password')).toHaveLength(1);
});

test('rate limit: once the global /api window is spent, /api/verification answers the global limiter\'s empty 429', async () => {
  await enableRateLimits();
  // In-process on both transports: 360 HTTP round trips would only slow the test, and every answer is still checked
  // against the document (the contract observer sits in the server).
  const send = (path: string) => api.server.fetch(new Request(`http://localhost${path}`));
  for (let i = 0; i < 360; i++) await send('/api/user/groups');
  const response = await send('/api/verification?email=a%40example.com');
  expect({ status: response.status, body: await response.text() }).toEqual({ status: 429, body: '' });
  expect(api.server.state.outbox).toEqual([]);
});

test('rate limit: off by default in tests, so suites can log in freely', async () => {
  for (let i = 0; i < 25; i++) await api.client().auth.login({ username: 'root', password: '123456' });
});
