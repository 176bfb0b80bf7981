import { expect, test } from 'vitest';
import { goBind, goDecode, goDecodeMap } from '../../mocks/go/json-bind.js';
import { NumberLiteral } from '../../mocks/go/json-scan.js';
import { requiredError } from '../../mocks/go/validator.js';

const REQUEST = { qualified: 'controller.demoRequest', name: 'demoRequest', fields: { key: 'string', quota: 'int', price: 'float64', on: 'bool' } } as const;
const error = (text: string) => {
  const result = goDecode(text, REQUEST);
  return result.ok ? 'ok' : result.error;
};

test.each([
  ['', 'EOF'],
  ['   \n', 'EOF'],
  ['{"key": ', 'unexpected EOF'],
  ['nul', 'unexpected EOF'],
  ['{"a":1x}', "invalid character 'x' after object key:value pair"],
  ['{"a" 1}', "invalid character '1' after object key"],
  ['{a: 1}', "invalid character 'a' looking for beginning of object key string"],
  ['{"a":1,}', "invalid character '}' looking for beginning of object key string"],
  ['[1,]', "invalid character ']' looking for beginning of value"],
  ['[1 2]', "invalid character '2' after array element"],
  ['trux', "invalid character 'x' in literal true (expecting 'e')"],
  ['fals3', "invalid character '3' in literal false (expecting 'e')"],
  ['{"a":"\\q"}', "invalid character 'q' in string escape code"],
  ['{"a":"\\u12g4"}', "invalid character 'g' in \\u hexadecimal character escape"],
  ['{"a":"\u0001"}', "invalid character '\\x01' in string literal"],
  ['-x', "invalid character 'x' in numeric literal"],
  ['{"a":1.x}', "invalid character 'x' after decimal point in numeric literal"],
  ['{"a":1ex}', "invalid character 'x' in exponent of numeric literal"],
  ["'a'", "invalid character '\\'' looking for beginning of value"],
  // Go quotes the first byte as the rune of that number (strconv.Quote(string(c))): é's 0xC3 is 'Ã' (go1.19, run).
  ['é', "invalid character 'Ã' looking for beginning of value"],
  ['{é}', "invalid character 'Ã' looking for beginning of object key string"],
  ['€', "invalid character 'â' looking for beginning of value"],
  ['😀', "invalid character 'ð' looking for beginning of value"],
  ['tré', "invalid character 'Ã' in literal true (expecting 'u')"],
])('goDecode: %j → %s', (text, message) => {
  expect(error(text)).toBe(message);
});

test('goDecode: nesting is allowed to 10000 levels, as encoding/json; deeper is its "exceeded max depth"', () => {
  const nested = (depth: number) => `{"other":${'['.repeat(depth - 1)}${']'.repeat(depth - 1)}}`;
  expect(error(nested(10_000))).toBe('ok');
  expect(error(nested(10_001))).toBe("invalid character '[' exceeded max depth");
  // Iterative: a megabyte of brackets neither overflows the stack nor passes.
  expect(error('['.repeat(1_000_000))).toBe("invalid character '[' exceeded max depth");
});

test('goDecode: one value is read; what follows it is ignored, as gin\'s decoder does', () => {
  expect(goDecode('{"key":"a"} trailing garbage', REQUEST)).toEqual({ ok: true, value: { key: 'a', quota: 0, price: 0, on: false } });
});

test('goDecode: keys match case-insensitively, null leaves the zero value, unknown keys are ignored', () => {
  expect(goDecode('{"KEY":"k","Quota":null,"other":[1,{"x":2}],"ON":true}', REQUEST)).toEqual({ ok: true, value: { key: 'k', quota: 0, price: 0, on: true } });
  expect(goDecode('null', REQUEST)).toEqual({ ok: true, value: { key: '', quota: 0, price: 0, on: false } });
});

test('goDecode: a repeated key is decoded each time it appears, so a bad first value fails the bind even when a later one fits', () => {
  // encoding/json sets the field once per member, in body order, and returns the first type error it saved.
  expect(error('{"key":1,"key":"ok"}')).toBe('json: cannot unmarshal number into Go struct field demoRequest.key of type string');
  expect(error('{"on":"x","quota":"y","on":true}')).toBe('json: cannot unmarshal string into Go struct field demoRequest.on of type bool');
  expect(goDecode('{"key":"a","key":"b"}', REQUEST)).toEqual({ ok: true, value: { key: 'b', quota: 0, price: 0, on: false } });
});

test('goDecode: a null member leaves a value field as an earlier member set it; a lone surrogate escape is U+FFFD', () => {
  expect(goDecode('{"key":"x","quota":2,"on":true,"key":null,"quota":null,"on":null}', REQUEST)).toEqual({ ok: true, value: { key: 'x', quota: 2, price: 0, on: true } });
  const POINTER = { qualified: 'x.p', name: 'p', fields: { flag: '*bool' } } as const;
  expect(goDecode('{"flag":true,"flag":null}', POINTER)).toEqual({ ok: true, value: { flag: null } });
  expect(goDecode('{"key":"a\\ud800b\\udc00c\\ud83d\\ude00"}', REQUEST)).toMatchObject({ ok: true, value: { key: 'a\ufffdb\ufffdc\u{1f600}' } });
});

test('goDecode: keys fold as Go folds them: the long s (U+017F) and the Kelvin sign (U+212A) match s and k', () => {
  expect(error('{"\u212aey":1}')).toBe('json: cannot unmarshal number into Go struct field demoRequest.key of type string');
  const SIGN = { qualified: 'x.sign', name: 'sign', fields: { is_set: 'bool' } } as const;
  expect(goDecode('{"i\u017f_set":"yes"}', SIGN)).toEqual({ ok: false, error: 'json: cannot unmarshal string into Go struct field sign.is_set of type bool' });
});

test('goDecode: type errors name the struct field and the JSON kind; numbers keep their literal', () => {
  expect(error('{"key": 1}')).toBe('json: cannot unmarshal number into Go struct field demoRequest.key of type string');
  expect(error('{"quota": "1"}')).toBe('json: cannot unmarshal string into Go struct field demoRequest.quota of type int');
  expect(error('{"quota": 1.0}')).toBe('json: cannot unmarshal number 1.0 into Go struct field demoRequest.quota of type int');
  expect(error('{"quota": 1e3}')).toBe('json: cannot unmarshal number 1e3 into Go struct field demoRequest.quota of type int');
  expect(error('{"quota": 9223372036854775808}')).toBe('json: cannot unmarshal number 9223372036854775808 into Go struct field demoRequest.quota of type int');
  // gatewaykit: beyond 2^53 - 1 too, where a JavaScript number would round (docs/fidelity.md).
  expect(error('{"quota": 9007199254740992}')).toBe('json: cannot unmarshal number 9007199254740992 into Go struct field demoRequest.quota of type int');
  expect(goDecode('{"quota": -9007199254740991}', REQUEST)).toMatchObject({ ok: true, value: { quota: -9007199254740991 } });
  expect(error('{"on": "yes"}')).toBe('json: cannot unmarshal string into Go struct field demoRequest.on of type bool');
  expect(error('{"price": 1e400}')).toBe('json: cannot unmarshal number 1e400 into Go struct field demoRequest.price of type float64');
  expect(error('{"key": {}, "quota": []}')).toBe('json: cannot unmarshal object into Go struct field demoRequest.key of type string');
  expect(error('"text"')).toBe('json: cannot unmarshal string into Go value of type controller.demoRequest');
  expect(error('42')).toBe('json: cannot unmarshal number into Go value of type controller.demoRequest');
});

test('requiredError: the validator\'s text for a binding:"required" field', () => {
  expect(requiredError('TransferAffQuotaRequest', 'Quota')).toBe("Key: 'TransferAffQuotaRequest.Quota' Error:Field validation for 'Quota' failed on the 'required' tag");
});

const USER = {
  qualified: 'router.User',
  name: 'User',
  fields: { id: 'uint', name: 'string', enabled: '*bool', createdAt: 'time.Time', DeletedAt: 'gorm.DeletedAt', perms: 'map[string]map[string]bool' },
} as const;
const userError = (text: string) => {
  const result = goDecode(text, USER);
  return result.ok ? 'ok' : result.error;
};

test('goDecode: a uint refuses a negative number with Go\'s text; an int64 bound past it too', () => {
  expect(userError('{"id": -1}')).toBe('json: cannot unmarshal number -1 into Go struct field User.id of type uint');
  expect(userError('[]')).toBe('json: cannot unmarshal array into Go value of type router.User');
  expect(goDecode('{"id": 7}', USER)).toMatchObject({ ok: true, value: { id: 7 } });
});

test('goDecode: *bool is null until set, and names bool in its error', () => {
  expect(goDecode('{}', USER)).toMatchObject({ ok: true, value: { enabled: null } });
  expect(goDecode('{"enabled": false}', USER)).toMatchObject({ ok: true, value: { enabled: false } });
  expect(userError('{"enabled": "yes"}')).toBe('json: cannot unmarshal string into Go struct field User.enabled of type bool');
});

test('goDecode: time.Time takes RFC 3339 strings only; gorm.DeletedAt also takes null', () => {
  expect(goDecode('{"createdAt": "2024-02-29T23:59:59.5+08:00", "DeletedAt": null}', USER)).toMatchObject({
    ok: true,
    value: { createdAt: '2024-02-29T23:59:59.5+08:00', DeletedAt: null },
  });
  expect(goDecode('{}', USER)).toMatchObject({ ok: true, value: { createdAt: '0001-01-01T00:00:00Z' } });
  expect(userError('{"createdAt": 5}')).toBe('Time.UnmarshalJSON: input is not a JSON string');
  expect(userError('{"DeletedAt": "2023-02-29T00:00:00Z"}')).toMatch(/^parsing time "\\"2023-02-29T00:00:00Z\\"" as /);
});

test('goDecode: map[string]map[string]bool takes null maps and null flags (false), refuses other values', () => {
  expect(goDecode('{"perms": {"a": null, "b": {"x": true, "y": null}}}', USER)).toMatchObject({ ok: true, value: { perms: { a: null, b: { x: true, y: false } } } });
  expect(userError('{"perms": {"b": {"x": 1}}}')).toBe('json: cannot unmarshal number into Go struct field User.perms of type bool');
  expect(userError('{"perms": {"b": []}}')).toBe('json: cannot unmarshal array into Go struct field User.perms of type map[string]bool');
});

test('goDecode: a binding:"required" field at its zero value fails with the validator\'s text', () => {
  const CODE = { qualified: 'controller.Verify2FARequest', name: 'Verify2FARequest', fields: { code: 'string' }, required: { code: 'Code' } } as const;
  expect(goDecode('{"code": ""}', CODE)).toEqual({ ok: false, error: "Key: 'Verify2FARequest.Code' Error:Field validation for 'Code' failed on the 'required' tag" });
  expect(goDecode('{"code": "123456"}', CODE)).toEqual({ ok: true, value: { code: '123456' } });
});

test('goDecodeMap: numbers come back as json.Marshal writes a float64, so a later bind sees 1000, not 1e3', () => {
  const map = goDecodeMap('{"quota": 1e3, "half": 0.50, "nested": [2E1]}');
  expect(map).toEqual({ ok: true, value: { quota: new NumberLiteral('1000'), half: new NumberLiteral('0.5'), nested: [new NumberLiteral('20')] } });
  expect(goBind(map.ok ? map.value : null, REQUEST)).toMatchObject({ ok: true, value: { quota: 1000 } });
  expect(goDecodeMap('null')).toEqual({ ok: true, value: null });
  expect(goDecodeMap('[1]')).toEqual({ ok: false, error: 'json: cannot unmarshal array into Go value of type map[string]interface {}' });
  expect(goDecodeMap('{"a":')).toEqual({ ok: false, error: 'unexpected EOF' });
});
