import { expect, test } from 'vitest';
import { decimalProduct, formatMoney } from '../../mocks/newapi/money.js';

test('decimalProduct: exact decimal arithmetic, rounded once (shopspring/decimal then InexactFloat64)', () => {
  expect(decimalProduct(13, 7.3, 1, 1)).toBe(94.9);
  expect(13 * 7.3).toBe(94.89999999999999);
  expect(decimalProduct(10, 7.3, 0.8)).toBe(58.4);
  expect(decimalProduct(0.1, 3)).toBe(0.3);
  expect(decimalProduct(10, 7.3, 0.8, 0.9)).toBe(52.56);
  expect(decimalProduct(1e-7, 5)).toBe(5e-7);
});

test('formatMoney: strconv.FormatFloat(x, \'f\', 2, 64), ties to even', () => {
  expect([7.3, 21.9, 0.125, 0.375, 2.5, 1.005, 0].map(formatMoney)).toEqual(['7.30', '21.90', '0.12', '0.38', '2.50', '1.00', '0.00']);
});
