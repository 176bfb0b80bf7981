import { expect, test } from 'vitest';
import { CookieJar } from '../../src/core/index.js';

const setCookies = (...lines: string[]) => {
  const headers = new Headers();
  for (const line of lines) headers.append('set-cookie', line);
  return headers;
};

test('stores every Set-Cookie and sends them back as one Cookie header', () => {
  const jar = new CookieJar();
  jar.store(setCookies('session=abc; Path=/; HttpOnly; SameSite=Strict', 'lang=zh'));
  expect(jar.header()).toBe('session=abc; lang=zh');
});

test('a later Set-Cookie replaces the earlier value', () => {
  const jar = new CookieJar();
  jar.store(setCookies('session=one'));
  jar.store(setCookies('session=two'));
  expect(jar.header()).toBe('session=two');
});

test('Max-Age=0 deletes a cookie, and Max-Age wins over Expires', () => {
  const jar = new CookieJar();
  jar.store(setCookies('session=abc; Max-Age=2592000'));
  jar.store(setCookies('session=; Expires=Thu, 01 Jan 2099 00:00:00 GMT; Max-Age=0'));
  expect(jar.header()).toBeUndefined();
});

test('a cookie past its expiry is not sent', () => {
  const jar = new CookieJar();
  jar.store(setCookies('session=abc; Max-Age=10'), 0);
  expect(jar.header(5_000)).toBe('session=abc');
  expect(jar.header(11_000)).toBeUndefined();
});

test('clear forgets everything', () => {
  const jar = new CookieJar();
  jar.store(setCookies('a=1'));
  jar.clear();
  expect(jar.header()).toBeUndefined();
});
