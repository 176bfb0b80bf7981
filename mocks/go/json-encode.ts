/**
 * `json.Marshal` as gin's `c.JSON` and stored JSON strings use it: struct fields in declaration order (`omitempty`
 * where the tag has it), map keys sorted, `<`, `>`, `&`, U+2028 and U+2029 escaped as `\u003c`…, invalid UTF-16
 * written as U+FFFD, and float64s in Go's `'g'`-like format (shortest digits; exponent form below 1e-6 and from
 * 1e21 on; `-0` kept). `\b` and `\f` are written short as Go 1.22 and later write them; a server built with an
 * older Go asks for `\u0008` and `\u000c` ({@link GoMarshalOptions}).
 * @module
 */

/** How the Go that built the server writes JSON. */
export interface GoMarshalOptions {
  /**
   * Whether `\b` and `\f` take JSON's short escapes, as encoding/json writes them from Go 1.22 on; before, they were
   * `\u0008` and `\u000c` like the other control characters. @default true
   */
  shortControlEscapes?: boolean;
}

/** A field of a {@link GoStructJson}: its JSON name, value, and whether the tag says `omitempty`. */
export interface GoField {
  name: string;
  value: unknown;
  omitempty?: boolean;
}

/** A Go struct to marshal: fields in declaration order. Build with {@link goStruct}. */
export class GoStructJson {
  constructor(readonly fields: readonly GoField[]) {}
}

/** A Go map to marshal: keys come out sorted by their UTF-8 bytes. Build with {@link goMap}. */
export class GoMapJson {
  constructor(readonly entries: Readonly<Record<string, unknown>>) {}
}

/**
 * A struct value for {@link goMarshal}.
 *
 * @example
 * goStruct([{ name: 'id', value: 1 }, { name: 'name', value: '', omitempty: true }]); // marshals as {"id":1}
 */
export function goStruct(fields: readonly GoField[]): GoStructJson {
  return new GoStructJson(fields);
}

/**
 * A map value for {@link goMarshal}.
 *
 * @example
 * goMarshal(goMap({ b: 1, a: 2 })); // '{"a":2,"b":1}'
 */
export function goMap(entries: Readonly<Record<string, unknown>>): GoMapJson {
  return new GoMapJson(entries);
}

/**
 * The bytes `json.Marshal(value)` writes. Plain objects are written in their own key order (a struct already in
 * order); {@link goMap} sorts, {@link goStruct} applies `omitempty`. `NaN` and infinities throw Go's error.
 *
 * @example
 * goMarshal({ note: '<b>&' });  // '{"note":"\u003cb\u003e\u0026"}'
 * goMarshal([1e21, 1e-7, -0]); // '[1e+21,1e-7,-0]'
 */
export function goMarshal(value: unknown, options: GoMarshalOptions = {}): string {
  const short = options.shortControlEscapes !== false;
  const marshal = (item: unknown): string => goMarshal(item, options);
  if (value === null || value === undefined) return 'null';
  if (typeof value === 'string') return goString(value, short);
  if (typeof value === 'number') return goFloat(value);
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  if (Array.isArray(value)) return `[${value.map(marshal).join(',')}]`;
  if (value instanceof GoStructJson) {
    const kept = value.fields.filter((field) => !(field.omitempty && isEmpty(field.value)));
    return `{${kept.map((field) => `${goString(field.name, short)}:${marshal(field.value)}`).join(',')}}`;
  }
  const entries = value instanceof GoMapJson ? Object.entries(value.entries).sort(([a], [b]) => byCodePoint(a, b)) : Object.entries(value as object);
  return `{${entries.map(([key, item]) => `${goString(key, short)}:${marshal(item)}`).join(',')}}`;
}

/**
 * A float64 as encoding/json writes it: JavaScript's shortest round-trip digits agree with Go's `'f'`/`'e'` choice
 * at 1e-6 and 1e21 and its exponent spelling (`1e-7`, `1e+21`); only `-0` differs, and Go keeps its sign.
 *
 * @example
 * goFloat(0.000001); // '0.000001'
 */
export function goFloat(value: number): string {
  if (!Number.isFinite(value)) throw new TypeError(`json: unsupported value: ${Number.isNaN(value) ? 'NaN' : value > 0 ? '+Inf' : '-Inf'}`);
  return Object.is(value, -0) ? '-0' : String(value);
}

/**
 * Go's string encoding: JSON's escapes (`\n`, `\r`, `\t`, `\u00xx`; `\b` and `\f` when `short`, else `\u0008` and
 * `\u000c`) plus the HTML-safe ones.
 */
function goString(text: string, short: boolean): string {
  // A lone surrogate stands for bytes Go would find invalid: one replacement character each.
  const json = JSON.stringify(text.replace(/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g, '\ufffd')).replace(
    /[<>&\u2028\u2029]/g,
    (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`,
  );
  if (short || !/[\b\f]/.test(text)) return json;
  // Escapes are read pairwise, so the `b` after an escaped backslash stays a `b`.
  return json.replace(/\\./g, (escape) => (escape === '\\b' ? '\\u0008' : escape === '\\f' ? '\\u000c' : escape));
}

function isEmpty(value: unknown): boolean {
  if (value === null || value === undefined || value === false || value === 0 || value === '') return true;
  if (Array.isArray(value)) return value.length === 0;
  if (value instanceof GoMapJson) return Object.keys(value.entries).length === 0;
  // A struct (time.Time included) is never empty.
  return false;
}

function byCodePoint(a: string, b: string): number {
  // UTF-8 byte order is code point order, which differs from UTF-16 order past U+D7FF.
  const x = [...a].map((c) => c.codePointAt(0)!);
  const y = [...b].map((c) => c.codePointAt(0)!);
  for (let i = 0; i < Math.min(x.length, y.length); i++) if (x[i] !== y[i]) return x[i]! - y[i]!;
  return x.length - y.length;
}
