import { expect, test } from 'vitest';
import { useGuide } from '../support/guide.js';

// docs/guide/newapi.md is executable: test/support/guide.ts runs each `ts test` block against a fresh
// reference server (seed 1) and type-checks them all.
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
