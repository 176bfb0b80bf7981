import { createHash } from 'node:crypto';
import { expect, test } from 'vitest';
import { epaySign, epaySignContent, signEpayParams, verifyEpayNotify } from '../../src/newapi/epay.js';

// The SDK's signing is what the reference server uses too, so these tests pin it to go-epay's rule
// independently: node:crypto's MD5 over the string built by hand.
const md5 = (text: string) => createHash('md5').update(text, 'utf8').digest('hex');
const KEY = 'merchant-key';

test('epay signature: sorted keys, raw values, sign and sign_type left out, MD5 of the string plus the key', () => {
  const params = { type: 'alipay', money: '7.30', pid: '1001', sign: 'ignored', sign_type: 'MD5' };
  expect(epaySignContent(params)).toBe('money=7.30&pid=1001&type=alipay');
  expect(epaySign(params, KEY)).toBe(md5(`money=7.30&pid=1001&type=alipay${KEY}`));
});

test('epay signature: empty values are dropped; values are not URL-encoded', () => {
  const params = { name: 'TUC 10 & more', notify_url: 'http://x/y?a=1', param: '', 充值: '中文' };
  expect(epaySignContent(params)).toBe('name=TUC 10 & more&notify_url=http://x/y?a=1&充值=中文');
});

test('epay signature: keys sort by byte order, as Go sort.Strings (upper case before lower, _ between)', () => {
  expect(epaySignContent({ b: '1', B: '2', _a: '3', a: '4', Z: '5' })).toBe('B=2&Z=5&_a=3&a=4&b=1');
});

test('signEpayParams: adds sign and sign_type MD5 and leaves the input alone', () => {
  const params = { pid: '1001', money: '1.00' };
  const signed = signEpayParams(params, KEY);
  expect(signed).toEqual({ pid: '1001', money: '1.00', sign: md5(`money=1.00&pid=1001${KEY}`), sign_type: 'MD5' });
  expect(params).toEqual({ pid: '1001', money: '1.00' });
});

test('verifyEpayNotify: true for a correctly signed notify, as an object or URLSearchParams', () => {
  const signed = signEpayParams({ pid: '1001', out_trade_no: 'USR1NOabc1231', trade_status: 'TRADE_SUCCESS' }, KEY);
  expect(verifyEpayNotify(signed, KEY)).toBe(true);
  expect(verifyEpayNotify(new URLSearchParams(signed), KEY)).toBe(true);
});

test('verifyEpayNotify: false for a wrong key, a tampered value, a missing or empty sign, an added parameter', () => {
  const signed = signEpayParams({ pid: '1001', money: '7.30', trade_status: 'TRADE_SUCCESS' }, KEY);
  expect(verifyEpayNotify(signed, 'another-key')).toBe(false);
  expect(verifyEpayNotify({ ...signed, money: '0.01' }, KEY)).toBe(false);
  expect(verifyEpayNotify({ ...signed, sign: '' }, KEY)).toBe(false);
  const { sign: _sign, ...unsigned } = signed;
  expect(verifyEpayNotify(unsigned, KEY)).toBe(false);
  expect(verifyEpayNotify({ ...signed, extra: 'x' }, KEY)).toBe(false);
  // An empty extra value is not signed, so it changes nothing.
  expect(verifyEpayNotify({ ...signed, extra: '' }, KEY)).toBe(true);
});

test('verifyEpayNotify: a repeated query key counts with its first value, as url.Values.Get', () => {
  const signed = signEpayParams({ pid: '1001', money: '7.30' }, KEY);
  const query = new URLSearchParams(signed);
  query.append('money', '0.01');
  expect(verifyEpayNotify(query, KEY)).toBe(true);
  const reversed = new URLSearchParams([['money', '0.01'], ...new URLSearchParams(signed)]);
  expect(verifyEpayNotify(reversed, KEY)).toBe(false);
});
