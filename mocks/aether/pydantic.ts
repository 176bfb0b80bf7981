/**
 * The slice of pydantic v2 (lax, Python-input mode) that upstream's request models use: `str` with lengths, `float`,
 * `int`, `bool`, `list[str]`, a string enum, `Optional[...]`, `ge`, and validators that raise `ValueError`. Each
 * check gives pydantic's own error `type`, `loc` and English `msg`, so the routes can report them the way upstream
 * does (translated one at a time, or login's untranslated list). Errors come in field order, as pydantic lists them.
 * @module
 */

/** One pydantic error, as `ValidationError.errors()` lists it. */
export interface PydanticError {
  type: string;
  loc: (string | number)[];
  msg: string;
}

/** A field check: the parsed value, or the errors (one per field, but a list reports one per bad item). */
export type Check = (value: unknown, loc: (string | number)[]) => { ok: true; value: unknown } | { ok: false; errors: PydanticError[] };

const fail = (type: string, loc: (string | number)[], msg: string) => ({ ok: false as const, errors: [{ type, loc, msg }] });
const pass = (value: unknown) => ({ ok: true as const, value });

/** Python's `len()`: code points, not UTF-16 units. */
export const pyLen = (text: string): number => [...text].length;

/**
 * `str`, with `min_length`/`max_length` when given.
 *
 * @example
 * str({ min: 2, max: 50 })('a', ['username']); // string_too_short
 */
export function str(bounds: { min?: number; max?: number } = {}): Check {
  return (value, loc) => {
    if (typeof value !== 'string') return fail('string_type', loc, 'Input should be a valid string');
    const length = pyLen(value);
    if (bounds.min !== undefined && length < bounds.min) return fail('string_too_short', loc, `String should have at least ${bounds.min} ${plural(bounds.min)}`);
    if (bounds.max !== undefined && length > bounds.max) return fail('string_too_long', loc, `String should have at most ${bounds.max} ${plural(bounds.max)}`);
    return pass(value);
  };
}

/**
 * `float`: numbers, booleans (`true` is 1.0) and numeric strings (spaces, `_` between digits, `inf` and `nan`
 * allowed, as Python's float parsing takes them); `ge` when given.
 *
 * @example
 * float()('abc', ['quota_usd']); // float_parsing
 */
export function float(bounds: { ge?: number } = {}): Check {
  return (value, loc) => {
    let number: number | undefined;
    if (typeof value === 'number') number = value;
    else if (typeof value === 'boolean') number = value ? 1 : 0;
    else if (typeof value === 'string') {
      number = parsePythonFloat(value);
      if (number === undefined) return fail('float_parsing', loc, 'Input should be a valid number, unable to parse string as a number');
    } else return fail('float_type', loc, 'Input should be a valid number');
    if (bounds.ge !== undefined && !(number >= bounds.ge)) return fail('greater_than_equal', loc, `Input should be greater than or equal to ${bounds.ge}`);
    return pass(number);
  };
}

/**
 * `int`: integers, booleans, floats without a fraction and integer strings (a `.0…` fraction allowed).
 *
 * @example
 * int()(1.5, ['expire_days']); // int_from_float
 */
export function int(): Check {
  return (value, loc) => {
    if (typeof value === 'boolean') return pass(value ? 1 : 0);
    if (typeof value === 'number') {
      if (!Number.isFinite(value)) return fail('finite_number', loc, 'Input should be a finite number');
      if (!Number.isInteger(value)) return fail('int_from_float', loc, 'Input should be a valid integer, got a number with a fractional part');
      return pass(value);
    }
    if (typeof value === 'string') {
      const parsed = parsePythonInt(value);
      return parsed === undefined ? fail('int_parsing', loc, 'Input should be a valid integer, unable to parse string as an integer') : pass(parsed);
    }
    return fail('int_type', loc, 'Input should be a valid integer');
  };
}

/**
 * `bool`: booleans, 0 and 1, and pydantic's words (`true/false`, `yes/no`, `on/off`, `t/f`, `y/n`, `1/0`, any case).
 *
 * @example
 * bool()('maybe', ['is_active']); // bool_parsing
 */
export function bool(): Check {
  return (value, loc) => {
    if (typeof value === 'boolean') return pass(value);
    if (typeof value === 'number') {
      if (value === 1 || value === 0) return pass(value === 1);
      return Number.isInteger(value) ? fail('bool_parsing', loc, 'Input should be a valid boolean, unable to interpret input') : fail('bool_type', loc, 'Input should be a valid boolean');
    }
    if (typeof value === 'string') {
      const parsed = parsePythonBool(value);
      return parsed === undefined ? fail('bool_parsing', loc, 'Input should be a valid boolean, unable to interpret input') : pass(parsed);
    }
    return fail('bool_type', loc, 'Input should be a valid boolean');
  };
}

/**
 * `list[str]`: an array whose every item is a string; each bad item is its own error at `[field, index]`.
 *
 * @example
 * listOfStr()(['a', 1], ['allowed_models']); // string_type at ['allowed_models', 1]
 */
export function listOfStr(): Check {
  const item = str();
  return (value, loc) => {
    if (!Array.isArray(value)) return fail('list_type', loc, 'Input should be a valid list');
    const errors = value.flatMap((entry, index) => {
      const checked = item(entry, [...loc, index]);
      return checked.ok ? [] : checked.errors;
    });
    return errors.length > 0 ? { ok: false, errors } : pass([...value]);
  };
}

/**
 * A string `Enum` matched by value, case-sensitively.
 *
 * @example
 * enumOf(['admin', 'user'])('root', ['role']); // "Input should be 'admin' or 'user'"
 */
export function enumOf(values: readonly string[]): Check {
  const quoted = values.map((value) => `'${value}'`);
  const expected = quoted.length > 1 ? `${quoted.slice(0, -1).join(', ')} or ${quoted.at(-1)}` : quoted.join('');
  return (value, loc) => (typeof value === 'string' && values.includes(value) ? pass(value) : fail('enum', loc, `Input should be ${expected}`));
}

/**
 * `Optional[...]`: `null` passes as `null`, anything else goes to `check`.
 *
 * @example
 * optional(str())(null, ['name']); // ok, null
 */
export function optional(check: Check): Check {
  return (value, loc) => (value === null ? pass(null) : check(value, loc));
}

/**
 * A validator around `check` (`mode="before"` runs `before` on the raw input, the default `after` mode on the
 * parsed value). Either returns the new value or throws {@link ValueError}.
 *
 * @example
 * withValidator(optional(str()), { after: (v) => { if (!ok(v)) throw new ValueError('邮箱格式不正确'); return v; } });
 */
export function withValidator(check: Check, hooks: { before?: (value: unknown) => unknown; after?: (value: unknown) => unknown }): Check {
  return (value, loc) => {
    let input = value;
    try {
      if (hooks.before) input = hooks.before(input);
    } catch (error) {
      return valueError(error, loc);
    }
    const checked = check(input, loc);
    if (!checked.ok || !hooks.after) return checked;
    try {
      return pass(hooks.after(checked.value));
    } catch (error) {
      return valueError(error, loc);
    }
  };
}

/** What a validator raises; pydantic reports it as `Value error, <message>`. */
export class ValueError extends Error {
  override name = 'ValueError';
}

/** One field of a model: its check, and its default when it may be left out. */
export interface FieldSpec {
  check: Check;
  /** Absent: the field is required. */
  default?: unknown;
}

/** A model's outcome: the values (defaults filled in), which fields were sent, or every error in field order. */
export type ModelResult = { ok: true; value: Record<string, unknown>; set: Set<string> } | { ok: false; errors: PydanticError[] };

/**
 * A `BaseModel` with `model_validate`: a dict only, unknown keys ignored, fields checked in declaration order.
 *
 * @example
 * const LoginRequest = model('LoginRequest', { email: { check: str({ min: 3, max: 255 }) }, password: { check: str({ min: 1, max: 128 }) } });
 * LoginRequest({}); // two `missing` errors
 */
export function model(name: string, fields: Record<string, FieldSpec>): (input: unknown) => ModelResult {
  return (input) => {
    if (typeof input !== 'object' || input === null || Array.isArray(input)) {
      return { ok: false, errors: [{ type: 'model_type', loc: [], msg: `Input should be a valid dictionary or instance of ${name}` }] };
    }
    const body = input as Record<string, unknown>;
    const value: Record<string, unknown> = {};
    const set = new Set<string>();
    const errors: PydanticError[] = [];
    for (const [field, spec] of Object.entries(fields)) {
      if (!Object.hasOwn(body, field)) {
        if ('default' in spec) value[field] = spec.default;
        else errors.push({ type: 'missing', loc: [field], msg: 'Field required' });
        continue;
      }
      set.add(field);
      const checked = spec.check(body[field], [field]);
      if (checked.ok) value[field] = checked.value;
      else errors.push(...checked.errors);
    }
    return errors.length > 0 ? { ok: false, errors } : { ok: true, value, set };
  };
}

function valueError(error: unknown, loc: (string | number)[]) {
  if (!(error instanceof ValueError)) throw error;
  return fail('value_error', loc, `Value error, ${error.message}`);
}

function plural(n: number): string {
  return n === 1 ? 'character' : 'characters';
}

// Python's float(): optional sign, digits with single `_` between them, a fraction, an exponent; or inf/nan words.
const FLOAT = /^[+-]?(?:(?:\d(?:_?\d)*)(?:\.(?:\d(?:_?\d)*)?)?|\.\d(?:_?\d)*)(?:[eE][+-]?\d(?:_?\d)*)?$/;
const SPECIAL = /^[+-]?(?:inf|infinity|nan)$/i;

function parsePythonFloat(text: string): number | undefined {
  const trimmed = text.trim();
  if (SPECIAL.test(trimmed)) return /nan/i.test(trimmed) ? Number.NaN : trimmed.startsWith('-') ? -Infinity : Infinity;
  if (!FLOAT.test(trimmed)) return undefined;
  return Number(trimmed.replace(/_/g, ''));
}

const INT = /^[+-]?\d(?:_?\d)*(?:\.0*)?$/;

function parsePythonInt(text: string): number | undefined {
  const trimmed = text.trim();
  if (!INT.test(trimmed)) return undefined;
  return Number(trimmed.replace(/_/g, '').replace(/\.0*$/, ''));
}

const TRUE_WORDS = new Set(['1', 'on', 't', 'true', 'y', 'yes']);
const FALSE_WORDS = new Set(['0', 'off', 'f', 'false', 'n', 'no']);

/**
 * pydantic's reading of a boolean string (also FastAPI's for a `bool` query parameter); `undefined` when it is
 * none of the words.
 *
 * @example
 * parsePythonBool('Yes'); // true
 */
export function parsePythonBool(text: string): boolean | undefined {
  const lower = text.toLowerCase();
  if (TRUE_WORDS.has(lower)) return true;
  if (FALSE_WORDS.has(lower)) return false;
  return undefined;
}

/**
 * pydantic's reading of an integer string (FastAPI's `int` query parameters too); `undefined` when it is not one.
 *
 * @example
 * parseIntQuery(' 5 '); // 5
 */
export function parseIntQuery(text: string): number | undefined {
  return parsePythonInt(text);
}
