import { expect, test } from 'vitest';
import { parseFloat } from '../../mocks/go/parse-float.js';
import { atoi, goQuote, parseBool } from '../../mocks/go/strconv.js';

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

test('parseBool: the six spellings of true and of false, nothing else, as strconv.ParseBool', () => {
  expect(['1', 't', 'T', 'TRUE', 'true', 'True'].map(parseBool)).toEqual(Array(6).fill(true));
  expect(['0', 'f', 'F', 'FALSE', 'false', 'False'].map(parseBool)).toEqual(Array(6).fill(false));
  expect(['tRUE', 'yes', ' 1', '', 'TrUe'].map(parseBool)).toEqual(Array(5).fill(undefined));
});

test('parseFloat: decimal literals with signs, a bare dot side, exponents and underscores between digits', () => {
  expect(parseFloat('5.9')).toBe(5.9);
  expect(parseFloat('-5')).toBe(-5);
  expect(parseFloat('+7e0')).toBe(7);
  expect(parseFloat('1.')).toBe(1);
  expect(parseFloat('.5')).toBe(0.5);
  expect(parseFloat('1_000.5')).toBe(1000.5);
  expect(parseFloat('1e1_0')).toBe(1e10);
});

test('parseFloat: a syntax error is undefined: spaces, trailing text, misplaced underscores, a hex mantissa without p', () => {
  for (const text of ['', ' 3', '3 ', '3abc', 'abc', '.', '1e', '1e+', '_1', '1_', '1__0', '1_.5', '1._5', '0x10', '0x', '0xp1', '1.2.3', '+nan', 'infin']) {
    expect(parseFloat(text), text).toBeUndefined();
  }
});

test('parseFloat: hexadecimal mantissas with a p exponent, as Go float literals', () => {
  expect(parseFloat('0x1p4')).toBe(16);
  expect(parseFloat('0X1.8P1')).toBe(3);
  expect(parseFloat('-0x_10p-4')).toBe(-1);
  expect(parseFloat('0x.8p1')).toBe(1);
});

test('parseFloat: inf, infinity and nan in any case; out of range keeps Go\'s value (±Inf, 0)', () => {
  expect(parseFloat('Inf')).toBe(Infinity);
  expect(parseFloat('-INFINITY')).toBe(-Infinity);
  expect(parseFloat('nAn')).toBeNaN();
  expect(parseFloat('1e400')).toBe(Infinity);
  expect(parseFloat('-1e400')).toBe(-Infinity);
  expect(parseFloat('1e-400')).toBe(0);
});
