// Installs the packed tarballs of both packages (gatewaykit, @gatewaykit/mock) and msw into a scratch project, as a
// user would, then `import`s and `require`s every subpath and runs one real login through the built reference server.
// Fails loudly on a missing export, a broken CJS build, or a subpath that duplicates core classes.
import { execFileSync, spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const root = resolve(import.meta.dirname, '..');
const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
const mockPkg = JSON.parse(readFileSync(join(root, 'packages', 'mock', 'package.json'), 'utf8'));
const subpathsOf = (p) => Object.keys(p.exports).filter((key) => key !== './package.json').map((key) => (key === '.' ? p.name : `${p.name}/${key.slice(2)}`));
const scratch = mkdtempSync(join(tmpdir(), 'gatewaykit-smoke-'));
const run = (cmd, args, cwd = scratch) => execFileSync(cmd, args, { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] });

try {
  const pack = (...args) => join(scratch, run('npm', ['pack', '--silent', '--pack-destination', scratch, ...args], root).trim().split('\n').pop());
  const tarballs = [pack(), pack('--workspace', mockPkg.name)];
  writeFileSync(join(scratch, 'package.json'), JSON.stringify({ name: 'smoke', private: true }));
  run('npm', ['install', '--silent', '--no-audit', '--no-fund', '--prefer-offline', ...tarballs, `msw@${pkg.devDependencies.msw}`]);

  // Subpaths that need a peer the scratch project does not install: resolved and their exports read from the
  // type declarations' presence, not imported (vitest's hooks only work inside its runner).
  const RESOLVED_ONLY = ['@gatewaykit/mock/vitest'];
  const names = [...subpathsOf(pkg), ...subpathsOf(mockPkg)].filter((n) => !RESOLVED_ONLY.includes(n));
  const expectations = {
    gatewaykit: ['ApiError', 'GatewayError', 'isGatewayError', 'isNotFoundError', 'Page'],
    'gatewaykit/core': ['BaseClient', 'Resource', 'cookieSession', 'staticBearer', 'tokenSession', 'offsetPager', 'uuidId'],
    'gatewaykit/newapi': ['NewApiClient', 'NewApiCore', 'TwoFactorRequiredError', 'isTwoFactorRequiredError', 'quotaToUsd'],
    'gatewaykit/newapi/epay': ['signEpayParams', 'verifyEpayNotify'],
    'gatewaykit/platform': ['PlatformClient', 'platformEnvelope'],
    'gatewaykit/aether': ['AetherClient', 'aetherEnvelope', 'isAetherError', 'FINAL_MESSAGES'],
    'gatewaykit/opencat': ['OpenCatClient', 'openCatEnvelope', 'Users', 'Keys', 'Usages'],
    '@gatewaykit/mock': ['createReferenceServer'],
    '@gatewaykit/mock/node': ['serve'],
  };
  for (const name of names) if (!expectations[name]) throw new Error(`Failed to smoke-test: no expectations for subpath ${name}. Please add them.`);

  const esm = `
    ${names.map((n, i) => `import * as m${i} from '${n}';`).join('\n')}
    const modules = { ${names.map((n, i) => `'${n}': m${i}`).join(', ')} };
    const expected = ${JSON.stringify(expectations)};
    for (const [name, exports] of Object.entries(expected)) for (const e of exports) if (!(e in modules[name])) throw new Error('ESM: ' + name + ' lacks ' + e);
    const server = modules['@gatewaykit/mock'].createReferenceServer({ dialect: 'newapi', seed: 1 });
    const client = new modules['gatewaykit/newapi'].NewApiClient({ baseURL: 'http://localhost', fetch: server.fetch });
    await client.auth.login({ username: 'root', password: '123456' });
    const me = await client.self.retrieve();
    if (me.username !== 'root') throw new Error('ESM: login did not reach /api/user/self');
    const err = await client.users.retrieve(999999).catch((e) => e);
    if (!(err instanceof modules.gatewaykit.ApiError)) throw new Error('ESM: errors of gatewaykit/newapi are not instances of gatewaykit ApiError');
    const notFound = async () => new Response(JSON.stringify({ code: 40401, message: 'User not found.', data: null }), { status: 404 });
    const platform = new modules['gatewaykit/platform'].PlatformClient({ baseURL: 'http://localhost', fetch: notFound, tokens: { access_token: 'at_x' } });
    const platformErr = await platform.admin.users.retrieve('u_01HX3Z8K9Q2M7N4P5R6S7T8V9W').catch((e) => e);
    if (!(platformErr instanceof modules.gatewaykit.NotFoundError) || platformErr.code !== 40401) throw new Error('ESM: errors of gatewaykit/platform are not instances of gatewaykit NotFoundError');
    const aetherNotFound = async () => new Response(JSON.stringify({ error: { type: 'not_found', message: '用户不存在', details: { resource_type: 'user' } } }), { status: 404 });
    const aether = new modules['gatewaykit/aether'].AetherClient({ baseURL: 'http://localhost', fetch: aetherNotFound, tokens: { access_token: 'eyJ.x.y' } });
    const aetherErr = await aether.users.retrieve('6f1c2a3b-4d5e-4f60-8a7b-9c0d1e2f3a4b').catch((e) => e);
    if (!(aetherErr instanceof modules.gatewaykit.NotFoundError) || !modules['gatewaykit/aether'].isAetherError(aetherErr, 'not_found')) throw new Error('ESM: errors of gatewaykit/aether are not instances of gatewaykit NotFoundError');
    const aetherServer = modules['@gatewaykit/mock'].createReferenceServer({ dialect: 'aether', seed: 1 });
    await aetherServer.ready;
    const aetherAdmin = aetherServer.accounts.find((a) => a.role === 'admin');
    const aetherClient = new modules['gatewaykit/aether'].AetherClient({ baseURL: 'http://localhost', fetch: aetherServer.fetch });
    await aetherClient.auth.login({ email: aetherAdmin.email, password: aetherAdmin.password });
    const aetherUsers = [];
    for await (const user of aetherClient.users.list({ pageSize: 2 })) aetherUsers.push(user.email);
    if (!aetherUsers.includes('admin@localhost')) throw new Error('ESM: an aether login did not reach /api/admin/users');
    // opencatd-open answers many failures with HTTP 200: the error still comes out typed, across subpaths.
    const rootDelete = async () => new Response('{"error":"invalid user id"}', { status: 200 });
    const opencat = new modules['gatewaykit/opencat'].OpenCatClient({ baseURL: 'http://localhost', fetch: rootDelete, token: 'root-token' });
    const opencatErr = await opencat.users.delete(1).catch((e) => e);
    if (!(opencatErr instanceof modules.gatewaykit.ValidationError) || opencatErr.message !== 'invalid user id') throw new Error('ESM: errors of gatewaykit/opencat are not instances of gatewaykit ValidationError');
    // msw installed: the handlers load it on first read, and answer through the user's own msw.
    const { setupServer } = await import('msw/node');
    const msw = setupServer(...modules['@gatewaykit/mock'].createReferenceServer({ dialect: 'newapi', seed: 1, baseUrl: 'http://gateway.test' }).handlers);
    msw.listen({ onUnhandledRequest: 'error' });
    const viaMsw = await fetch('http://gateway.test/api/user/login', { method: 'POST', body: JSON.stringify({ username: 'root', password: '123456' }) });
    msw.close();
    if (!(await viaMsw.json()).success) throw new Error('ESM: the msw handlers did not serve a login');
    if ('BaseClient' in modules.gatewaykit || 'signEpayParams' in modules['gatewaykit/newapi']) throw new Error('ESM: machinery or merchant helpers leak into an app entry');
    // Two copies loaded together (ESM and CJS): instanceof fails across them, the guards do not.
    const cjs = (await import('node:module')).createRequire(import.meta.url)('gatewaykit');
    const foreign = new cjs.NotFoundError({ status: 404, message: 'x', dialect: 'newapi', request: { method: 'GET', url: 'http://x/' } });
    if (!modules.gatewaykit.isNotFoundError(foreign) || modules.gatewaykit.isConflictError(foreign)) throw new Error('ESM: the guards do not hold for an error of the CJS copy');
    console.log('esm ok');`;
  const cjs = `
    const expected = ${JSON.stringify(expectations)};
    for (const [name, exports] of Object.entries(expected)) {
      const mod = require(name);
      for (const e of exports) if (!(e in mod)) throw new Error('CJS: ' + name + ' lacks ' + e);
    }
    const { ApiError } = require('gatewaykit');
    const { NewApiClient } = require('gatewaykit/newapi');
    const { PlatformClient } = require('gatewaykit/platform');
    const { AetherClient } = require('gatewaykit/aether');
    const { OpenCatClient } = require('gatewaykit/opencat');
    const { createReferenceServer } = require('@gatewaykit/mock');
    const server = createReferenceServer({ dialect: 'newapi', seed: 1 });
    const client = new NewApiClient({ baseURL: 'http://localhost', fetch: server.fetch });
    const platform = new PlatformClient({ baseURL: 'http://localhost', fetch: async () => new Response('{"code":40101,"message":"x","data":null}', { status: 401 }) });
    const aether = new AetherClient({ baseURL: 'http://localhost', fetch: async () => new Response('{"detail":"Not Found"}', { status: 404 }) });
    const opencat = new OpenCatClient({ baseURL: 'http://localhost', token: 't', fetch: async () => new Response('{"error":"record not found"}', { status: 403 }) });
    Promise.all([client.users.retrieve(1).catch((e) => e), platform.users.me.retrieve().catch((e) => e), aether.me.retrieve().catch((e) => e), opencat.users.resetToken(9).catch((e) => e)]).then(([e, p, a, o]) => {
      if (!(e instanceof ApiError)) throw new Error('CJS: error is not a gatewaykit ApiError');
      if (!(p instanceof ApiError)) throw new Error('CJS: platform error is not a gatewaykit ApiError');
      if (!(a instanceof ApiError) || a.message !== 'Not Found') throw new Error('CJS: aether error is not a gatewaykit ApiError with the detail');
      if (!(o instanceof ApiError) || o.name !== 'NotFoundError') throw new Error('CJS: opencat error is not a gatewaykit NotFoundError');
      console.log('cjs ok');
    });`;
  writeFileSync(join(scratch, 'smoke.mjs'), esm);
  writeFileSync(join(scratch, 'smoke.cjs'), cjs);
  process.stdout.write(run('node', ['smoke.mjs']));
  process.stdout.write(run('node', ['smoke.cjs']));
  for (const name of RESOLVED_ONLY) {
    const resolved = run('node', ['--input-type=module', '-e', `console.log(import.meta.resolve('${name}'))`]).trim();
    if (!resolved.endsWith('.js')) throw new Error(`${name} does not resolve to a file: ${resolved}`);
  }
  // The bin, as a user runs it from the installed package: version, then a real start and a login over HTTP.
  const version = run('npx', ['--no-install', 'gatewaykit-sandbox', '--version']).trim();
  if (version !== mockPkg.version) throw new Error(`bin: --version printed "${version}", not ${mockPkg.version}`);
  await smokeBin(join(scratch, 'node_modules', '.bin', 'gatewaykit-sandbox'));
  console.log('bin ok');
  console.log(`package smoke test passed for ${names.join(', ')}`);
} finally {
  rmSync(scratch, { recursive: true, force: true });
}

async function smokeBin(bin) {
  const child = spawn(bin, ['--dialect', 'newapi', '--port', '0', '--json'], { stdio: ['ignore', 'pipe', 'inherit'] });
  try {
    const line = await new Promise((resolve, reject) => {
      let out = '';
      child.stdout.on('data', (chunk) => {
        out += chunk;
        if (out.includes('\n')) resolve(out.split('\n')[0]);
      });
      child.on('exit', (code) => reject(new Error(`bin: exited (${code}) before printing its JSON line`)));
    });
    const { url } = JSON.parse(line);
    const login = await fetch(`${url}/api/user/login`, { method: 'POST', body: JSON.stringify({ username: 'root', password: '123456' }) });
    if (!(await login.json()).success) throw new Error('bin: root/123456 did not log in over HTTP');
  } finally {
    child.kill('SIGINT');
  }
}
