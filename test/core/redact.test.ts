import { expect, test } from 'vitest';
import type { Logger } from '../../src/index.js';
import { redactBody, redactHeaders, redactUrl, resolveOptions } from '../../src/core/index.js';
import { redactJsonText } from '../../src/core/redact.js';
import { send } from '../../src/core/transport.js';
import { fakeFetch } from './fake-fetch.js';

test('credential headers are masked, others kept', () => {
  const headers = new Headers({ Authorization: 'Bearer s3cret', Cookie: 'session=s3cret', 'New-Api-User': '1', Accept: 'application/json' });
  const out = redactHeaders(headers);
  expect(JSON.stringify(out)).not.toContain('s3cret');
  expect(out['new-api-user']).toBe('1');
  expect(out.accept).toBe('application/json');
});

test('a custom credential header a client adds (X-Auth-Token, X-Session-Id, Api-Secret) is masked too, by its name', () => {
  const headers = new Headers({ 'X-Auth-Token': 's3cret', 'X-Session-Id': 's3cret', 'Api-Secret': 's3cret', 'X-Gatewaykit-Version': '0.1.0', 'Accept-Encoding': 'gzip' });
  const out = redactHeaders(headers);
  expect(JSON.stringify(out)).not.toContain('s3cret');
  expect(out['x-gatewaykit-version']).toBe('0.1.0');
  expect(out['accept-encoding']).toBe('gzip');
});

test('credential query params are masked in URLs', () => {
  const out = redactUrl('http://gw.test/api/user/epay/notify?sign=abc123&out_trade_no=USR1&key=k9');
  expect(out).not.toContain('abc123');
  expect(out).not.toContain('k9');
  expect(out).toContain('out_trade_no=USR1');
});

test('credential keys are masked at any depth in bodies', () => {
  const out = redactBody({ username: 'root', password: '123456', nested: [{ access_token: 'tok', name: 'n' }] });
  expect(JSON.stringify(out)).not.toMatch(/123456|tok"/);
  expect(out).toMatchObject({ username: 'root', nested: [{ name: 'n' }] });
});

test('credential members are masked in JSON-like text that does not parse, at any depth, escapes and all', () => {
  expect(redactJsonText('{"password": "12\\"34", "x": NaN}')).toBe('{"password": "[redacted]", "x": NaN}');
  expect(redactJsonText('{"auth": {"api_key": sk_live, "note": "say \\"token\\": 1"},}')).toBe('{"auth": {"api_key": "[redacted]", "note": "say \\"token\\": 1"},}');
  expect(redactJsonText('{"refresh_token": "eyJhbG')).toBe('{"refresh_token": "[redacted]"');
  expect(redactJsonText('plain text, password: 1')).toBe('plain text, password: 1');
});

test('the logger never receives a token, cookie or password, through request, response and retry lines', async () => {
  const lines: string[] = [];
  const record = (message: string, meta?: Record<string, unknown>) => void lines.push(message + JSON.stringify(meta ?? {}));
  const logger: Logger = { debug: record, info: record, warn: record, error: record };
  const { fetch } = fakeFetch(
    new Response('', { status: 503 }),
    new Response('{}', { headers: { 'set-cookie': 'session=s3cret-cookie; HttpOnly' } }),
  );
  const options = resolveOptions({ baseURL: 'http://gw.test', fetch, logger, retry: { baseDelay: 1, maxDelay: 1 } });
  const request = { method: 'GET', url: 'http://gw.test/api/token?token=s3cret-query', headers: { Authorization: 'Bearer s3cret-token' } };
  await send(options, { authorize: (h) => h.set('cookie', 'session=s3cret-cookie') }, request);
  expect(lines.length).toBeGreaterThanOrEqual(5);
  expect(lines.join('\n')).not.toMatch(/s3cret/);
});
