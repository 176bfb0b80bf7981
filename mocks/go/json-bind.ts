/**
 * gin's `c.ShouldBindJSON(&req)` / `c.BindJSON(&req)` as the gin dialects' handlers see it: `encoding/json`'s
 * Decoder reads one value (trailing bytes are ignored), then fields are matched case-insensitively and
 * type-checked. Handlers that answer with `err.Error()` show the Go error text verbatim, so it is reproduced here:
 * `EOF`, `unexpected EOF`, `invalid character 'x' looking for beginning of value`,
 * `json: cannot unmarshal string into Go struct field topUpRequest.key of type string`, ...
 *
 * A dialect describes each request struct once as a {@link GoStruct} (its Go type names and the JSON names and
 * types of its fields); the decoded value is typed from that description.
 * @module
 */
import { convert, jsonKind, zeroOf, type GoKind, type GoValue } from './json-convert.js';
import { NumberLiteral, readValue, repeatedMembers, SyntaxFailure } from './json-scan.js';
import { requiredError } from './validator.js';

export type { GoKind } from './json-convert.js';

/** A Go struct: its package-qualified name (for whole-value errors), short name (for field errors), and fields by JSON name. */
export interface GoStruct {
  /** As `%T` prints it, e.g. `controller.topUpRequest`. */
  qualified: string;
  /** The type's own name, e.g. `topUpRequest`. */
  name: string;
  /** JSON name (the `json:"…"` tag, or the Go name when untagged) → Go type, in declaration order. */
  fields: Record<string, GoKind>;
  /** Fields tagged `binding:"required"`, JSON name → Go field name: gin's validator refuses them at their zero value. */
  required?: Readonly<Record<string, string>>;
}

/** A decoded struct: every field at its Go zero value unless the body set it. */
export type Decoded<F extends Record<string, GoKind>> = { [K in keyof F]: GoValue<F[K]> };

/** The outcome of a decode: the value, or Go's error text. */
export type GoResult<T> = { ok: true; value: T } | { ok: false; error: string };

/**
 * Decodes `text` into `struct` the way `ShouldBindJSON` does; `error` is Go's text.
 *
 * @example
 * goDecode('{"key": 1}', TOPUP_REQUEST); // { ok: false, error: 'json: cannot unmarshal number into Go struct field topUpRequest.key of type string' }
 */
export function goDecode<F extends Record<string, GoKind>>(text: string, struct: GoStruct & { fields: F }): GoResult<Decoded<F>> {
  const scanned = scan(text);
  if (!scanned.ok) return scanned;
  const bound = goBind(scanned.value, struct);
  if (!bound.ok) return bound;
  // gin validates after a successful decode, one line per failing field in struct order.
  const values = bound.value as Record<string, unknown>;
  const missing = Object.keys(struct.fields).filter((name) => struct.required?.[name] !== undefined && isZero(values[name]));
  if (missing.length > 0) return { ok: false, error: missing.map((name) => requiredError(struct.name, struct.required![name]!)).join('\n') };
  return bound;
}

/**
 * Decodes `text` into a `map[string]interface{}`, as a handler that reads the body into a map does. Numbers become
 * `float64`s and keep the literal `json.Marshal` would write for them, so the map can be bound again with
 * {@link goBind} exactly as `json.Marshal` then `json.Unmarshal` would.
 *
 * @example
 * goDecodeMap('{"quota": 1e3}'); // { ok: true, value: { quota: NumberLiteral { raw: '1000' } } }
 */
export function goDecodeMap(text: string): GoResult<Record<string, unknown> | null> {
  const scanned = scan(text);
  if (!scanned.ok) return scanned;
  const converted = convert(scanned.value, 'map[string]interface {}');
  if (converted.ok) return { ok: true, value: converted.value as Record<string, unknown> | null };
  return { ok: false, error: `json: cannot unmarshal ${converted.got} into Go value of type ${converted.type ?? 'map[string]interface {}'}` };
}

/**
 * Binds an already scanned value (from {@link goDecodeMap}, or a scanner tree) into `struct`.
 *
 * @example
 * goBind(map, USER); // { ok: true, value: { id: 0, username: 'alice', … } }
 */
export function goBind<F extends Record<string, GoKind>>(value: unknown, struct: GoStruct & { fields: F }): GoResult<Decoded<F>> {
  const out = Object.fromEntries(Object.entries(struct.fields).map(([name, kind]) => [name, zeroOf(kind)])) as Record<string, unknown>;
  if (value === null) return { ok: true, value: out as Decoded<F> };
  if (typeof value !== 'object' || Array.isArray(value) || value instanceof NumberLiteral) {
    return { ok: false, error: `json: cannot unmarshal ${jsonKind(value)} into Go value of type ${struct.qualified}` };
  }
  let firstError: string | undefined;
  const folded = new Map(Object.keys(struct.fields).map((name) => [goFold(name), name]));
  // Every member in body order, a repeated key each time (Go decodes them all and keeps the first type error).
  for (const [key, raw] of repeatedMembers(value) ?? Object.entries(value as Record<string, unknown>)) {
    const name = Object.hasOwn(struct.fields, key) ? key : folded.get(goFold(key));
    if (name === undefined) continue;
    const converted = convert(raw, struct.fields[name]!);
    // Go keeps decoding after a type error and reports the first one.
    // A null member leaves a value field as it is (an earlier member may have set it); pointers, slices, maps and
    // gorm.DeletedAt (zero: null) become nil.
    if (converted.ok) {
      if (raw !== null || zeroOf(struct.fields[name]!) === null) out[name] = converted.value;
    }
    else if (converted.text !== undefined) firstError ??= converted.text;
    else firstError ??= `json: cannot unmarshal ${converted.got} into Go struct field ${struct.name}.${name} of type ${converted.type ?? struct.fields[name]}`;
  }
  return firstError ? { ok: false, error: firstError } : { ok: true, value: out as Decoded<F> };
}

/**
 * A member name folded as encoding/json matches it to an (ASCII) field name: Unicode simple folding, under which
 * the long s (U+017F) is an `s` and the Kelvin sign (U+212A) a `k`. `toLowerCase` already maps the Kelvin sign.
 */
function goFold(name: string): string {
  return name.replace(/\u017f/g, 's').toLowerCase();
}

function scan(text: string): GoResult<unknown> {
  try {
    return { ok: true, value: readValue(text) };
  } catch (error) {
    if (error instanceof SyntaxFailure) return { ok: false, error: error.message };
    throw error;
  }
}

function isZero(value: unknown): boolean {
  return value === null || value === '' || value === 0 || value === false || (Array.isArray(value) && value.length === 0);
}
