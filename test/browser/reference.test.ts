import { execFile } from 'node:child_process';
import { existsSync, mkdirSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { extname, join, normalize } from 'node:path';
import { promisify } from 'node:util';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { serve, type RunningServer } from '../../mocks/node/index.js';
import { launchChromium } from './browser.js';

// The API reference as a reader meets it: docs/api (built by `npm run docs`, which .ci/run runs first; built here
// when missing) served over HTTP, searched and followed in Chromium.
const root = new URL('../..', import.meta.url).pathname;
const site = join(root, 'docs', 'api');
const screenshots = join(root, '.tmp', 'screenshots');
const TYPES: Record<string, string> = { '.html': 'text/html', '.js': 'text/javascript', '.css': 'text/css', '.svg': 'image/svg+xml' };

let browser: Browser;
let docs: RunningServer;

beforeAll(async () => {
  if (!existsSync(join(site, 'index.html'))) await promisify(execFile)('npm', ['run', 'docs'], { cwd: root });
  docs = await serve({
    fetch: async (request) => {
      const path = decodeURIComponent(new URL(request.url).pathname);
      const file = normalize(join(site, path.endsWith('/') ? `${path}index.html` : path));
      if (!file.startsWith(site) || !existsSync(file)) return new Response('not found', { status: 404 });
      return new Response(await readFile(file), { headers: { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream' } });
    },
  });
  browser = await launchChromium();
}, 300_000);

afterAll(async () => {
  await browser?.close();
  await docs?.close();
});

test('reference: searching tokens.create leads to Tokens.create, whose params type lists its fields with types', async () => {
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  await page.goto(`${docs.url}/index.html`);
  await page.click('#tsd-search-trigger');
  await page.fill('#tsd-search-input', 'tokens.create');
  const results = page.locator('#tsd-search-results li a');
  // The search index loads and the box debounces its input: poll the results as they are listed.
  await expect.poll(async () => (await results.allTextContents()).map((text) => text.replace(/\s+/g, '')), { timeout: 10_000 }).toContain('gatewaykit/newapi.Tokens.create');
  await results.filter({ hasText: 'Tokens.create' }).first().click();
  await page.waitForURL(/Tokens\.html#create$/);

  // The method's signature names its params type; its page lists the fields.
  const create = page.locator('section.tsd-member:has(h3#create)');
  expect(await create.locator('.tsd-signature').first().textContent()).toContain('params?: TokenCreateParams');
  await create.locator('.tsd-signature a', { hasText: 'TokenCreateParams' }).first().click();
  await page.waitForURL(/TokenCreateParams\.html$/);
  const fields = await page.locator('section.tsd-member .tsd-signature').allTextContents();
  expect(fields).toEqual(
    expect.arrayContaining(['name?: string', 'remain_quota?: number', 'expired_time?: number', 'unlimited_quota?: boolean', 'model_limits?: string', 'allow_ips?: string | null']),
  );
  // The descriptions come from the OpenAPI document, and the fields are the model's own, not "inherited".
  expect(await page.locator('.col-content').textContent()).toContain('Allowed client IPs, one per line.');
  expect(await page.locator('section.tsd-member.tsd-is-inherited').count()).toBe(0);

  mkdirSync(screenshots, { recursive: true });
  await page.screenshot({ path: join(screenshots, 'reference-tokens-create.png'), fullPage: false });
  await page.close();
});

test('reference: the README links to repository files (guides, fidelity notes, LICENSE) open them in the repository, with no raw copies in the site', async () => {
  const page = await browser.newPage();
  await page.goto(`${docs.url}/index.html`);
  const { repository } = JSON.parse(await readFile(join(root, 'package.json'), 'utf8')) as { repository: { url: string } };
  const files = `${repository.url.replace(/^git\+/, '').replace(/\.git$/, '')}/blob/main/`;
  const hrefs = await page.locator('.col-content a').evaluateAll((links) => links.map((link) => link.getAttribute('href') ?? ''));
  for (const file of ['docs/fidelity.md', 'docs/guide/newapi.md', 'LICENSE', 'CHANGELOG.md']) expect(hrefs).toContain(`${files}${file}`);
  expect(hrefs.filter((href) => href.includes('media/'))).toEqual([]);
  // A file the README names in prose is a link too (issue 12: "its links are links"), not a path to copy by hand.
  const bare = await page.locator('.col-content').evaluate((content) => {
    const walker = document.createTreeWalker(content, NodeFilter.SHOW_TEXT);
    const found: string[] = [];
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      if (node.parentElement?.closest('a, code, pre')) continue;
      found.push(...(node.textContent?.match(/\b(?:docs|openapi|examples)\/[\w./-]+\.(?:md|yaml)\b/g) ?? []));
    }
    return found;
  });
  expect(bare).toEqual([]);
  expect(existsSync(join(site, 'media'))).toBe(false);
  await page.close();
});

test('reference: an accordion shows its chevron, turned while the group is closed', async () => {
  const page = await browser.newPage();
  await page.goto(`${docs.url}/interfaces/gatewaykit_newapi.TokenCreateParams.html`);
  const summary = page.locator('details.tsd-member-group > summary').first();
  const chevron = summary.locator('.tsd-chevron');
  const transform = () => chevron.evaluate((element) => getComputedStyle(element).transform);
  expect(await chevron.evaluate((element) => getComputedStyle(element, '::before').borderRightStyle)).toBe('solid');
  expect(await transform()).toBe('none');
  await summary.click();
  // rotate(-90deg) as a matrix: cos 0, sin -1.
  expect(await transform()).toMatch(/^matrix\((?:6\.\d+e-17|0), -1, 1, (?:6\.\d+e-17|0), 0, 0\)$/);
  await page.close();
});
