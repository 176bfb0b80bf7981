import { expect, test } from 'vitest';
import { useGuide } from '../support/guide.js';

// docs/guide/opencat.md is executable: test/support/guide.ts runs each `ts test` block against a fresh
// reference server (seed 1, as `npm start -- --dialect opencat --seed 1`) and type-checks them all.
const guide = useGuide({ guide: 'docs/guide/opencat.md', dialect: 'opencat', sandbox: 'http://127.0.0.1:4012' });

test('guide: the opencat guide has runnable snippets in every section that promises them', () => {
  const sections = new Set(guide.snippets.map((s) => s.title));
  const promised = ['Connect with root\'s token', 'Set up a new server: `users.init()`', 'Users', 'Tokens: `users.resetToken()`', 'Upstream keys', 'Usage', 'Errors', 'In your own tests'];
  for (const title of promised) expect(sections, title).toContain(title);
});

test('guide: the table of seeded accounts is what seed 1 seeds, root token included', () => {
  const rows = guide.markdown.split('\n').filter((line) => /^\| (root|user) \| \S+ \| [0-9a-f-]{36} \|$/.test(line));
  expect(rows).toEqual(guide.server.accounts.map((a) => `| ${a.role} | ${a.username} | ${a.token} |`));
  const root = guide.server.accounts.find((a) => a.role === 'root')!;
  const clientTokens = guide.snippets.flatMap((s) => [...s.code.matchAll(/new OpenCatClient\(\{[^}]*\btoken: '([^']+)'/g)].map((m) => m[1]));
  expect(clientTokens.length).toBeGreaterThan(0);
  expect(new Set(clientTokens)).toEqual(new Set([root.token]));
});

test('guide: a snippet that throws fails its test', async () => {
  const code = "import { OpenCatClient } from 'gatewaykit/opencat';\nawait new OpenCatClient({ baseURL: 'http://127.0.0.1:4012' }).users.list();\n";
  await expect(guide.run(code, 'broken')).rejects.toMatchObject({ name: 'AuthenticationError', status: 401, message: 'Unauthorized' });
});
