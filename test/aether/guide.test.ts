import { expect, test } from 'vitest';
import { useGuide } from '../support/guide.js';

// docs/guide/aether.md is executable: test/support/guide.ts runs each `ts test` block against a fresh reference
// server (seed 1, as `npm start -- --dialect aether --seed 1`) and type-checks them all.
const guide = useGuide({ guide: 'docs/guide/aether.md', dialect: 'aether', sandbox: 'http://127.0.0.1:4011' });

test('guide: the aether guide has runnable snippets in every section the issue promises', () => {
  const sections = new Set(guide.snippets.map((s) => s.title));
  const promised = [
    'Log in',
    'Stay logged in: tokens and refresh',
    'Log out',
    'Your profile and password',
    'Your API keys',
    'Manage users',
    "A user's API keys",
    'Quotas',
    'Usage',
    'Errors',
    'In your own tests',
  ];
  for (const title of promised) expect(sections, title).toContain(title);
});

test('guide: the table of seeded accounts is what seed 1 seeds', () => {
  const rows = guide.markdown.split('\n').filter((line) => /^\| (admin|user|inactive user) \| \S+ \| \S+@\S+ \| \S+ \|$/.test(line));
  expect(rows).toEqual(guide.server.accounts.map((a) => `| ${a.role} | ${a.username} | ${a.email} | ${a.password} |`));
});

test('guide: a snippet that throws fails its test', async () => {
  const code = "import { AetherClient } from 'gatewaykit/aether';\nawait new AetherClient({ baseURL: 'http://127.0.0.1:4011' }).me.retrieve();\n";
  await expect(guide.run(code, 'broken')).rejects.toMatchObject({ name: 'AuthenticationError', message: '缺少用户凭证' });
});
