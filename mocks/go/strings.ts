/**
 * Go's `strings.TrimSpace` and `strings.ToLower`, which differ from JavaScript's `trim` and `toLowerCase` at the
 * edges: Go trims U+0085 but not U+FEFF, and lower-cases one code point at a time by the simple mapping
 * (`İ` → `i`, `Σ` → `σ` everywhere), where JavaScript uses the full, context-sensitive one.
 * @module
 */

// unicode.IsSpace: the Latin-1 spaces plus the White_Space property.
const SPACE = '\\t\\n\\v\\f\\r \\u0085\\u00a0\\u1680\\u2000-\\u200a\\u2028\\u2029\\u202f\\u205f\\u3000';
const EDGES = new RegExp(`^[${SPACE}]+|[${SPACE}]+$`, 'g');

/**
 * `strings.TrimSpace`.
 *
 * @example
 * trimSpace('\u0085 key \ufeff'); // 'key \ufeff'
 */
export function trimSpace(text: string): string {
  return text.replace(EDGES, '');
}

/**
 * `strings.ToLower`: `unicode.ToLower` on each code point.
 *
 * @example
 * toLower('AZURE.İSTANBUL'); // 'azure.istanbul'
 */
export function toLower(text: string): string {
  let out = '';
  for (const c of text) {
    const lower = c.toLowerCase();
    // Only U+0130 lower-cases to two code points in JavaScript (i + U+0307); Go's simple mapping gives `i`.
    out += [...lower].length === 1 ? lower : c === '\u0130' ? 'i' : c;
  }
  return out;
}
