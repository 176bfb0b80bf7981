import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect, test } from 'vitest';
import { useGuide } from '../support/guide.js';
import { GATEWAYKIT_SOURCES } from '../support/snippets.js';

// docs/guide/newapi.md is executable: test/support/guide.ts runs each `ts test` block against a fresh
// reference server (seed 1) and type-checks them all.
const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const guide = useGuide({ guide: 'docs/guide/newapi.md', dialect: 'newapi', sandbox: 'http://127.0.0.1:4010' });

test('guide: the newapi guide has runnable snippets in every section that promises them', () => {
  const sections = new Set(guide.snippets.map((s) => s.title));
  for (const title of ['Log in with a password (session)', 'Log in with an access token', 'Two-factor authentication', 'API keys', 'Billing with the sandbox payment provider', 'Registration with email verification']) {
    expect(sections, title).toContain(title);
  }
});

test('guide: a snippet that throws fails its test', async () => {
  const code = "import { NewApiClient } from 'gatewaykit/newapi';\nawait new NewApiClient({ baseURL: 'http://127.0.0.1:4010' }).self.retrieve();\n";
  await expect(guide.run(code, 'broken')).rejects.toMatchObject({ name: 'AuthenticationError' });
});

test('guide: snippets may import every entry point both packages export, from the source it is built from', () => {
  const published = ['package.json', 'packages/mock/package.json'].flatMap((file) => {
    const pkg = JSON.parse(readFileSync(join(ROOT, file), 'utf8')) as { name: string; exports: Record<string, unknown> };
    return Object.keys(pkg.exports).filter((k) => k !== './package.json').map((k) => `${pkg.name}${k.slice(1)}`);
  });
  const mapped = new Map(GATEWAYKIT_SOURCES);
  expect([...mapped.keys()].sort()).toEqual(published.sort());
  for (const [name, source] of mapped) expect(existsSync(join(ROOT, source)), `${name} → ${source}`).toBe(true);
  // The mock sources import the SDK by these names; tsc resolves them through tsconfig.json's paths, vitest through
  // the aliases vitest.config.ts builds from this list. The two must not drift apart.
  const { compilerOptions } = JSON.parse(readFileSync(join(ROOT, 'tsconfig.json'), 'utf8')) as { compilerOptions: { paths: Record<string, string[]> } };
  expect(compilerOptions.paths).toEqual(Object.fromEntries([...mapped].map(([name, source]) => [name, [`./${source}`]])));
});

test('guide: verifyEpayNotify is shown with its import from gatewaykit/newapi/epay', () => {
  const billing = guide.snippets.filter((s) => s.title === 'Billing with the sandbox payment provider');
  expect(billing.some((s) => /import \{[^}]*\bverifyEpayNotify\b[^}]*\} from 'gatewaykit\/newapi\/epay'/.test(s.code))).toBe(true);
});
