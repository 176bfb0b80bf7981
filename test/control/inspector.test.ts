import { createHash } from 'node:crypto';
import { afterAll, expect, test } from 'vitest';
import { createReferenceServer, DIALECT_NAMES, type DialectName, type ReferenceServer } from '../../mocks/index.js';
import { INSPECTOR_SCRIPT } from '../../mocks/core/inspector-script.js';
import { serve } from '../../mocks/node/index.js';
import { contractObserver, takeContractProblems } from '../support/contract.js';
import { useNewApi } from '../support/harness.js';
import { transport } from '../support/lifecycle.js';

// The page route as a client of this transport sees it; the answer is contract-checked (openapi/control.yaml).
const api = useNewApi();
const page = () => api.raw('/__mock/');

const closing: Array<() => Promise<void>> = [];
afterAll(() => Promise.all(closing.map((close) => close())));

/** A server of `dialect` with its own control options, reached over this file's transport. */
async function own(dialect: DialectName, control?: { token: string } | false) {
  const server: ReferenceServer = createReferenceServer({ dialect, seed: 1, clock: { frozen: true }, ...(control === undefined ? {} : { control }) });
  await server.ready;
  if (transport === 'in-process') return { server, get: (path: string, init?: RequestInit) => server.fetch(new Request(`http://localhost${path}`, init)) };
  const running = await serve(server, { port: 0 });
  closing.push(running.close);
  return { server, get: (path: string, init?: RequestInit) => fetch(`${running.url}${path}`, init) };
}

const inlineScript = (html: string) => /<script>([\s\S]*)<\/script>/.exec(html)![1]!;
const inlineStyle = (html: string) => /<style>([\s\S]*)<\/style>/.exec(html)![1]!;
const sha256 = (text: string) => createHash('sha256').update(text, 'utf8').digest('base64');

test('inspector: GET /__mock/ answers an HTML page that nothing caches, sniffs or frames', async () => {
  const res = await page();
  expect(res.status).toBe(200);
  expect(res.headers.get('content-type')).toBe('text/html; charset=utf-8');
  expect(res.headers.get('cache-control')).toBe('no-store');
  expect(res.headers.get('x-content-type-options')).toBe('nosniff');
  expect(res.headers.get('x-frame-options')).toBe('DENY');
  expect(res.headers.get('referrer-policy')).toBe('no-referrer');
  expect(await res.text()).toMatch(/^<!doctype html>[\s\S]*<title>newapi sandbox · gatewaykit inspector<\/title>/);
});

test('inspector: the Content-Security-Policy allows the inline script and style by hash and nothing else', async () => {
  const res = await page();
  const html = await res.text();
  const policy = Object.fromEntries(res.headers.get('content-security-policy')!.split('; ').map((d) => [d.split(' ')[0], d.split(' ').slice(1).join(' ')]));
  expect(policy).toEqual({
    'default-src': "'none'",
    'script-src': `'sha256-${sha256(inlineScript(html))}'`,
    'style-src': `'sha256-${sha256(inlineStyle(html))}'`,
    'connect-src': "'self'",
    'base-uri': "'none'",
    'form-action': "'none'",
    'frame-ancestors': "'none'",
  });
  // One script and one stylesheet, both inline: nothing loads from anywhere, inline handlers included.
  expect(html.match(/<script/g)).toHaveLength(1);
  expect(html.match(/<style/g)).toHaveLength(1);
  expect(html).not.toMatch(/<link|\son[a-z]+=|\sstyle=/i);
});

test('inspector: every link and call in the page is relative, whatever Host the client sent', async () => {
  const res = await page();
  const html = await res.text();
  const urls = [...html.matchAll(/\s(?:href|src|action)="([^"]*)"/g)].map((m) => m[1]);
  expect(urls).toEqual(['state']);
  expect(html).not.toMatch(/https?:\/\/|localhost|127\.0\.0\.1/);
  // The script's calls name control routes relative to the page, so the page works under any base path too.
  expect(INSPECTOR_SCRIPT).not.toMatch(/fetch\((?!path)|['"]\/__mock|location\.(?:host|origin)/);
});

test('inspector: the state download link carries a download name for the dialect', async () => {
  expect(await (await page()).text()).toContain('<a id="download" href="state" download="gatewaykit-newapi-state.json">');
});

test('inspector: the page holds no data: the accounts come from the control API, not the document', async () => {
  const html = await (await page()).text();
  for (const account of api.server.accounts) expect(html).not.toContain(account.password);
});

test('inspector: the script writes data only as text and attributes, never as HTML', () => {
  expect(INSPECTOR_SCRIPT).not.toMatch(/innerHTML|outerHTML|insertAdjacentHTML|document\.write|createContextualFragment|\beval\(|new Function/);
  // Only http(s) URLs from a mail body become links: a javascript: one stays text.
  expect(INSPECTOR_SCRIPT).toContain("if (url.protocol !== 'http:' && url.protocol !== 'https:') continue;");
});

test('inspector: every dialect serves the page under its own name', async () => {
  for (const dialect of DIALECT_NAMES) {
    const res = await (await own(dialect)).get('/__mock/');
    expect(res.status, dialect).toBe(200);
    expect(await res.text(), dialect).toContain(`<title>${dialect} sandbox · gatewaykit inspector</title>`);
  }
});

test('inspector: a guarded sandbox serves the page without the token, never writes the token into it, and still guards the data', async () => {
  const token = 'inspector-control-token-0123456789';
  const { get } = await own('newapi', { token });
  const res = await get('/__mock/');
  expect(res.status).toBe(200);
  expect(await res.text()).not.toContain(token);
  // Sent along anyway (a tab that kept it), it is not echoed either.
  expect(await (await get('/__mock/', { headers: { 'x-gatewaykit-control-token': token } })).text()).not.toContain(token);
  expect((await get('/__mock/accounts')).status).toBe(401);
  expect((await get('/__mock/accounts', { headers: { 'x-gatewaykit-control-token': token } })).status).toBe(200);
});

test("inspector: with the control API off, /__mock/ is the dialect's 404 for an unknown path", async () => {
  const res = await (await own('newapi', false)).get('/__mock/');
  expect(res.status).toBe(404);
  expect(await res.json()).toMatchObject({ error: { message: 'Invalid URL (GET /__mock/)' } });
});

test('inspector: the page is not journaled and takes no injected fault', async () => {
  await api.raw('/__mock/faults', { method: 'PUT', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ error_rate: 1 }) });
  expect((await page()).status).toBe(200);
  expect(api.server.requests).toEqual([]);
});

test('inspector: /__mock without the slash redirects to the page relatively, so a base path in front is kept', async () => {
  const res = await api.raw('/__mock', { redirect: 'manual' });
  expect(res.status).toBe(308);
  expect(res.headers.get('location')).toBe('__mock/');
  expect(new URL(res.headers.get('location')!, 'http://sandbox.test/base/__mock').pathname).toBe('/base/__mock/');
  const { get } = await own('newapi', { token: 'inspector-control-token-0123456789' });
  expect((await get('/__mock', { redirect: 'manual' })).status).toBe(308);
  expect(api.server.requests).toEqual([]);
});

test("inspector: the page and its redirect answer within every dialect's contract checks, platform's code rule included", async () => {
  for (const dialect of DIALECT_NAMES) {
    const server = createReferenceServer({ dialect, seed: 1, clock: { frozen: true }, onResponse: contractObserver(dialect) });
    await server.ready;
    expect((await server.fetch('/__mock', { redirect: 'manual' })).status, dialect).toBe(308);
    expect((await server.fetch('/__mock/')).status, dialect).toBe(200);
  }
  expect(takeContractProblems()).toEqual([]);
});
