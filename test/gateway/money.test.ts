import fc from 'fast-check';
import { expect, test } from 'vitest';
import { Money } from '../../src/index.js';

const sixDecimals = fc.bigInt({ min: -(10n ** 15n), max: 10n ** 15n }).map((micros) => {
  const digits = (micros < 0n ? -micros : micros).toString().padStart(7, '0');
  return `${micros < 0n ? '-' : ''}${digits.slice(0, -6)}.${digits.slice(-6)}`;
});
const quotaPerUsd = fc.tuple(fc.integer({ min: 0, max: 12 }), fc.integer({ min: 0, max: 8 })).map(([twos, fives]) => 2 ** twos * 5 ** fives);

test("money: new-api's integer quota round-trips exactly, and through USD at any 2^a·5^b quota per USD", () => {
  fc.assert(
    fc.property(fc.maxSafeInteger(), quotaPerUsd, (quota, perUsd) => {
      const money = Money.of('quota', quota, { quotaPerUsd: perUsd });
      expect(money.toNumber()).toBe(quota);
      expect(money.to('usd').to('quota', { quotaPerUsd: perUsd }).toNumber()).toBe(quota);
    }),
  );
});

test("money: Aether's USD floats round-trip to the same double, and to quota and back wherever they are whole quota", () => {
  fc.assert(
    fc.property(fc.double({ noNaN: true, noDefaultInfinity: true }), (usd) => {
      // -0 reads as 0: an amount has no signed zero (String(-0) is "0").
      const same = Object.is(usd, -0) ? 0 : usd;
      const money = Money.of('usd', usd);
      expect(money.toNumber()).toBe(same);
      expect(Money.of('usd', money.toString()).toNumber()).toBe(same);
    }),
  );
  fc.assert(
    fc.property(fc.integer({ min: -(2 ** 40), max: 2 ** 40 }), (quota) => {
      const usd = Money.of('quota', quota).to('usd').toNumber();
      expect(Money.of('usd', usd).to('quota').toNumber()).toBe(quota);
    }),
  );
});

test("money: the platform's daily token counts round-trip as integers", () => {
  fc.assert(
    fc.property(fc.nat(), (tokens) => {
      expect(Money.of('tokens', tokens).toNumber()).toBe(tokens);
    }),
  );
});

test("money: OpenCat's six-decimal cost strings round-trip to the digit, trailing zeros kept", () => {
  fc.assert(
    fc.property(sixDecimals, (cost) => {
      expect(Money.of('usd', cost).toString()).toBe(cost);
      expect(Money.of('usd', cost).toFixed(6)).toBe(cost);
    }),
  );
});

test('money: sums never drift: adding cost strings equals the exact sum of their micro-dollars', () => {
  fc.assert(
    fc.property(fc.array(sixDecimals, { maxLength: 50 }), (costs) => {
      const sum = costs.reduce((total, cost) => total.add(Money.of('usd', cost)), Money.of('usd', '0.000000'));
      const micros = costs.reduce((total, cost) => total + BigInt(cost.replace('.', '')), 0n);
      expect(sum.equals(Money.of('usd', `${micros}e-6`))).toBe(true);
    }),
  );
  expect(Money.of('usd', 0.1).add(Money.of('usd', 0.2)).toString()).toBe('0.3');
});

test("money: 1 quota is exactly 0.000002 USD at new-api's 500,000, and $2.50 is 1,250,000 quota", () => {
  expect(Money.of('quota', 1).to('usd').toString()).toBe('0.000002');
  expect(Money.of('usd', '2.50').to('quota').toNumber()).toBe(1_250_000);
  expect(JSON.stringify(Money.of('quota', 1_250_000))).toBe('{"unit":"quota","amount":"1250000","quotaPerUsd":500000}');
});

test('money: a conversion that is not exact throws a RangeError unless decimals ask for rounding', () => {
  expect(() => Money.of('usd', '0.000001').to('quota')).toThrow(
    'Failed to convert 0.000001 USD to quota: it is not a whole quota at 500000 per USD. Please pass { decimals: 0 } to round.',
  );
  expect(Money.of('usd', '0.000001').to('quota', { decimals: 0 }).toNumber()).toBe(1);
  expect(() => Money.of('quota', 1, { quotaPerUsd: 3 }).to('usd')).toThrow(RangeError);
  expect(Money.of('quota', 1, { quotaPerUsd: 3 }).to('usd', { decimals: 6 }).toString()).toBe('0.333333');
  expect(Money.of('quota', 2, { quotaPerUsd: 3 }).to('usd', { decimals: 6 }).toString()).toBe('0.666667');
});

test('money: counts never convert, and amounts in different units never mix', () => {
  expect(() => Money.of('tokens', 5).to('usd')).toThrow('Failed to convert tokens to usd: only quota and usd convert. Please keep the amount in tokens.');
  expect(() => Money.of('usd', 1).add(Money.of('quota', 1) as Money)).toThrow(TypeError);
  expect(() => Money.of('quota', 1).add(Money.of('quota', 1, { quotaPerUsd: 1000 }))).toThrow('are not in one unit');
});

test('money: what is not a finite decimal is refused with the value in the message', () => {
  expect(() => Money.of('usd', Number.NaN)).toThrow('Failed to read an amount: NaN is not a finite number.');
  expect(() => Money.of('usd', '1,5')).toThrow('Failed to read an amount: "1,5" is not a decimal number.');
  expect(() => Money.of('quota', 1, { quotaPerUsd: 0 })).toThrow('Failed to read quotaPerUsd: 0 is not a positive whole number.');
});
