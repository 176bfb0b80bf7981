/**
 * One money type over every dialect's unit: it keeps the unit and the exact value the gateway sent, and converts
 * only when asked. All arithmetic is on bigints, so no float ever drifts a digit.
 * @module
 */
import { align, type Decimal, divide, formatDecimal, multiply, parseDecimal, roundTo } from './internal/decimal.js';

/**
 * The unit an amount is in:
 * - `quota`: new-api's integer quota (500,000 per USD unless the server says otherwise);
 * - `usd`: dollars, as Aether's floats (`quota_usd`) and OpenCat's six-decimal cost strings give them;
 * - `tokens` and `requests`: the platform's daily caps, counted, never priced.
 */
export type MoneyUnit = 'quota' | 'usd' | 'tokens' | 'requests';

/** new-api's default `QuotaPerUnit`: 500,000 quota is one USD. */
export const DEFAULT_QUOTA_PER_USD = 500_000;

/** Options of {@link Money.of}. */
export interface MoneyOptions {
  /** For `quota`: how many quota make one USD. @default 500000 */
  quotaPerUsd?: number;
}

/** Options of {@link Money.to}. */
export interface ConvertOptions extends MoneyOptions {
  /**
   * Round the result half away from zero to this many decimals. Without it, a conversion that is not exact (or, to
   * `quota`, not a whole quota) throws a RangeError instead of rounding silently. @default undefined (exact only)
   */
  decimals?: number;
}

/** What `JSON.stringify` writes for a {@link Money}: the unit and the exact amount as a decimal string. */
export interface MoneyJSON {
  unit: MoneyUnit;
  amount: string;
  quotaPerUsd?: number;
}

/**
 * An exact amount in one unit. `toString()` gives back the value as the dialect wrote it (`"1.500000"` stays
 * `"1.500000"`, `0.1` stays `0.1`), so writing it back to the gateway loses nothing.
 *
 * @example
 * const balance = Money.of('quota', 1_250_000);
 * balance.to('usd').toString(); // "2.5"
 * Money.of('usd', 0.1).add(Money.of('usd', 0.2)).toString(); // "0.3"
 */
export class Money {
  readonly unit: MoneyUnit;
  /** For `quota` only: how many quota make one USD. */
  readonly quotaPerUsd: number | undefined;
  readonly #value: Decimal;

  private constructor(unit: MoneyUnit, value: Decimal, quotaPerUsd: number | undefined) {
    this.unit = unit;
    this.quotaPerUsd = unit === 'quota' ? (quotaPerUsd ?? DEFAULT_QUOTA_PER_USD) : undefined;
    this.#value = value;
  }

  /**
   * An amount from what the gateway sent: a decimal string, a finite number (read through its shortest round-trip
   * form, so the float `0.1` is `0.1`), or a bigint.
   * @example
   * Money.of('usd', '0.000110'); // OpenCat's cost string, kept to the digit
   */
  static of(unit: MoneyUnit, value: string | number | bigint, options: MoneyOptions = {}): Money {
    if (unit === 'quota') assertPerUsd(options.quotaPerUsd);
    return new Money(unit, parseDecimal(value), options.quotaPerUsd);
  }

  /** The exact amount as a decimal string with the scale it was read with. @example Money.of('usd', '1.50').toString(); // "1.50" */
  toString(): string {
    return formatDecimal(this.#value);
  }

  /**
   * The amount as a JS number, for a dialect that wants one (new-api's integer quota, Aether's floats). Exact for
   * every amount read from a number.
   * @example
   * Money.of('usd', 0.1).toNumber(); // 0.1
   */
  toNumber(): number {
    return Number(this.toString());
  }

  /** The amount with exactly `decimals` decimals, rounded half away from zero. @example Money.of('usd', '0.11').toFixed(6); // "0.110000" */
  toFixed(decimals: number): string {
    const rounded = roundTo(this.#value, decimals);
    return formatDecimal({ units: rounded.units * 10n ** BigInt(decimals - rounded.scale), scale: decimals });
  }

  /** @example JSON.stringify(Money.of('usd', 2.5)); // {"unit":"usd","amount":"2.5"} */
  toJSON(): MoneyJSON {
    return this.quotaPerUsd === undefined ? { unit: this.unit, amount: this.toString() } : { unit: this.unit, amount: this.toString(), quotaPerUsd: this.quotaPerUsd };
  }

  /** The sum, at the larger scale; both must be in the same unit. @example a.add(b) */
  add(other: Money): Money {
    const [a, b, scale] = align(this.#value, this.#sameUnit(other, 'add'));
    return new Money(this.unit, { units: a + b, scale }, this.quotaPerUsd);
  }

  /** The difference, at the larger scale; both must be in the same unit. @example a.subtract(b) */
  subtract(other: Money): Money {
    return this.add(other.negate());
  }

  /** The same amount with the opposite sign. @example Money.of('quota', 5).negate().toString(); // "-5" */
  negate(): Money {
    return new Money(this.unit, { units: -this.#value.units, scale: this.#value.scale }, this.quotaPerUsd);
  }

  /** -1, 0 or 1; `"1.50"` and `"1.5"` are equal. @example a.compare(b) < 0 */
  compare(other: Money): -1 | 0 | 1 {
    const [a, b] = align(this.#value, this.#sameUnit(other, 'compare'));
    return a < b ? -1 : a > b ? 1 : 0;
  }

  /** Same unit and same value, whatever the scale. @example Money.of('usd', '1.50').equals(Money.of('usd', 1.5)); // true */
  equals(other: Money): boolean {
    return this.unit === other.unit && this.quotaPerUsd === other.quotaPerUsd && this.compare(other) === 0;
  }

  /** @example Money.of('usd', '-0.5').isNegative(); // true */
  isNegative(): boolean {
    return this.#value.units < 0n;
  }

  /**
   * The amount in another unit; only `quota` and `usd` convert (at `quotaPerUsd`), counts never do. Exact unless
   * `decimals` asks for rounding: 1 quota is exactly 0.000002 USD at new-api's 500,000.
   * @example
   * Money.of('usd', '2.5').to('quota').toNumber(); // 1250000
   * Money.of('quota', 1).to('usd').toString(); // "0.000002"
   */
  to(unit: MoneyUnit, options: ConvertOptions = {}): Money {
    if (unit === this.unit && (unit !== 'quota' || options.quotaPerUsd === undefined || options.quotaPerUsd === this.quotaPerUsd)) return this;
    const from = this.unit === 'quota' ? toUsdValue(this.#value, this.quotaPerUsd!, options.decimals) : this.unit === 'usd' ? this.#value : undefined;
    if (from === undefined || (unit !== 'usd' && unit !== 'quota')) {
      throw new TypeError(`Failed to convert ${this.unit} to ${unit}: only quota and usd convert. Please keep the amount in ${this.unit}.`);
    }
    if (unit === 'usd') return new Money('usd', options.decimals === undefined ? from : roundTo(from, options.decimals), undefined);
    const perUsd = options.quotaPerUsd ?? DEFAULT_QUOTA_PER_USD;
    assertPerUsd(perUsd);
    const quota = roundTo(multiply(from, BigInt(perUsd)), options.decimals ?? 0);
    if (options.decimals === undefined && !isWhole(multiply(from, BigInt(perUsd)))) {
      throw new RangeError(`Failed to convert ${formatDecimal(from)} USD to quota: it is not a whole quota at ${perUsd} per USD. Please pass { decimals: 0 } to round.`);
    }
    return new Money('quota', trim(quota), perUsd);
  }

  #sameUnit(other: Money, operation: string): Decimal {
    if (!(other instanceof Money) || other.unit !== this.unit || other.quotaPerUsd !== this.quotaPerUsd) {
      throw new TypeError(`Failed to ${operation} money: ${describe(this)} and ${other instanceof Money ? describe(other) : String(other)} are not in one unit. Please convert one with .to() first.`);
    }
    return other.#value;
  }
}

function toUsdValue(value: Decimal, perUsd: number, decimals: number | undefined): Decimal {
  const usd = divide(value, BigInt(perUsd), decimals);
  if (!usd) throw new RangeError(`Failed to convert ${formatDecimal(value)} quota to USD: the quotient does not end at ${perUsd} per USD. Please pass { decimals } to round.`);
  return usd;
}

function isWhole({ units, scale }: Decimal): boolean {
  return units % 10n ** BigInt(scale) === 0n;
}

/** A whole number without the zero decimals a conversion left (`1250000.0` → `1250000`). */
function trim(value: Decimal): Decimal {
  let { units, scale } = value;
  while (scale > 0 && units % 10n === 0n) {
    units /= 10n;
    scale--;
  }
  return { units, scale };
}

function describe(money: Money): string {
  return money.unit === 'quota' ? `quota at ${money.quotaPerUsd} per USD` : money.unit;
}

function assertPerUsd(perUsd: number | undefined): void {
  if (perUsd !== undefined && (!Number.isSafeInteger(perUsd) || perUsd <= 0)) {
    throw new RangeError(`Failed to read quotaPerUsd: ${perUsd} is not a positive whole number. Please pass new-api's QuotaPerUnit, e.g. 500000.`);
  }
}
