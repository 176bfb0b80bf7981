import { expect, test } from 'vitest';
import { isGoEmail } from '../../mocks/go/email.js';

test.each(['alice@example.com', 'a.b+c@sub.example.org', '"q"@example.com', 'jöhn@exämple.de', 'x@example.com.'])(
  'isGoEmail: %j passes the validator\'s email rule',
  (value) => {
    expect(isGoEmail(value)).toBe(true);
  },
);

test.each(['', 'alice', 'alice@localhost', 'alice@@example.com', '.alice@example.com', 'alice@-example.com', 'a b@example.com'])(
  'isGoEmail: %j fails the validator\'s email rule',
  (value) => {
    expect(isGoEmail(value)).toBe(false);
  },
);

test('isGoEmail: a quoted local part of two or more characters fails, a quirk of the validator\'s regex kept as it is', () => {
  // v10.20 writes `\\(` where a quoted pair was meant, which shifts the group the `*` repeats.
  expect(isGoEmail('"quoted"@example.com')).toBe(false);
  expect(isGoEmail('"q"@example.com')).toBe(true);
});
