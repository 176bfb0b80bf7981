import { expect, test } from 'vitest';
import { useGuide } from '../support/guide.js';

// docs/guide/platform.md is executable: test/support/guide.ts runs each `ts test` block against a fresh
// reference server (seed 1, as `npm start -- --seed 1`) and type-checks them all.
const guide = useGuide({ guide: 'docs/guide/platform.md', dialect: 'platform', sandbox: 'http://127.0.0.1:4013' });

test('guide: the platform guide has runnable snippets in every section that promises them', () => {
  const sections = new Set(guide.snippets.map((s) => s.title));
  const promised = [
    'Log in',
    'Register',
    'Stay logged in: tokens and refresh',
    'Log out',
    'API keys',
    'Email verification codes',
    'Real-name verification',
    'Enterprise verification',
    'Enterprise members',
    'Platform administration',
    'Errors',
    'Servers that encrypt differently: `encryptPassword`',
    'In your own tests',
  ];
  for (const title of promised) expect(sections, title).toContain(title);
});

test('guide: the table of seeded accounts is what seed 1 seeds', () => {
  const rows = guide.markdown.split('\n').filter((line) => /^\| [a-z ]+ \| \S+@\S+ \| \S+ \|$/.test(line));
  expect(rows).toEqual(guide.server.accounts.map((a) => `| ${a.role} | ${a.email} | ${a.password} |`));
});

test('guide: a snippet that throws fails its test', async () => {
  const code = "import { PlatformClient } from 'gatewaykit/platform';\nawait new PlatformClient({ baseURL: 'http://127.0.0.1:4013' }).users.me.retrieve();\n";
  await expect(guide.run(code, 'broken')).rejects.toMatchObject({ name: 'AuthenticationError', code: 40101 });
});
