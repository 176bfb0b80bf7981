import { execFile } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, beforeAll, beforeEach, expect, test, vi } from 'vitest';
import { createReferenceServer, type ReferenceServer } from '../../mocks/index.js';
import { serve } from '../../mocks/node/index.js';
import { contractObserver } from '../support/contract.js';
import { transport } from '../support/harness.js';

/**
 * docs/guide/newapi.md is executable: every fenced block tagged `ts test` runs as an ES module against a fresh
 * reference server, its `gatewaykit/*` imports pointed at the sources and `http://127.0.0.1:4010` (the sandbox)
 * at this server. Over HTTP the address is rewritten to the served one; in-process the global `fetch` is routed
 * to `server.fetch` (the SDK looks `fetch` up on every call). A snippet fails by throwing: an SDK error, or one of
 * its own `assert`s. The snippets must also type-check, as a reader's editor would check them.
 */
const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const GUIDE = 'docs/guide/newapi.md';
const SANDBOX = 'http://127.0.0.1:4010';
// Longest first, so `gatewaykit/mock/node` is not taken for `gatewaykit/mock`.
const PACKAGES: Array<[string, string]> = [
  ['gatewaykit/mock/node', 'mocks/node/index.ts'],
  ['gatewaykit/newapi', 'src/newapi/index.ts'],
  ['gatewaykit/mock', 'mocks/index.ts'],
  ['gatewaykit', 'src/index.ts'],
];

interface Snippet {
  title: string;
  line: number;
  code: string;
}

/** The `ts test` blocks of a markdown text, each titled by the `##` section it sits in. */
function snippets(markdown: string): Snippet[] {
  const found: Snippet[] = [];
  let title = '(top)';
  let block: Snippet | undefined;
  for (const [index, text] of markdown.split('\n').entries()) {
    if (block) {
      if (text.startsWith('```')) (found.push(block), (block = undefined));
      else block.code += `${text}\n`;
    } else if (text.startsWith('## ')) {
      title = text.slice(3);
    } else if (/^```ts\s+test\s*$/.test(text)) {
      block = { title, line: index + 1, code: '' };
    }
  }
  return found;
}

function rewrite(code: string, baseURL: string): string {
  let out = code.replaceAll(SANDBOX, baseURL);
  for (const [name, path] of PACKAGES) out = out.replaceAll(`from '${name}'`, `from '${join(ROOT, path)}'`);
  return out;
}

const markdown = readFileSync(join(ROOT, GUIDE), 'utf8');
const SNIPPETS = snippets(markdown);
// One folder per process and transport: the two vitest projects run side by side.
const DIR = join(ROOT, '.tmp', 'guide', `${transport}-${process.pid}`);

let server: ReferenceServer<'newapi'>;
let baseURL = SANDBOX;
let close: (() => Promise<void>) | undefined;

beforeAll(async () => {
  server = createReferenceServer({ dialect: 'newapi', seed: 1, onResponse: contractObserver('newapi') });
  await server.ready;
  if (transport === 'http') {
    const http = await serve(server, { port: 0 });
    baseURL = http.url;
    close = http.close;
  } else {
    vi.stubGlobal('fetch', (input: RequestInfo | URL, init?: RequestInit) =>
      server.fetch(input instanceof Request && init === undefined ? input : new Request(input, init)),
    );
  }
  mkdirSync(DIR, { recursive: true });
  // The snippets print what a reader would see; the test output does not need it.
  vi.spyOn(console, 'log').mockImplementation(() => undefined);
});
beforeEach(() => server.reset());
afterAll(async () => {
  vi.unstubAllGlobals();
  vi.restoreAllMocks();
  rmSync(DIR, { recursive: true, force: true });
  await close?.();
});

test('guide: the newapi guide has runnable snippets in every section that promises them', () => {
  const sections = new Set(SNIPPETS.map((s) => s.title));
  for (const title of ['Log in with a password (session)', 'Log in with an access token', 'Two-factor authentication', 'API keys', 'Billing with the sandbox payment provider', 'Registration with email verification']) {
    expect(sections, title).toContain(title);
  }
});

test('guide: a snippet that throws fails its test', async () => {
  const file = join(DIR, 'broken.ts');
  writeFileSync(file, rewrite("import { NewApiClient } from 'gatewaykit/newapi';\nawait new NewApiClient({ baseURL: 'http://127.0.0.1:4010' }).self.retrieve();\n", baseURL));
  await expect(import(pathToFileURL(file).href)).rejects.toMatchObject({ name: 'AuthenticationError' });
});

test.each(SNIPPETS)(`guide: ${GUIDE}:$line ($title)`, async ({ code, line }) => {
  const file = join(DIR, `snippet-${line}.ts`);
  writeFileSync(file, rewrite(code, baseURL));
  await import(pathToFileURL(file).href);
});

// The type check does not depend on the transport, so one project runs it.
if (transport === 'in-process') {
  test('guide: every snippet type-checks against the sources, as gatewaykit/* imports', async () => {
    const dir = join(DIR, 'types');
    mkdirSync(dir, { recursive: true });
    const files = SNIPPETS.map(({ code, line }) => {
      const file = join(dir, `snippet-${line}.ts`);
      writeFileSync(file, code);
      return file;
    });
    const paths = Object.fromEntries(PACKAGES.map(([name, path]) => [name, [join(ROOT, path)]]));
    const config = { extends: join(ROOT, 'tsconfig.json'), compilerOptions: { noEmit: true, paths }, files, include: [] };
    writeFileSync(join(dir, 'tsconfig.json'), JSON.stringify(config));
    const tsc = join(ROOT, 'node_modules', 'typescript', 'bin', 'tsc');
    const result = await promisify(execFile)(process.execPath, [tsc, '-p', join(dir, 'tsconfig.json')]).catch((error: { stdout: string }) => error);
    expect(result.stdout).toBe('');
  }, 120_000);
}
