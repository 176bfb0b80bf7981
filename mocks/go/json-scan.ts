/**
 * encoding/json's scanner as `json.Decoder.Decode` meets it: reads the first JSON value of a text and reports a
 * syntax error with Go's exact wording (`invalid character 'x' after object key`, `unexpected EOF`, `EOF`).
 * Numbers are kept as written, because Go converts the literal text, not a float.
 * @module
 */

/** A JSON number kept as written. */
export class NumberLiteral {
  constructor(readonly raw: string) {}
}

/** A syntax error; its message is Go's. */
export class SyntaxFailure extends Error {}

const WHITESPACE = new Set([' ', '\t', '\r', '\n']);
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;
/** encoding/json's `maxNestingDepth`. */
const MAX_DEPTH = 10_000;

/** The objects whose body repeats a key, with every member in body order (see {@link repeatedMembers}). */
const REPEATED = new WeakMap<object, ReadonlyArray<readonly [string, unknown]>>();

/**
 * The members of a scanned object in body order, repeats included, when some key appears twice (`undefined` when
 * none does: the object's own entries are its members). The object keeps only each key's last value, but Go
 * decodes every member, so a bad earlier value still fails the bind.
 *
 * @example
 * repeatedMembers(readValue('{"a":1,"a":"x"}') as object); // [['a', NumberLiteral { raw: '1' }], ['a', 'x']]
 */
export function repeatedMembers(object: object): ReadonlyArray<readonly [string, unknown]> | undefined {
  return REPEATED.get(object);
}

/**
 * The first JSON value of `text`, as `json.Decoder.Decode` reads it (what follows is ignored); numbers stay
 * {@link NumberLiteral}s. Throws a {@link SyntaxFailure}.
 *
 * @example
 * readValue('{"a": 1} trailing'); // { a: NumberLiteral { raw: '1' } }
 */
export function readValue(text: string): unknown {
  let i = 0;
  const eof = () => i >= text.length;
  const skip = () => {
    while (!eof() && WHITESPACE.has(text[i]!)) i++;
  };
  const invalid = (context: string) => new SyntaxFailure(`invalid character ${quoteChar(String.fromCodePoint(text.codePointAt(i)!))} ${context}`);
  const need = () => {
    if (eof()) throw new SyntaxFailure('unexpected EOF');
  };
  const isDigit = () => !eof() && text[i]! >= '0' && text[i]! <= '9';

  const literal = (word: string, value: unknown): unknown => {
    for (let k = 1; k < word.length; k++) {
      i++;
      need();
      if (text[i] !== word[k]) throw invalid(`in literal ${word} (expecting ${quoteChar(word[k]!)})`);
    }
    i++;
    return value;
  };
  const number = (): NumberLiteral => {
    const start = i;
    if (text[i] === '-') {
      i++;
      need();
      if (!isDigit()) throw invalid('in numeric literal');
    }
    if (text[i] === '0') i++;
    else while (isDigit()) i++;
    if (!eof() && text[i] === '.') {
      i++;
      need();
      if (!isDigit()) throw invalid('after decimal point in numeric literal');
      while (isDigit()) i++;
    }
    if (!eof() && (text[i] === 'e' || text[i] === 'E')) {
      i++;
      need();
      if (text[i] === '+' || text[i] === '-') {
        i++;
        need();
      }
      if (!isDigit()) throw invalid('in exponent of numeric literal');
      while (isDigit()) i++;
    }
    return new NumberLiteral(text.slice(start, i));
  };
  const string = (): string => {
    const start = i;
    i++;
    for (;;) {
      need();
      const c = text[i]!;
      if (c === '"') break;
      if (c === '\\') {
        i++;
        need();
        if (text[i] === 'u') {
          for (let k = 0; k < 4; k++) {
            i++;
            need();
            if (!/[0-9a-fA-F]/.test(text[i]!)) throw invalid('in \\u hexadecimal character escape');
          }
        } else if (!'"\\/bfnrt'.includes(text[i]!)) {
          throw invalid('in string escape code');
        }
      } else if (c.charCodeAt(0) < 0x20) {
        throw invalid('in string literal');
      }
      i++;
    }
    i++;
    // Go decodes a `\\u` surrogate escape without its partner as U+FFFD; JSON.parse would keep it lone.
    return (JSON.parse(text.slice(start, i)) as string).replace(LONE_SURROGATE, '\ufffd');
  };
  /** After `{` or `,` inside an object: a key and its colon. */
  const key = (): string => {
    if (text[i] !== '"') throw invalid('looking for beginning of object key string');
    const name = string();
    skip();
    need();
    if (text[i] !== ':') throw invalid('after object key');
    i++;
    return name;
  };

  // Iterative, with Go's depth limit, so a deeply nested body can neither overflow the stack nor pass.
  // `members` starts at an object's first repeated key; until then its entries are its members.
  type Frame = { object: Record<string, unknown>; key: string; members?: (readonly [string, unknown])[] } | { array: unknown[] };
  const stack: Frame[] = [];
  const open = (frame: Frame) => {
    if (stack.length >= MAX_DEPTH) throw invalid('exceeded max depth');
    i++;
    stack.push(frame);
    skip();
    need();
  };
  skip();
  if (eof()) throw new SyntaxFailure('EOF');
  for (;;) {
    // A value starts here.
    skip();
    need();
    const c = text[i]!;
    let value: unknown;
    if (c === '{') {
      const frame = { object: Object.create(null) as Record<string, unknown>, key: '' };
      open(frame);
      if (text[i] !== '}') {
        frame.key = key();
        continue;
      }
      i++;
      stack.pop();
      value = frame.object;
    } else if (c === '[') {
      const frame = { array: [] as unknown[] };
      open(frame);
      if (text[i] !== ']') continue;
      i++;
      stack.pop();
      value = frame.array;
    } else if (c === '"') value = string();
    else if (c === '-' || (c >= '0' && c <= '9')) value = number();
    else if (c === 't') value = literal('true', true);
    else if (c === 'f') value = literal('false', false);
    else if (c === 'n') value = literal('null', null);
    else throw invalid('looking for beginning of value');

    // A value ended: hand it to its container, closing containers as far as they end.
    for (;;) {
      const frame = stack.at(-1);
      if (!frame) return value;
      skip();
      need();
      if ('object' in frame) {
        if (frame.members) frame.members.push([frame.key, value]);
        else if (Object.hasOwn(frame.object, frame.key)) frame.members = [...Object.entries(frame.object), [frame.key, value]];
        frame.object[frame.key] = value;
        if (text[i] === ',') {
          i++;
          skip();
          need();
          frame.key = key();
          break;
        }
        if (text[i] !== '}') throw invalid('after object key:value pair');
        if (frame.members) REPEATED.set(frame.object, frame.members);
        value = frame.object;
      } else {
        frame.array.push(value);
        if (text[i] === ',') {
          i++;
          break;
        }
        if (text[i] !== ']') throw invalid('after array element');
        value = frame.array;
      }
      i++;
      stack.pop();
    }
  }
}

/** encoding/json's `quoteChar`: `'x'`, `'\''`, `'"'`, or a Go-quoted escape such as `'\x01'`. */
function quoteChar(c: string): string {
  if (c === "'") return `'\\''`;
  if (c === '"') return `'"'`;
  const code = c.codePointAt(0)!;
  if (code >= 0x20 && code < 0x7f) return `'${c === '\\' ? '\\\\' : c}'`;
  if (code < 0x20 || code === 0x7f) {
    const named: Record<number, string> = { 7: '\\a', 8: '\\b', 9: '\\t', 10: '\\n', 11: '\\v', 12: '\\f', 13: '\\r' };
    return `'${named[code] ?? `\\x${code.toString(16).padStart(2, '0')}`}'`;
  }
  // The scanner sees bytes: a multi-byte character is reported by its first byte, which Go quotes as the rune of
  // that number (`strconv.Quote(string(c))`): é's 0xC3 is 'Ã'; the unprintable ones (C1 controls, U+00A0, U+00AD)
  // as `\u00xx`.
  const first = new TextEncoder().encode(c)[0]!;
  return first < 0xa1 || first === 0xad ? `'\\u00${first.toString(16)}'` : `'${String.fromCharCode(first)}'`;
}
