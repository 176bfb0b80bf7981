import { expect, test } from 'vitest';
import { resolveOptions } from '../../src/core/index.js';

test('defaults: 60 s timeout, 2 retries, no deadline, cookies kept outside browsers', () => {
  const options = resolveOptions({ baseURL: 'http://127.0.0.1:4010/' });
  expect(options).toMatchObject({ timeout: 60_000, maxRetries: 2, deadline: undefined, cookies: true, baseURL: 'http://127.0.0.1:4010' });
  expect(options.retry).toEqual({ baseDelay: 500, maxDelay: 8_000, maxRetryAfter: 60_000 });
});

test('the resolved options are frozen, nested objects included', () => {
  const options = resolveOptions({ baseURL: 'http://gw.test', headers: { a: '1' } });
  expect(Object.isFrozen(options)).toBe(true);
  expect(Object.isFrozen(options.retry)).toBe(true);
  expect(Object.isFrozen(options.headers)).toBe(true);
});

test('a bad baseURL or a negative timeout fails at construction with a clear message', () => {
  expect(() => resolveOptions({ baseURL: 'localhost:4010' })).toThrow(/absolute http\(s\) URL/);
  expect(() => resolveOptions({ baseURL: 'http://gw.test', timeout: -1 })).toThrow(/`timeout` must be a non-negative number/);
});

test('in a browser (a document exists) the browser keeps cookies: credentials include, no jar', () => {
  const globals = globalThis as { document?: unknown };
  globals.document = {};
  try {
    const options = resolveOptions({ baseURL: 'http://gw.test' });
    expect(options.credentials).toBe('include');
    expect(options.cookies).toBe(false);
  } finally {
    delete globals.document;
  }
});

test('in a browser worker (importScripts, a location, no document) the defaults are a page\'s: no version header cross-origin, the browser keeps cookies', () => {
  const globals = globalThis as { importScripts?: unknown; location?: unknown };
  globals.importScripts = () => {};
  globals.location = { origin: 'https://app.example' };
  try {
    expect(resolveOptions({ baseURL: 'https://gw.example' })).toMatchObject({ versionHeader: false, credentials: 'include', cookies: false });
    expect(resolveOptions({ baseURL: 'https://app.example/gateway' }).versionHeader).toBe(true);
  } finally {
    delete globals.importScripts;
    delete globals.location;
  }
});

test('the version header is on outside browsers, and in a browser only for the page\'s own origin (no CORS preflight)', () => {
  expect(resolveOptions({ baseURL: 'http://gw.test' }).versionHeader).toBe(true);
  const globals = globalThis as { document?: unknown; location?: unknown };
  globals.document = {};
  globals.location = { origin: 'https://app.example' };
  try {
    expect(resolveOptions({ baseURL: 'https://app.example/gateway' }).versionHeader).toBe(true);
    expect(resolveOptions({ baseURL: 'https://gw.example' }).versionHeader).toBe(false);
    expect(resolveOptions({ baseURL: 'https://gw.example', versionHeader: true }).versionHeader).toBe(true);
  } finally {
    delete globals.document;
    delete globals.location;
  }
  expect(resolveOptions({ baseURL: 'http://gw.test', versionHeader: false }).versionHeader).toBe(false);
});
