import { expect, test } from 'vitest';
import { formatFixed } from '../../mocks/go/fmt.js';

test('formatFixed: %.6f rounds the exact binary value, half to even, where toFixed rounds half up', () => {
  expect(formatFixed(0.00011, 6)).toBe('0.000110');
  expect(formatFixed(0.0078125, 6)).toBe('0.007812');
  expect((0.0078125).toFixed(6)).toBe('0.007813');
  expect(formatFixed(0.0234375, 6)).toBe('0.023438');
  expect(formatFixed(0, 6)).toBe('0.000000');
  expect(formatFixed(-0, 6)).toBe('-0.000000');
  expect(formatFixed(123456.5, 0)).toBe('123456');
  expect(formatFixed(1e21, 2)).toBe('1000000000000000000000.00');
  expect(formatFixed(5e-324, 6)).toBe('0.000000');
  expect([NaN, Infinity, -Infinity].map((x) => formatFixed(x, 6))).toEqual(['NaN', '+Inf', '-Inf']);
});
