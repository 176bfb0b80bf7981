import { expect, test } from 'vitest';
import { atoi, goQuote } from '../../mocks/go/strconv.js';

test('atoi: a sign and decimal digits parse, as strconv.Atoi', () => {
  expect(atoi('42')).toEqual({ ok: true, value: 42 });
  expect(atoi('+7')).toEqual({ ok: true, value: 7 });
  expect(atoi('-0012')).toEqual({ ok: true, value: -12 });
});

test('atoi: anything else is "invalid syntax", with the input quoted as Go quotes it', () => {
  expect(atoi('')).toEqual({ ok: false, error: 'strconv.Atoi: parsing "": invalid syntax' });
  expect(atoi(' 1')).toEqual({ ok: false, error: 'strconv.Atoi: parsing " 1": invalid syntax' });
  expect(atoi('1.0')).toEqual({ ok: false, error: 'strconv.Atoi: parsing "1.0": invalid syntax' });
  expect(atoi('0x10')).toEqual({ ok: false, error: 'strconv.Atoi: parsing "0x10": invalid syntax' });
  expect(atoi('1_000')).toEqual({ ok: false, error: 'strconv.Atoi: parsing "1_000": invalid syntax' });
  expect(atoi('\u0001')).toEqual({ ok: false, error: 'strconv.Atoi: parsing "\\x01": invalid syntax' });
  expect(atoi('a"b')).toEqual({ ok: false, error: 'strconv.Atoi: parsing "a\\"b": invalid syntax' });
});

test('atoi: past int64 is "value out of range"; int64 bounds themselves parse', () => {
  expect(atoi('9223372036854775808')).toEqual({ ok: false, error: 'strconv.Atoi: parsing "9223372036854775808": value out of range' });
  expect(atoi('-9223372036854775809')).toEqual({ ok: false, error: 'strconv.Atoi: parsing "-9223372036854775809": value out of range' });
  expect(atoi('9223372036854775807').ok).toBe(true);
});

test('goQuote: control characters take Go\'s escapes (\\x01, \\n), not JSON\'s \\u0001', () => {
  expect(goQuote('a\u0001b\n\t\\')).toBe('"a\\x01b\\n\\t\\\\"');
  expect(goQuote('\u007f')).toBe('"\\x7f"');
  expect(goQuote('héllo 😀')).toBe('"héllo 😀"');
});
