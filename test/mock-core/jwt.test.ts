import { decodeJwt, decodeProtectedHeader } from 'jose';
import { expect, test } from 'vitest';
import { createClock } from '../../mocks/core/clock.js';
import { signJwt, verifyJwt } from '../../mocks/core/jwt.js';

const SECRET = 'a-test-secret-of-thirty-two-bytes!';
const START = Date.UTC(2025, 0, 1);

test('signJwt: HS256 with PyJWT\'s header; exp comes from the server clock, claims in the order given', async () => {
  const clock = createClock({ frozen: true, now: START });
  const token = await signJwt({ user_id: 'u-1', type: 'access' }, SECRET, clock, { expiresInSeconds: 60 });
  expect(decodeProtectedHeader(token)).toEqual({ alg: 'HS256', typ: 'JWT' });
  expect(decodeJwt(token)).toEqual({ user_id: 'u-1', type: 'access', exp: START / 1000 + 60 });
  expect(Object.keys(decodeJwt(token))).toEqual(['user_id', 'type', 'exp']);
  expect(Buffer.from(token.split('.')[0]!, 'base64url').toString()).toBe('{"alg":"HS256","typ":"JWT"}');
});

test('verifyJwt: valid until the server clock reaches exp, expired from that second on (exp <= now)', async () => {
  const clock = createClock({ frozen: true, now: START });
  const token = await signJwt({ sub: 'alice' }, SECRET, clock, { expiresInSeconds: 60 });
  expect(await verifyJwt(token, SECRET, clock)).toEqual({ ok: true, claims: { sub: 'alice', exp: START / 1000 + 60 } });
  clock.advance(59_999);
  expect((await verifyJwt(token, SECRET, clock)).ok).toBe(true);
  clock.advance(1);
  expect(await verifyJwt(token, SECRET, clock)).toEqual({ ok: false, reason: 'expired' });
});

test('verifyJwt: another key, a changed payload, alg none and garbage are invalid, and the answer holds no secret', async () => {
  const clock = createClock({ frozen: true, now: START });
  const token = await signJwt({ sub: 'alice' }, SECRET, clock);
  const [header, , signature] = token.split('.');
  const forged = `${header}.${Buffer.from('{"sub":"root"}').toString('base64url')}.${signature}`;
  const none = `${Buffer.from('{"alg":"none","typ":"JWT"}').toString('base64url')}.${Buffer.from('{"sub":"root"}').toString('base64url')}.`;
  for (const [candidate, key] of [[token, 'another-secret-of-thirty-two-byte'], [forged, SECRET], [none, SECRET], ['not.a.jwt', SECRET], ['', SECRET]] as const) {
    const checked = await verifyJwt(candidate, key, clock);
    expect(checked).toEqual({ ok: false, reason: 'invalid' });
    expect(JSON.stringify(checked)).not.toContain(SECRET);
  }
});
