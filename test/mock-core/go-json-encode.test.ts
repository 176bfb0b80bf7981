import { expect, test } from 'vitest';
import { goFloat, goMap, goMarshal, goStruct } from '../../mocks/go/json-encode.js';

test('goMarshal: <, >, &, U+2028 and U+2029 are escaped as encoding/json escapes them', () => {
  expect(goMarshal({ note: '<b>Tom & Jerry</b>\u2028\u2029' })).toBe('{"note":"\\u003cb\\u003eTom \\u0026 Jerry\\u003c/b\\u003e\\u2028\\u2029"}');
});

test('goMarshal: control characters take JSON\'s short escapes where Go has them, \\u00xx otherwise', () => {
  expect(goMarshal('\b\f\n\r\t\u0001\u001f"\\')).toBe('"\\b\\f\\n\\r\\t\\u0001\\u001f\\"\\\\"');
});

test('goMarshal: without shortControlEscapes (Go before 1.22), \\b and \\f take \\u00xx; an escaped backslash before b stays', () => {
  expect(goMarshal(['\b\f', { k: '\\b\\f\b' }], { shortControlEscapes: false })).toBe('["\\u0008\\u000c",{"k":"\\\\b\\\\f\\u0008"}]');
  expect(goMarshal(goStruct([{ name: 'n', value: 'x\fy' }]), { shortControlEscapes: false })).toBe('{"n":"x\\u000cy"}');
});

test('goMarshal: a lone surrogate (invalid UTF-8 to Go) is written as U+FFFD; a pair stays', () => {
  expect(goMarshal('a\ud800b\udc00c😀')).toBe('"a\ufffdb\ufffdc😀"');
});

test('goMarshal: a struct keeps declaration order and drops omitempty fields at their zero value', () => {
  const user = goStruct([
    { name: 'id', value: 2, omitempty: true },
    { name: 'updatedAt', value: '2023-05-28T18:47:19+08:00', omitempty: true },
    { name: 'name', value: '', omitempty: true },
    { name: 'IsDelete', value: false },
    { name: 'tags', value: [], omitempty: true },
    { name: 'DeletedAt', value: null },
  ]);
  expect(goMarshal(user)).toBe('{"id":2,"updatedAt":"2023-05-28T18:47:19+08:00","IsDelete":false,"DeletedAt":null}');
});

test('goMarshal: a map sorts its keys by UTF-8 bytes, nested maps too', () => {
  expect(goMarshal(goMap({ b: 1, a: goMap({ z: true, y: false }), B: 2 }))).toBe('{"B":2,"a":{"y":false,"z":true},"b":1}');
  // U+FF5E sorts before U+1F600 in UTF-8 (and code points), after it in UTF-16 units.
  expect(goMarshal(goMap({ '😀': 1, '～': 2 }))).toBe('{"～":2,"😀":1}');
});

test('goFloat: float64 as encoding/json writes it: plain from 1e-6 to below 1e21, exponent outside, -0 kept', () => {
  expect([0.000001, 0.0000001, 1e20, 1e21, 123456789.125, 0.1 + 0.2, 1.5e-10, -0, 0, 100].map(goFloat)).toEqual([
    '0.000001', '1e-7', '100000000000000000000', '1e+21', '123456789.125', '0.30000000000000004', '1.5e-10', '-0', '0', '100',
  ]);
});

test('goFloat: NaN and infinities are json.Marshal\'s UnsupportedValueError', () => {
  expect(() => goFloat(Number.NaN)).toThrow('json: unsupported value: NaN');
  expect(() => goFloat(Number.POSITIVE_INFINITY)).toThrow('json: unsupported value: +Inf');
  expect(() => goFloat(Number.NEGATIVE_INFINITY)).toThrow('json: unsupported value: -Inf');
});
