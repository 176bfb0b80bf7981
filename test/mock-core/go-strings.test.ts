import { expect, test } from 'vitest';
import { toLower, trimSpace } from '../../mocks/go/strings.js';

test('trimSpace: Go trims U+0085 and the Unicode spaces but not U+FEFF, unlike String.prototype.trim', () => {
  expect(trimSpace(' \t\n\v\f\r key \u00a0\u3000')).toBe('key');
  expect(trimSpace('\u0085key\u2028')).toBe('key');
  expect(trimSpace('\ufeffkey\ufeff')).toBe('\ufeffkey\ufeff');
  expect(trimSpace('a b')).toBe('a b');
});

test('toLower: one code point at a time by the simple mapping: İ is i, a final Σ is σ', () => {
  expect(toLower('Azure.EastUS')).toBe('azure.eastus');
  expect(toLower('İSTANBUL')).toBe('istanbul');
  expect(toLower('ΟΔΟΣ')).toBe('οδοσ');
  expect(toLower('ǅ😀')).toBe('ǆ😀');
});
