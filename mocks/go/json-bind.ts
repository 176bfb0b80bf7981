/**
 * gin's `c.ShouldBindJSON(&req)` as new-api's handlers see it: `encoding/json`'s Decoder reads one value (trailing
 * bytes are ignored), then fields are matched case-insensitively and type-checked. Handlers that answer with
 * `common.ApiError(c, err)` show the Go error text verbatim, so it is reproduced here: `EOF`, `unexpected EOF`,
 * `invalid character 'x' looking for beginning of value`,
 * `json: cannot unmarshal string into Go struct field topUpRequest.key of type string`, ...
 * @module
 */
import { NumberLiteral, readValue, SyntaxFailure } from './json-scan.js';

/** A Go field kind, named as Go prints the type. */
export type GoKind = 'string' | 'int' | 'int64' | 'float64' | 'bool' | '*string' | '[]int';

/** A Go struct: its package-qualified name (for whole-value errors), short name (for field errors), and fields. */
export interface GoStruct {
  qualified: string;
  name: string;
  fields: Record<string, GoKind>;
}

/** A decoded struct: every field at its Go zero value unless the body set it. */
export type Decoded<F extends Record<string, GoKind>> = {
  [K in keyof F]: F[K] extends 'string' ? string : F[K] extends 'bool' ? boolean : F[K] extends '*string' ? string | null : F[K] extends '[]int' ? number[] | null : number;
};

const INT64_MAX = 9223372036854775807n;

/**
 * Decodes `text` into `struct` the way `ShouldBindJSON` does; `error` is Go's text.
 *
 * @example
 * goDecode('{"key": 1}', TOPUP_REQUEST); // { ok: false, error: 'json: cannot unmarshal number into Go struct field topUpRequest.key of type string' }
 */
export function goDecode<F extends Record<string, GoKind>>(
  text: string,
  struct: GoStruct & { fields: F },
): { ok: true; value: Decoded<F> } | { ok: false; error: string } {
  let value: unknown;
  try {
    value = readValue(text);
  } catch (error) {
    if (error instanceof SyntaxFailure) return { ok: false, error: error.message };
    throw error;
  }
  const zero = Object.fromEntries(Object.entries(struct.fields).map(([name, kind]) => [name, zeroOf(kind)])) as Decoded<F>;
  if (value === null) return { ok: true, value: zero };
  if (typeof value !== 'object' || Array.isArray(value) || value instanceof NumberLiteral) {
    return { ok: false, error: `json: cannot unmarshal ${jsonKind(value)} into Go value of type ${struct.qualified}` };
  }
  const out: Record<string, unknown> = zero;
  let firstError: string | undefined;
  const folded = new Map(Object.keys(struct.fields).map((name) => [name.toLowerCase(), name]));
  for (const [key, raw] of Object.entries(value as Record<string, unknown>)) {
    const name = Object.hasOwn(struct.fields, key) ? key : folded.get(key.toLowerCase());
    if (name === undefined) continue;
    const converted = convert(raw, struct.fields[name]!);
    // Go keeps decoding after a type error and reports the first one.
    if (converted.ok) out[name] = converted.value;
    else firstError ??= `json: cannot unmarshal ${converted.got} into Go struct field ${struct.name}.${name} of type ${converted.type ?? struct.fields[name]}`;
  }
  return firstError ? { ok: false, error: firstError } : { ok: true, value: out as Decoded<F> };
}

function zeroOf(kind: GoKind): string | number | boolean | null {
  // A nil pointer or slice.
  if (kind === '*string' || kind === '[]int') return null;
  return kind === 'string' ? '' : kind === 'bool' ? false : 0;
}

function jsonKind(value: unknown): string {
  if (value instanceof NumberLiteral) return 'number';
  if (Array.isArray(value)) return 'array';
  return typeof value === 'object' ? 'object' : typeof value === 'boolean' ? 'bool' : 'string';
}

function convert(value: unknown, kind: GoKind): { ok: true; value: unknown } | { ok: false; got: string; type?: string } {
  if (value === null) return { ok: true, value: zeroOf(kind) };
  // Go names the pointed-to type, and an element's type for a bad element.
  if (kind === '*string') return typeof value === 'string' ? { ok: true, value } : { ok: false, got: jsonKind(value), type: 'string' };
  if (kind === '[]int') {
    if (!Array.isArray(value)) return { ok: false, got: jsonKind(value) };
    const items = value.map((item) => convert(item, 'int'));
    const bad = items.find((item) => !item.ok);
    return bad && !bad.ok ? { ok: false, got: bad.got, type: 'int' } : { ok: true, value: items.map((item) => (item.ok ? item.value : 0)) };
  }
  if (kind === 'string') return typeof value === 'string' ? { ok: true, value } : { ok: false, got: jsonKind(value) };
  if (kind === 'bool') return typeof value === 'boolean' ? { ok: true, value } : { ok: false, got: jsonKind(value) };
  if (!(value instanceof NumberLiteral)) return { ok: false, got: jsonKind(value) };
  if (kind === 'float64') {
    const parsed = Number(value.raw);
    return Number.isFinite(parsed) ? { ok: true, value: parsed } : { ok: false, got: `number ${value.raw}` };
  }
  // strconv.ParseInt on the literal: a fraction or an exponent fails, even `1.0` or `1e3`.
  if (!/^-?\d+$/.test(value.raw)) return { ok: false, got: `number ${value.raw}` };
  const big = BigInt(value.raw);
  if (big > INT64_MAX || big < -INT64_MAX - 1n) return { ok: false, got: `number ${value.raw}` };
  // gatewaykit: past 2^53 a JavaScript number loses digits, so such a value is refused like one past int64
  // (docs/fidelity.md) rather than stored rounded.
  if (big > BigInt(Number.MAX_SAFE_INTEGER) || big < -BigInt(Number.MAX_SAFE_INTEGER)) return { ok: false, got: `number ${value.raw}` };
  return { ok: true, value: Number(big) };
}
