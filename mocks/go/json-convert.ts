/**
 * One JSON value into one Go type, as `encoding/json`'s `Unmarshal` converts it: the kinds the gin dialects'
 * request structs use, their zero values, and the `UnmarshalTypeError` parts (`got`, `type`) Go reports.
 * @module
 */
import { goFloat } from './json-encode.js';
import { NumberLiteral } from './json-scan.js';
import { isRfc3339 } from './time.js';

/** A Go type a request field may have, named as Go prints it. */
export type GoKind =
  | 'string'
  | 'int'
  | 'int64'
  | 'uint'
  | 'float64'
  | 'bool'
  | '*string'
  | '*bool'
  | '[]int'
  | 'time.Time'
  | 'gorm.DeletedAt'
  | 'map[string]interface {}'
  | 'map[string]map[string]bool';

/** What a field of kind `K` holds once decoded (`null` for a nil pointer, slice or map). */
export type GoValue<K extends GoKind> = K extends 'string' | 'time.Time'
  ? string
  : K extends 'bool'
    ? boolean
    : K extends '*string' | 'gorm.DeletedAt'
      ? string | null
      : K extends '*bool'
        ? boolean | null
        : K extends '[]int'
          ? number[] | null
          : K extends 'map[string]interface {}'
            ? Record<string, unknown> | null
            : K extends 'map[string]map[string]bool'
              ? Record<string, Record<string, boolean> | null> | null
              : number;

/** A conversion: the value, or what Go's error names (`got`: the JSON kind; `type`: the Go type, when not the field's own). */
export type Converted = { ok: true; value: unknown } | { ok: false; got: string; type?: string; text?: string };

const INT64_MAX = 9223372036854775807n;
const UINT64_MAX = 18446744073709551615n;
const ZERO_TIME = '0001-01-01T00:00:00Z';

/**
 * The zero value of a kind.
 *
 * @example
 * zeroOf('*string'); // null
 */
export function zeroOf(kind: GoKind): unknown {
  if (kind === 'string') return '';
  if (kind === 'bool') return false;
  if (kind === 'time.Time') return ZERO_TIME;
  if (kind === 'int' || kind === 'int64' || kind === 'uint' || kind === 'float64') return 0;
  // A nil pointer, slice or map; an invalid gorm.DeletedAt.
  return null;
}

/**
 * The word Go's `UnmarshalTypeError` uses for a JSON value.
 *
 * @example
 * jsonKind([]); // 'array'
 */
export function jsonKind(value: unknown): string {
  if (value instanceof NumberLiteral) return 'number';
  if (Array.isArray(value)) return 'array';
  return typeof value === 'object' ? 'object' : typeof value === 'boolean' ? 'bool' : 'string';
}

/**
 * Converts a scanned JSON value (numbers as {@link NumberLiteral}) to `kind`.
 *
 * @example
 * convert(new NumberLiteral('1.0'), 'int'); // { ok: false, got: 'number 1.0' }
 */
export function convert(value: unknown, kind: GoKind): Converted {
  // `null` leaves the field as it is (its zero value here); time.Time and gorm.DeletedAt get it through UnmarshalJSON, which accepts it.
  if (value === null) return { ok: true, value: zeroOf(kind) };
  switch (kind) {
    case 'string':
      return typeof value === 'string' ? { ok: true, value } : { ok: false, got: jsonKind(value) };
    case 'bool':
      return typeof value === 'boolean' ? { ok: true, value } : { ok: false, got: jsonKind(value) };
    // Go names the pointed-to type.
    case '*string':
      return typeof value === 'string' ? { ok: true, value } : { ok: false, got: jsonKind(value), type: 'string' };
    case '*bool':
      return typeof value === 'boolean' ? { ok: true, value } : { ok: false, got: jsonKind(value), type: 'bool' };
    case 'float64':
      return toFloat(value);
    case 'int':
    case 'int64':
    case 'uint':
      return toInteger(value, kind);
    case '[]int':
      return toIntSlice(value);
    case 'time.Time':
    case 'gorm.DeletedAt':
      return toTime(value);
    case 'map[string]interface {}':
      return toMap(value);
    case 'map[string]map[string]bool':
      return toBoolMaps(value);
  }
}

function toFloat(value: unknown): Converted {
  if (!(value instanceof NumberLiteral)) return { ok: false, got: jsonKind(value) };
  const parsed = Number(value.raw);
  return Number.isFinite(parsed) ? { ok: true, value: parsed } : { ok: false, got: `number ${value.raw}` };
}

function toInteger(value: unknown, kind: 'int' | 'int64' | 'uint'): Converted {
  if (!(value instanceof NumberLiteral)) return { ok: false, got: jsonKind(value) };
  const refused = { ok: false, got: `number ${value.raw}` } as const;
  // strconv.ParseInt on the literal: a fraction or an exponent fails, even `1.0` or `1e3`.
  if (!/^-?\d+$/.test(value.raw)) return refused;
  const big = BigInt(value.raw);
  if (kind === 'uint' ? big < 0n || big > UINT64_MAX : big > INT64_MAX || big < -INT64_MAX - 1n) return refused;
  // gatewaykit: past 2^53 a JavaScript number loses digits, so such a value is refused like one past int64
  // (docs/fidelity.md) rather than stored rounded.
  if (big > BigInt(Number.MAX_SAFE_INTEGER) || big < -BigInt(Number.MAX_SAFE_INTEGER)) return refused;
  return { ok: true, value: Number(big) };
}

function toIntSlice(value: unknown): Converted {
  if (!Array.isArray(value)) return { ok: false, got: jsonKind(value) };
  const items = value.map((item) => convert(item, 'int'));
  // Go names the element's type for a bad element.
  const bad = items.find((item) => !item.ok);
  return bad && !bad.ok ? { ok: false, got: bad.got, type: 'int' } : { ok: true, value: items.map((item) => (item.ok ? item.value : 0)) };
}

function toTime(value: unknown): Converted {
  // `Time.UnmarshalJSON` errors are its own texts, not UnmarshalTypeErrors.
  if (typeof value !== 'string') return { ok: false, got: jsonKind(value), text: 'Time.UnmarshalJSON: input is not a JSON string' };
  return isRfc3339(value) ? { ok: true, value } : { ok: false, got: 'string', text: `parsing time ${JSON.stringify(JSON.stringify(value))} as "\\"2006-01-02T15:04:05Z07:00\\"": cannot parse` };
}

function toMap(value: unknown): Converted {
  if (typeof value !== 'object' || Array.isArray(value) || value instanceof NumberLiteral) return { ok: false, got: jsonKind(value) };
  return { ok: true, value: asInterface(value) };
}

/** An `interface{}` after Unmarshal then Marshal: numbers pass through float64, so `1e3` reads back as `1000`. */
function asInterface(value: unknown): unknown {
  if (value instanceof NumberLiteral) return new NumberLiteral(goFloat(Number(value.raw)));
  if (Array.isArray(value)) return value.map(asInterface);
  if (value === null || typeof value !== 'object') return value;
  return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, asInterface(item)]));
}

function toBoolMaps(value: unknown): Converted {
  if (typeof value !== 'object' || Array.isArray(value) || value instanceof NumberLiteral) return { ok: false, got: jsonKind(value) };
  const out: Record<string, Record<string, boolean> | null> = {};
  for (const [key, inner] of Object.entries(value as Record<string, unknown>)) {
    if (inner === null) {
      out[key] = null;
      continue;
    }
    if (typeof inner !== 'object' || Array.isArray(inner) || inner instanceof NumberLiteral) return { ok: false, got: jsonKind(inner), type: 'map[string]bool' };
    const flags: Record<string, boolean> = {};
    for (const [name, flag] of Object.entries(inner as Record<string, unknown>)) {
      if (flag !== null && typeof flag !== 'boolean') return { ok: false, got: jsonKind(flag), type: 'bool' };
      flags[name] = flag === true;
    }
    out[key] = flags;
  }
  return { ok: true, value: out };
}
