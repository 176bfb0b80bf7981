/**
 * The match behind `sqlLike` (./sql-like.ts): the pattern's `%`-free runs ("segments", of literal code points and
 * `_`) matched in order, each at its leftmost place. A segment has a fixed length in code points and `%` absorbs
 * anything, so the leftmost place of each is never a wrong choice and nothing is tried twice: the first segment is
 * compared at the start, the last at the end, and each one between is found from where the one before ended: a run
 * of up to 32 tokens by V8's native search of a RegExp without quantifiers (at most 32 comparisons a place, no
 * backtracking), a longer one by a bit-parallel scan (Shift-And) reading every code point once (`⌈k/32⌉` word
 * operations each). Each code point is in at most two of these windows, so a subject of `n` code points costs at
 * most `2n` steps whatever the pattern; the walk this replaced re-read a run at every place a `%` restarted,
 * `k·n` steps, and `%________________________a%` over 100,000 users took 134 ms.
 * @module
 */
import { sqliteFold as fold } from './sql-lower.js';

/** Pattern tokens (./sql-like.ts): a folded code point, or one of these. */
export const ANY = -1;
export const ONE = -2;

interface Segment {
  tokens: Int32Array;
  /** Words of the Shift-And state. */
  words: number;
  /** Per folded code point, the positions it may fill (its own and every `_`); any other code point: `wild`. */
  masks: Map<number, Uint32Array>;
  wild: Uint32Array;
  /** Whether every token is `_`. */
  onlyOne: boolean;
  /**
   * For a run of at most 32 tokens, the run as a RegExp without quantifiers (`_` is `[^]`, a letter `[aA]`):
   * V8's native search of it costs at most the run's length per place, where the scan in JavaScript costs 20 ns a
   * code point (`%_a_a_a%` over 100,000 users took 544 ms).
   */
  native: RegExp | undefined;
}

/** A compiled match: `test` answers whether `subject` matches, adding the code points it read to `meter`. */
export type SegmentMatch = (subject: string, meter: { steps: number } | undefined) => boolean;

/**
 * Compiles `tokens` (no two `%` in a row) into a match.
 *
 * @example
 * const match = compileSegments(Int32Array.from([ANY, 0x61, ONE, ANY]));
 * match('xaYz', undefined); // true
 */
export function compileSegments(tokens: Int32Array): SegmentMatch {
  const runs: Int32Array[] = [];
  for (let start = 0; start <= tokens.length; ) {
    let end = start;
    while (end < tokens.length && tokens[end] !== ANY) end++;
    runs.push(tokens.subarray(start, end));
    start = end + 1;
  }
  // `a%b%c` gives [a, b, c]; `%b%` gives ['', b, '']: the first and last are anchored, empty ones anchor nothing.
  const first = runs[0]!;
  if (runs.length === 1) return (subject, meter) => compareAt(first, subject, 0, meter) === subject.length;
  const last = runs.at(-1)!;
  const middle = runs.slice(1, -1).filter((run) => run.length > 0).map(segment);
  return (subject, meter) => {
    let at = compareAt(first, subject, 0, meter);
    if (at < 0) return false;
    const limit = startOfLast(subject, last.length, meter);
    if (limit < at || compareAt(last, subject, limit, meter) !== subject.length) return false;
    // Without surrogates a code point is a unit, so a run of `_` alone ends its length further on, unread.
    const plain = !SURROGATE.test(subject);
    for (const run of middle) {
      at = plain && run.onlyOne ? (at + run.tokens.length <= limit ? at + run.tokens.length : -1) : find(run, subject, at, limit, meter);
      if (at < 0) return false;
    }
    return true;
  };
}

/** Where `run` ends when it matches `subject` from `at` (UTF-16 index), or -1. */
function compareAt(run: Int32Array, subject: string, at: number, meter: { steps: number } | undefined): number {
  let s = at;
  for (let i = 0; i < run.length; i++) {
    if (s >= subject.length) return -1;
    const code = subject.codePointAt(s)!;
    if (meter) meter.steps++;
    if (run[i] !== ONE && run[i] !== fold(code)) return -1;
    s += code > 0xffff ? 2 : 1;
  }
  return s;
}

/** Where the last `count` code points of `subject` begin, or -1 when it has fewer. */
function startOfLast(subject: string, count: number, meter: { steps: number } | undefined): number {
  let s = subject.length;
  for (let i = 0; i < count; i++) {
    if (s === 0) return -1;
    if (meter) meter.steps++;
    // A low surrogate after a high one is one code point with it, as reading forward pairs them.
    const pair = s >= 2 && isLow(subject.charCodeAt(s - 1)) && isHigh(subject.charCodeAt(s - 2));
    s -= pair ? 2 : 1;
  }
  return s;
}

function codePointsIn(subject: string, from: number, to: number): number {
  let count = 0;
  for (let s = from; s < to; s += subject.codePointAt(s)! > 0xffff ? 2 : 1) count++;
  return count;
}

const SURROGATE = /[\ud800-\udfff]/;
const isHigh = (unit: number) => unit >= 0xd800 && unit <= 0xdbff;
const isLow = (unit: number) => unit >= 0xdc00 && unit <= 0xdfff;

function segment(tokens: Int32Array): Segment {
  const words = Math.ceil(tokens.length / 32);
  const wild = new Uint32Array(words);
  tokens.forEach((token, i) => {
    if (token === ONE) wild[i >> 5]! |= 1 << (i & 31);
  });
  const masks = new Map<number, Uint32Array>();
  tokens.forEach((token, i) => {
    if (token === ONE) return;
    let mask = masks.get(token);
    if (!mask) masks.set(token, (mask = Uint32Array.from(wild)));
    mask[i >> 5]! |= 1 << (i & 31);
  });
  return { tokens, words, masks, wild, onlyOne: tokens.every((token) => token === ONE), native: words === 1 ? nativeRun(tokens) : undefined };
}

function nativeRun(tokens: Int32Array): RegExp {
  let source = '';
  for (const token of tokens) {
    const letter = token >= 0x61 && token <= 0x7a;
    source += token === ONE ? '[^]' : letter ? `[${String.fromCharCode(token)}${String.fromCharCode(token - 0x20)}]` : `\\u{${token.toString(16)}}`;
  }
  return new RegExp(source, 'gu');
}

/** The end (UTF-16 index) of `run`'s leftmost occurrence within `subject[from, limit)`, or -1. */
function find(run: Segment, subject: string, from: number, limit: number, meter: { steps: number } | undefined): number {
  if (run.native) {
    run.native.lastIndex = from;
    // The leftmost start is the leftmost end: every match holds the same number of code points.
    const end = run.native.test(subject) ? run.native.lastIndex : -1;
    // Counted as the code points of the window it may have read, so the step bound speaks for this search too.
    if (meter) meter.steps += codePointsIn(subject, from, Math.min(end < 0 ? limit : end, limit));
    return end >= 0 && end <= limit ? end : -1;
  }
  const state = new Uint32Array(run.words);
  const top = run.tokens.length - 1;
  const topWord = top >> 5;
  const topBit = 1 << (top & 31);
  for (let s = from; s < limit; ) {
    const code = subject.codePointAt(s)!;
    if (meter) meter.steps++;
    s += code > 0xffff ? 2 : 1;
    const mask = run.masks.get(fold(code)) ?? run.wild;
    // Shift-And: bit i is set when the segment's first i + 1 tokens end at this code point.
    let carry = 1;
    for (let w = 0; w < run.words; w++) {
      const word = state[w]!;
      state[w] = (((word << 1) | carry) & mask[w]!) >>> 0;
      carry = word >>> 31;
    }
    if (state[topWord]! & topBit) return s;
  }
  return -1;
}

