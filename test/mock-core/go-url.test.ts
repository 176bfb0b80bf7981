import { expect, test } from 'vitest';
import { parsesAsRequestUri } from '../../mocks/go/url.js';

test.each([
  'https://api.day.app/key',
  'http://example.com:8080/hook?x=1',
  'http://user:pa%20ss@example.com/',
  'http://[::1]:80/',
  '/hook',
  'mailto:alice@example.com',
  '*',
  'http://example.com/%41',
])('parsesAsRequestUri: %j passes, as url.ParseRequestURI', (raw) => {
  expect(parsesAsRequestUri(raw)).toBe(true);
});

test.each([
  '',
  'api.day.app/key',
  ':foo',
  'http://a b/',
  'http://example.com:80x/',
  'http://example.com/%zz',
  'http://exa\u0001mple.com/',
  'http://[::1/',
])('parsesAsRequestUri: %j fails, as url.ParseRequestURI', (raw) => {
  expect(parsesAsRequestUri(raw)).toBe(false);
});
