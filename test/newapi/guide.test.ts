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

test('guide: snippets may import every entry point package.json exports, from the source it is built from', () => {
  const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { exports: Record<string, unknown> };
  const published = Object.keys(pkg.exports).filter((k) => k !== './package.json').map((k) => `gatewaykit${k.slice(1)}`);
  const mapped = new Map(GATEWAYKIT_SOURCES);
  expect([...mapped.keys()].sort()).toEqual(published.sort());
  for (const [name, source] of mapped) expect(existsSync(join(ROOT, source)), `${name} → ${source}`).toBe(true);
});

test('guide: verifyEpayNotify is shown with its import from gatewaykit/newapi/epay', () => {
  const billing = guide.snippets.filter((s) => s.title === 'Billing with the sandbox payment provider');
  expect(billing.some((s) => /import \{[^}]*\bverifyEpayNotify\b[^}]*\} from 'gatewaykit\/newapi\/epay'/.test(s.code))).toBe(true);
});
