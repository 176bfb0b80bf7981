import { expect, test } from 'vitest';
import { createClock } from '../../mocks/core/clock.js';
import { createFormTokens, FORM_TOKEN_MAX, FORM_TOKEN_TTL_MS } from '../../mocks/core/form-tokens.js';

test('form tokens: a token is good once, for the scope it was issued for', () => {
  const tokens = createFormTokens(createClock({ frozen: true }));
  const token = tokens.issue('order-1');
  expect(tokens.consume('order-2', token)).toBe(false);
  // A wrong scope burns the token too: a guess at the scope gets no second try.
  expect(tokens.consume('order-1', token)).toBe(false);
  const next = tokens.issue('order-1');
  expect(next).not.toBe(token);
  expect(tokens.consume('order-1', next)).toBe(true);
  expect(tokens.consume('order-1', next)).toBe(false);
});

test('form tokens: a token expires on the server clock', () => {
  const clock = createClock({ frozen: true });
  const tokens = createFormTokens(clock);
  const fresh = tokens.issue('a');
  const stale = tokens.issue('a');
  clock.advance(FORM_TOKEN_TTL_MS - 1);
  expect(tokens.consume('a', fresh)).toBe(true);
  clock.advance(1);
  expect(tokens.consume('a', stale)).toBe(false);
});

test('form tokens: past the cap the oldest token goes, so reloading a page cannot grow memory', () => {
  const tokens = createFormTokens(createClock({ frozen: true }));
  const first = tokens.issue('a');
  const second = tokens.issue('a');
  for (let i = 0; i < FORM_TOKEN_MAX - 1; i += 1) tokens.issue('b');
  expect(tokens.consume('a', first)).toBe(false);
  expect(tokens.consume('a', second)).toBe(true);
});

test('form tokens: tokens are 24 random bytes, unrelated to any seed', () => {
  const tokens = createFormTokens(createClock({ frozen: true }));
  const seen = new Set(Array.from({ length: 100 }, () => tokens.issue('a')));
  expect(seen.size).toBe(100);
  for (const token of seen) expect(token).toMatch(/^[\w-]{32}$/);
});
