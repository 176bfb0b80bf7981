import { expect, test } from 'vitest';
import { ginClientIp, socketAddress, trustedProxyHops } from '../../mocks/core/client-address.js';

const headers = (init: Record<string, string>) => new Headers(init);

test('client address: the default trusts no header', () => {
  expect(socketAddress('10.0.0.9', headers({ 'x-forwarded-for': '203.0.113.7' }))).toBe('10.0.0.9');
});

test('client address: gin takes the first X-Forwarded-For entry, as every proxy is trusted by default', () => {
  expect(ginClientIp('10.0.0.9', headers({ 'x-forwarded-for': ' 203.0.113.7 , 10.0.0.1' }))).toBe('203.0.113.7');
  expect(ginClientIp('10.0.0.9', headers({ 'x-forwarded-for': '2001:db8::1' }))).toBe('2001:db8::1');
});

test('client address: gin discards a header with an entry that is not an IP, then tries X-Real-IP, then the socket', () => {
  expect(ginClientIp('10.0.0.9', headers({ 'x-forwarded-for': '203.0.113.7, nope', 'x-real-ip': '198.51.100.2' }))).toBe('198.51.100.2');
  expect(ginClientIp('10.0.0.9', headers({ 'x-forwarded-for': '203.0.113.7,' }))).toBe('10.0.0.9');
  // Go's net.ParseIP refuses leading zeros and out-of-range octets.
  expect(ginClientIp('10.0.0.9', headers({ 'x-forwarded-for': '203.0.113.07' }))).toBe('10.0.0.9');
  expect(ginClientIp('10.0.0.9', headers({ 'x-forwarded-for': '256.0.0.1' }))).toBe('10.0.0.9');
  expect(ginClientIp('10.0.0.9', headers({}))).toBe('10.0.0.9');
});

test('client address: trusting n proxies takes the entry n places from the right, or the first of a shorter header', () => {
  const one = trustedProxyHops(1);
  expect(one('10.0.0.9', headers({ 'x-forwarded-for': '203.0.113.7, 10.0.0.1' }))).toBe('203.0.113.7');
  expect(one('10.0.0.9', headers({ 'x-forwarded-for': 'spoofed, 203.0.113.7, 10.0.0.1' }))).toBe('203.0.113.7');
  expect(one('10.0.0.9', headers({ 'x-forwarded-for': ' 203.0.113.7 ' }))).toBe('203.0.113.7');
  // Entries are not checked to be addresses, and empty ones are dropped before counting.
  expect(one('10.0.0.9', headers({ 'x-forwarded-for': 'anything,,' }))).toBe('anything');
  expect(one('10.0.0.9', headers({ 'x-real-ip': ' 198.51.100.2 ' }))).toBe('198.51.100.2');
  expect(one('10.0.0.9', headers({}))).toBe('10.0.0.9');
  expect(trustedProxyHops(0)('10.0.0.9', headers({ 'x-forwarded-for': '203.0.113.7' }))).toBe('10.0.0.9');
});
