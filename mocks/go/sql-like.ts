/**
 * SQL `LIKE` as SQLite evaluates it (upstream new-api's default database), without a RegExp: a RegExp built from
 * a pattern such as `%_%_%_%!` backtracks polynomially in the subject's length, and one search then blocks every
 * other request of the server.
 *
 * SQLite's rules, from `patternCompare` in its func.c: `%` matches any run of characters, `_` exactly one character
 * (a code point: SQLite counts UTF-8 characters, so an emoji is one, not two UTF-16 units), case is folded for
 * ASCII letters only (`A` = `a`, but `É` ≠ `é`), and with an ESCAPE character the character after it is literal;
 * an ESCAPE at the end of the pattern matches nothing.
 *
 * The match (./like-segments.ts) finds the pattern's `%`-free runs in order, each at its leftmost place, reading
 * every code point of the subject at most twice: {@link likeStepBound} is `2n + m + 1` steps for a subject of `n`
 * code points and a pattern of `m` tokens, whatever the pattern.
 * @module
 */
import { ANY, compileSegments, ONE } from './like-segments.js';
import { sqliteFold as fold } from './sql-lower.js';

/** A counter a caller may pass to see how many loop steps matches took; tests use it to prove the bound. */
export interface LikeMeter {
  steps: number;
}

/** What the pattern's SQL said besides the pattern itself. */
export interface LikeOptions {
  /** The `ESCAPE` character, one code point. @default undefined (no escape, as a plain `LIKE ?`) */
  escape?: string;
}

/** A compiled pattern: `test(subject)` answers `subject LIKE pattern`. */
export interface LikeMatcher {
  test(subject: string, meter?: LikeMeter): boolean;
  /** Tokens after compiling (`%` runs count once, an escape pair counts once). */
  readonly tokens: number;
  /** The longest run of tokens without a `%`. */
  readonly longestRun: number;
}


/**
 * Compiles a `LIKE` pattern once, for many subjects.
 *
 * @example
 * sqlLike('%a_c%').test('xABCx');                 // true
 * sqlLike('100!%', { escape: '!' }).test('100%'); // true
 * sqlLike('%É%').test('é');                       // false: only ASCII is folded
 */
export function sqlLike(pattern: string, options: LikeOptions = {}): LikeMatcher {
  const escape = options.escape === undefined ? undefined : onlyCodePoint(options.escape);
  const tokens = compile(pattern, escape);
  if (!tokens) return { test: () => false, tokens: 0, longestRun: 0 };
  let fixed = 0;
  let run = 0;
  let longestRun = 0;
  for (const token of tokens) {
    run = token === ANY ? 0 : run + 1;
    if (token !== ANY) fixed++;
    longestRun = Math.max(longestRun, run);
  }
  const required = requiredRun(tokens);
  const match = compileSegments(tokens);
  return {
    // A subject with fewer UTF-16 units than the pattern's non-`%` tokens has fewer code points than it needs; one
    // without the pattern's longest literal run cannot match either, and a native search says so at once.
    test: (subject, meter) => subject.length >= fixed && (required === undefined || required(subject)) && match(subject, meter),
    tokens: tokens.length,
    longestRun,
  };
}

/**
 * The most steps (code points read) {@link sqlLike}'s match may take on a subject of `codePoints` code points: the
 * anchored first and last runs and the scans between read each code point once, the end is found by reading back
 * over the last run, hence `2n`, plus the pattern's tokens and one.
 *
 * @example
 * const like = sqlLike('%_%!'); likeStepBound(like, 100); // 2·100 + 4 + 1
 */
export function likeStepBound(matcher: Pick<LikeMatcher, 'tokens'>, codePoints: number): number {
  return 2 * codePoints + matcher.tokens + 1;
}

/**
 * The longest run of literal tokens (no `%`, no `_`) as a test that finds it, ASCII letters in either case, where a
 * match could hold it: every match holds that run after at least as many UTF-16 units as the pattern has non-`%`
 * tokens before it, and before as many as it has after. A subject without it there is refused without the match.
 * The RegExp has no quantifier, so it cannot backtrack: at most `run length` steps per start position, natively.
 */
function requiredRun(tokens: Int32Array): ((subject: string) => boolean) | undefined {
  let best: [start: number, end: number] = [0, 0];
  for (let start = 0; start < tokens.length; ) {
    let end = start;
    while (end < tokens.length && tokens[end]! >= 0) end++;
    if (end - start > best[1] - best[0]) best = [start, end];
    start = end + 1;
  }
  if (best[1] === best[0]) return undefined;
  let source = '';
  for (const code of tokens.subarray(best[0], best[1])) {
    // Tokens are folded: a lower-case ASCII letter stands for both cases, everything else for itself alone.
    source += code >= 0x61 && code <= 0x7a ? `[${String.fromCharCode(code)}${String.fromCharCode(code - 0x20)}]` : `\\u{${code.toString(16)}}`;
  }
  const fixedIn = (from: number, to: number) => tokens.subarray(from, to).filter((token) => token !== ANY).length;
  const before = fixedIn(0, best[0]);
  const after = fixedIn(best[1], tokens.length);
  // Nothing fixed on either side (`%ada%`, the searches' keyword): anywhere will do, and a plain test is cheapest.
  if (before === 0 && after === 0) {
    const anywhere = new RegExp(source, 'u');
    return (subject) => anywhere.test(subject);
  }
  const run = new RegExp(source, 'gu');
  return (subject) => {
    run.lastIndex = before;
    // The leftmost place from `before` on: a later one would end later still. `test`, not `exec`: no match object
    // per row; a global RegExp leaves where the match ended in `lastIndex`.
    return run.test(subject) && run.lastIndex <= subject.length - after;
  };
}

/** Pattern tokens: a folded code point, {@link ANY} or {@link ONE}; `undefined` when the pattern ends in its escape. */
function compile(pattern: string, escape: number | undefined): Int32Array | undefined {
  const tokens: number[] = [];
  let escaped = false;
  for (const char of pattern) {
    const code = char.codePointAt(0)!;
    if (escaped) {
      tokens.push(fold(code));
      escaped = false;
    } else if (code === escape) escaped = true;
    else if (char === '%') {
      // `%%` matches what `%` matches; one token keeps the walk's restart point unique.
      if (tokens.at(-1) !== ANY) tokens.push(ANY);
    } else tokens.push(char === '_' ? ONE : fold(code));
  }
  return escaped ? undefined : Int32Array.from(tokens);
}

function onlyCodePoint(text: string): number {
  const [first, ...rest] = text;
  if (first === undefined || rest.length > 0) throw new TypeError(`Failed to compile LIKE: the ESCAPE ${JSON.stringify(text)} is not one character. Please pass one character.`);
  return first.codePointAt(0)!;
}
