/**
 * Python's `json.loads` where it differs from `JSON.parse`: it also takes the bare literals `NaN`, `Infinity` and
 * `-Infinity` (outside strings), which upstream's models then see as floats. Everything else is `JSON.parse`.
 * @module
 */

const LITERALS: Record<string, number> = { NaN: Number.NaN, Infinity: Infinity, '-Infinity': -Infinity };

/**
 * `json.loads(text)`; throws a `SyntaxError` where Python raises `JSONDecodeError`.
 *
 * @example
 * parsePythonJson('{"quota_usd": NaN}'); // { quota_usd: NaN }
 */
export function parsePythonJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch (error) {
    if (!/NaN|Infinity/.test(text)) throw error;
  }
  // Stand each literal in for a string no input can contain (a fresh marker per parse), then swap it back.
  const marker = `\u0000py-literal-${Math.random().toString(36).slice(2)}:`;
  let out = '';
  for (let i = 0; i < text.length; ) {
    const char = text[i]!;
    if (char === '"') {
      const end = stringEnd(text, i);
      out += text.slice(i, end);
      i = end;
      continue;
    }
    const literal = ['-Infinity', 'Infinity', 'NaN'].find((candidate) => text.startsWith(candidate, i));
    if (literal) {
      out += JSON.stringify(marker + literal);
      i += literal.length;
      continue;
    }
    out += char;
    i += 1;
  }
  return JSON.parse(out, (_key, value: unknown) => (typeof value === 'string' && value.startsWith(marker) ? LITERALS[value.slice(marker.length)] : value));
}

// The index just past the JSON string starting at `start` (or the text's end, and JSON.parse refuses it then).
function stringEnd(text: string, start: number): number {
  for (let i = start + 1; i < text.length; i++) {
    if (text[i] === '\\') i += 1;
    else if (text[i] === '"') return i + 1;
  }
  return text.length;
}
