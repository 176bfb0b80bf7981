import fc from 'fast-check';
import { expect, test } from 'vitest';
import { likeStepBound, sqlLike, type LikeMeter } from '../../mocks/go/sql-like.js';

test.each([
  ['%', '', true],
  ['', '', true],
  ['', 'a', false],
  ['abc', 'ABC', true],
  ['ABC', 'abc', true],
  ['a_c', 'aXc', true],
  ['a_c', 'ac', false],
  ['a%c', 'ac', true],
  ['a%c', 'abbbc', true],
  ['a%c', 'abbbcd', false],
  ['%%%a%%%', 'xxaxx', true],
  ['%a%b%', 'ba', false],
  ['%É%', 'xéx', false],
  ['%É%', 'xÉx', true],
  ['ß', 'SS', false],
  ['K', '\u212a', false], // Kelvin sign: a JavaScript /i RegExp folds it to k, SQLite does not
  ['_', '😀', true],
  ['__', '😀', false],
  ['a_b', 'a😀b', true],
  ['%😀%', 'x😀y', true],
  ['_', '\ud800', true], // a lone surrogate is one code point
  ['a.c', 'abc', false],
  ['(a|b)*', '(A|B)*', true],
  ['a\\%', 'a\\xyz', true], // without ESCAPE a backslash is an ordinary character
  ['%_%_%_%_%_%_%_%_%_%_%!', 'abcdefghij!', true],
  ['%_%_%_%_%_%_%_%_%_%_%!', 'abcdefghi!', false],
  ['%_%_%_%_%_%_%_%_%_%_%!', 'a'.repeat(5000), false],
  ['line%', 'line\nbreak', true],
])('sqlLike(%j) on %j is %s', (pattern, subject, expected) => {
  expect(sqlLike(pattern).test(subject)).toBe(expected);
});

test.each([
  ['100!%', '100%', true],
  ['100!%', '1000', false],
  ['a!_b', 'a_b', true],
  ['a!_b', 'aXb', false],
  ['!!', '!', true],
  ['%!!%', 'x!x', true],
  ['A!B', 'ab', true], // an escaped letter is still folded
  ['ab!', 'ab', false], // a trailing escape matches nothing
  ['ab!', 'ab!', false],
  ['%!', 'x', false],
])('sqlLike(%j, ESCAPE "!") on %j is %s', (pattern, subject, expected) => {
  expect(sqlLike(pattern, { escape: '!' }).test(subject)).toBe(expected);
});

test('sqlLike: an ESCAPE that is not one character is a TypeError', () => {
  expect(() => sqlLike('a', { escape: '!!' })).toThrow(TypeError);
  expect(() => sqlLike('a', { escape: '' })).toThrow(TypeError);
  expect(sqlLike('a😀%', { escape: '😀' }).test('a%')).toBe(true);
});

/** The specification as a memoized DP over (pattern position, subject position), in code points. */
function reference(pattern: string, subject: string, escape?: string): boolean {
  const tokens: Array<{ any: true } | { one: true } | { char: string }> = [];
  const chars = [...pattern];
  for (let i = 0; i < chars.length; i++) {
    const c = chars[i]!;
    if (c === escape) {
      if (i + 1 === chars.length) return false;
      tokens.push({ char: chars[++i]! });
    } else tokens.push(c === '%' ? { any: true } : c === '_' ? { one: true } : { char: c });
  }
  const text = [...subject];
  const lower = (c: string) => (/^[A-Z]$/.test(c) ? c.toLowerCase() : c);
  const memo = new Map<number, boolean>();
  const at = (p: number, s: number): boolean => {
    const key = p * (text.length + 1) + s;
    if (memo.has(key)) return memo.get(key)!;
    let result: boolean;
    if (p === tokens.length) result = s === text.length;
    else {
      const token = tokens[p]!;
      if ('any' in token) result = at(p + 1, s) || (s < text.length && at(p, s + 1));
      else if (s === text.length) result = false;
      else result = ('one' in token || lower(token.char) === lower(text[s]!)) && at(p + 1, s + 1);
    }
    memo.set(key, result);
    return result;
  };
  return at(0, 0);
}

const alphabet = fc.constantFrom('a', 'A', 'b', '%', '_', '!', 'é', 'É', '😀');
const word = (maxLength: number) => fc.array(alphabet, { maxLength }).map((cs) => cs.join(''));

test('sqlLike: agrees with a DP over code points on random patterns, with and without ESCAPE, within its step bound', () => {
  fc.assert(
    fc.property(word(12), word(16), fc.boolean(), (pattern, subject, escaped) => {
      const escape = escaped ? '!' : undefined;
      const like = sqlLike(pattern, { escape });
      const meter: LikeMeter = { steps: 0 };
      expect(like.test(subject, meter)).toBe(reference(pattern, subject, escape));
      expect(meter.steps).toBeLessThanOrEqual(likeStepBound(like, [...subject].length));
    }),
    { numRuns: 3000 },
  );
});

test('sqlLike: the issue\'s keyword of 100 characters against 10,000 characters takes at most 2n + m + 1 steps', () => {
  const keyword = '%_'.repeat(49) + '%!';
  const like = sqlLike(`%${keyword}%`);
  const subject = 'x'.repeat(10_000);
  const meter: LikeMeter = { steps: 0 };
  expect(like.test(subject, meter)).toBe(false);
  expect(like.longestRun).toBe(1);
  expect(meter.steps).toBeLessThanOrEqual(2 * subject.length + like.tokens + 1);
  // Linear: ten times the subject costs ten times the steps, not a hundred or more.
  const tenth: LikeMeter = { steps: 0 };
  like.test('x'.repeat(1_000), tenth);
  expect(meter.steps).toBeLessThanOrEqual(10 * tenth.steps + like.tokens);
});

test('sqlLike: the patterns worst for a backtracking walk read each code point at most twice, whatever the run length', () => {
  // A walk that restarts a run at every place re-reads it: over 40,000 steps here, 26 per code point below.
  const anchored = sqlLike(`%${'a'.repeat(49)}b`);
  const meter: LikeMeter = { steps: 0 };
  expect(anchored.test(`${'a'.repeat(1_000)}b`, meter)).toBe(true);
  expect(meter.steps).toBeLessThanOrEqual(likeStepBound(anchored, 1_001));
  expect(meter.steps).toBeLessThan(1_001);
  const between = sqlLike(`%${'_'.repeat(24)}a%`);
  const subject = `${'x'.repeat(5_000)}a`;
  const inner: LikeMeter = { steps: 0 };
  expect(between.test(subject, inner)).toBe(true);
  expect(between.longestRun).toBe(25);
  expect(inner.steps).toBeLessThanOrEqual(2 * subject.length + between.tokens + 1);
  const half: LikeMeter = { steps: 0 };
  expect(between.test(`${'x'.repeat(2_500)}a`, half)).toBe(true);
  expect(inner.steps).toBeLessThanOrEqual(2 * half.steps + between.tokens);
});

test('sqlLike: a run longer than 32 tokens (two words of Shift-And state) matches as the reference does', () => {
  const pattern = `%${'ab_'.repeat(15)}c%`;
  for (const subject of [`x${'abZ'.repeat(15)}cx`, `x${'abZ'.repeat(14)}cx`, `${'abZ'.repeat(20)}c`, `ab${'ABz'.repeat(15)}C`]) {
    expect(sqlLike(pattern).test(subject)).toBe(reference(pattern, subject));
  }
});

test('sqlLike: a subject shorter than the pattern\'s fixed characters is refused without a step', () => {
  const meter: LikeMeter = { steps: 0 };
  expect(sqlLike('%abcdef%').test('abc', meter)).toBe(false);
  expect(meter.steps).toBe(0);
});

test.each([
  [`%${'a'.repeat(49)}b`, 'a'.repeat(1_000)],
  ['%ada%', 'xAdx'],
  ['%[a]%', 'x[b]'],
  ['%é😀%', 'xÉ😀'],
])('sqlLike(%j): a subject without the longest literal run is refused by a native search, without a step', (pattern, subject) => {
  const meter: LikeMeter = { steps: 0 };
  expect(sqlLike(pattern).test(subject, meter)).toBe(false);
  expect(meter.steps).toBe(0);
});

test('sqlLike: the literal run is found in either ASCII case and only as itself', () => {
  expect(sqlLike('%ada%').test('xxAdAxx')).toBe(true);
  expect(sqlLike('%[a]%').test('x[A]')).toBe(true);
  expect(sqlLike('%[a]%').test('xa')).toBe(false);
  expect(sqlLike('%a.c%').test('abc')).toBe(false);
  expect(sqlLike('%é😀%').test('xé😀')).toBe(true);
});

test('sqlLike: the literal run is looked for only where a match could hold it, so an early one is refused unread', () => {
  const late = sqlLike(`%${'_'.repeat(24)}a%`);
  const meter: LikeMeter = { steps: 0 };
  expect(late.test('ada_lovelace_123@gmail.com', meter)).toBe(false);
  expect(meter.steps).toBe(0);
  expect(late.test(`${'x'.repeat(24)}A`, meter)).toBe(true);
  expect(sqlLike('%a_____%').test('xxxxxxa____', meter)).toBe(false);
  expect(sqlLike('%a_____%').test('xa_____', meter)).toBe(true);
});

test('sqlLike: a run of _ alone between % is a count, not a scan, unless surrogates make units and code points differ', () => {
  const like = sqlLike(`%${'_'.repeat(24)}%`);
  const meter: LikeMeter = { steps: 0 };
  expect(like.test('x'.repeat(24), meter)).toBe(true);
  expect(like.test('x'.repeat(23), meter)).toBe(false);
  expect(meter.steps).toBe(0);
  expect(like.test('😀'.repeat(12), meter)).toBe(false);
  expect(like.test('😀'.repeat(24), meter)).toBe(true);
});
