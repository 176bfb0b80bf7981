import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from 'vitest';
import { installedPackages, installProject, packed, ROOT, run, sizeOf } from './packed.js';

// The packed tarballs installed as a user installs them (issue 12): `npm i gatewaykit` brings only what the SDK
// runs, `npm i -D @gatewaykit/mock` adds the reference server and its dependencies, and msw only where `handlers`
// are read. npm installs take seconds on a loaded machine; the timeouts only guard against a hang.
const INSTALL_TIMEOUT = 300_000;

const SDK_ENTRIES = ['gatewaykit', 'gatewaykit/core', 'gatewaykit/newapi', 'gatewaykit/newapi/epay', 'gatewaykit/platform', 'gatewaykit/aether', 'gatewaykit/opencat'];

/** A fresh project with the packed SDK alone, as `npm i gatewaykit` gives it. */
const sdkProject = () => installProject('sdk', [packed().sdk]);
/** A fresh project with both packed packages and no msw. */
const mockProject = () => installProject('mock', [packed().sdk, packed().mock]);

function formatSize(bytes: number): string {
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

/** tsc's error lines for a consumer project of `files` with `lib: ["ES2022"]` and `types: ["node"]` only. */
function typeCheck(project: string, name: string, moduleResolution: 'bundler' | 'node16', files: string[]): string[] {
  const config = {
    compilerOptions: {
      target: 'ES2022',
      module: moduleResolution === 'bundler' ? 'ESNext' : 'Node16',
      moduleResolution,
      lib: ['ES2022'],
      types: ['node'],
      // @types/node from this repository: the consumer installs only the packages under test.
      typeRoots: [join(ROOT, 'node_modules', '@types')],
      strict: true,
      noEmit: true,
      skipLibCheck: false,
    },
    files,
  };
  writeFileSync(join(project, `tsconfig.${name}.json`), JSON.stringify(config));
  try {
    execFileSync(process.execPath, [join(ROOT, 'node_modules', 'typescript', 'bin', 'tsc'), '-p', `tsconfig.${name}.json`], { cwd: project, encoding: 'utf8' });
    return [];
  } catch (error) {
    return String((error as { stdout?: string }).stdout).split('\n').filter((line) => /error TS\d+/.test(line));
  }
}

test('install: the packed SDK brings only openapi-fetch (and its helper) and @noble/hashes, and prints its size', () => {
  const project = sdkProject();
  expect(installedPackages(project)).toEqual(['@noble/hashes', 'gatewaykit', 'openapi-fetch', 'openapi-typescript-helpers']);
  console.log(`install: gatewaykit installs 4 packages, ${formatSize(sizeOf(join(project, 'node_modules')))} of node_modules`);
}, INSTALL_TIMEOUT);

test.each(['bundler', 'node16'] as const)('install: the SDK declarations type-check without the DOM lib (moduleResolution %s)', (moduleResolution) => {
  const project = sdkProject();
  const code = `${SDK_ENTRIES.map((entry, i) => `import * as m${i} from '${entry}';`).join('\n')}
import { NewApiClient } from 'gatewaykit/newapi';
// credentials and headers were the DOM lib's RequestCredentials and HeadersInit.
const client = new NewApiClient({ baseURL: 'http://localhost', credentials: 'include', headers: { 'X-Trace': '1' } });
export const used = [client, ${SDK_ENTRIES.map((_, i) => `m${i}`).join(', ')}];
`;
  writeFileSync(join(project, `sdk-${moduleResolution}.ts`), code);
  expect(typeCheck(project, `sdk-${moduleResolution}`, moduleResolution, [`sdk-${moduleResolution}.ts`])).toEqual([]);
}, INSTALL_TIMEOUT);

test('install: the mock package brings its own dependencies and no msw, and prints its size', () => {
  const project = mockProject();
  const installed = installedPackages(project);
  for (const name of ['@gatewaykit/mock', 'gatewaykit', 'zod', '@faker-js/faker', 'otpauth', 'jose']) expect(installed).toContain(name);
  expect(installed.filter((name) => name === 'msw' || name === 'vitest')).toEqual([]);
  console.log(`install: gatewaykit + @gatewaykit/mock install ${installed.length} packages, ${formatSize(sizeOf(join(project, 'node_modules')))} of node_modules`);
}, INSTALL_TIMEOUT);

test('install: without msw, server.fetch serves a login and reading handlers says to install msw (ESM and CJS)', () => {
  const project = mockProject();
  writeFileSync(
    join(project, 'fetch-only.mjs'),
    `import { createReferenceServer } from '@gatewaykit/mock';
import { NewApiClient } from 'gatewaykit/newapi';
import { ApiError } from 'gatewaykit';
const server = createReferenceServer({ dialect: 'newapi', seed: 1 });
await server.ready;
const client = new NewApiClient({ baseURL: 'http://localhost', fetch: server.fetch });
await client.auth.login({ username: 'root', password: '123456' });
const me = await client.self.retrieve();
const missing = await client.users.retrieve(999999).catch((e) => e);
let handlers;
try { void server.handlers; } catch (e) { handlers = e.message; }
console.log(JSON.stringify({ username: me.username, sdkError: missing instanceof ApiError, handlers }));
`,
  );
  writeFileSync(
    join(project, 'fetch-only.cjs'),
    `const { createReferenceServer } = require('@gatewaykit/mock');
try { void createReferenceServer({ dialect: 'opencat', seed: 1 }).handlers; } catch (e) { console.log(e.message); }
`,
  );
  const esm = JSON.parse(run(process.execPath, ['fetch-only.mjs'], project)) as Record<string, unknown>;
  const message = 'Failed to build the msw handlers: msw is not installed. Please run `npm i -D msw` (msw is an optional peer of @gatewaykit/mock, needed only for `handlers`).';
  expect(esm).toEqual({ username: 'root', sdkError: true, handlers: message });
  expect(run(process.execPath, ['fetch-only.cjs'], project).trim()).toBe(message);
}, INSTALL_TIMEOUT);

test.each(['bundler', 'node16'] as const)('install: the mock declarations need no DOM lib of their own (moduleResolution %s)', (moduleResolution) => {
  const project = mockProject();
  const code = `import { createReferenceServer, SandboxClient } from '@gatewaykit/mock';
import { serve } from '@gatewaykit/mock/node';
import { NewApiClient } from 'gatewaykit/newapi';
const server = createReferenceServer({ dialect: 'newapi', seed: 1 });
const client = new NewApiClient({ baseURL: 'http://localhost', fetch: server.fetch });
export const used = [client, serve, SandboxClient, server.requests];
`;
  writeFileSync(join(project, `mock-${moduleResolution}.ts`), code);
  // msw is not installed here: the one import of msw's types (handlers) is the only line that may fail, and only
  // because msw is absent. msw's own declarations need the DOM lib; a user of handlers has it or skipLibCheck.
  const errors = typeCheck(project, `mock-${moduleResolution}`, moduleResolution, [`mock-${moduleResolution}.ts`]);
  expect(errors.filter((line) => !/Cannot find module 'msw'/.test(line))).toEqual([]);
}, INSTALL_TIMEOUT);

test('install: where msw cannot load synchronously (a browser), handlers before ready say to await it, after ready to install msw', () => {
  const project = mockProject();
  writeFileSync(
    join(project, 'no-sync-require.mjs'),
    `// A runtime without Node's synchronous require, as in a browser or a worker.
process.getBuiltinModule = undefined;
const { createReferenceServer } = await import('@gatewaykit/mock');
const server = createReferenceServer({ dialect: 'newapi', seed: 1 });
const read = () => { try { void server.handlers; return 'read'; } catch (e) { return e.message; } };
const before = read();
await server.ready;
console.log(JSON.stringify({ before, after: read() }));
`,
  );
  const install = 'Please run `npm i -D msw` (msw is an optional peer of @gatewaykit/mock, needed only for `handlers`).';
  expect(JSON.parse(run(process.execPath, ['no-sync-require.mjs'], project))).toEqual({
    before: `Failed to build the msw handlers: msw is not loaded yet. Please \`await server.ready\` before reading \`server.handlers\`; if msw is not installed: ${install}`,
    after: `Failed to build the msw handlers: msw is not installed. ${install}`,
  });
}, INSTALL_TIMEOUT);

test.each([
  ['gatewaykit', () => packed().sdk, ['dist/', 'openapi/']],
  ['@gatewaykit/mock', () => packed().mock, ['dist/']],
] as const)('install: the %s tarball holds its build, LICENSE, README and CHANGELOG only, links its repository, and publishes public', (name, tarball, built) => {
  const files = run('tar', ['-tzf', tarball()], ROOT).trim().split('\n').map((file) => file.replace(/^package\//, ''));
  expect(files.filter((file) => !built.some((dir) => file.startsWith(dir))).sort()).toEqual(['CHANGELOG.md', 'LICENSE', 'README.md', 'package.json']);
  const manifest = JSON.parse(run('tar', ['-xzOf', tarball(), 'package/package.json'], ROOT)) as Record<string, unknown>;
  expect(manifest.name).toBe(name);
  expect(Object.keys(manifest)).toEqual(expect.arrayContaining(['license', 'repository', 'homepage', 'bugs']));
  // A scoped package is published restricted (a paid private package) unless it says otherwise: `npm publish`
  // of @gatewaykit/mock would be refused with a 402 on a free scope.
  if (name.startsWith('@')) expect(manifest.publishConfig).toEqual({ access: 'public' });
});
