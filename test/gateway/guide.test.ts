import { expect, test } from 'vitest';
import { CAPABILITIES, capabilityMatrix, matrixBlock } from '../support/capability-matrix.js';
import { useGuideOver } from '../support/guide.js';

// docs/guide/gateway.md is executable: test/support/guide.ts runs each `ts test` block against fresh reference
// servers of the four dialects (seed 1, as `npm start -- --seed 1`), each reached at its sandbox address.
const guide = useGuideOver('docs/guide/gateway.md', [
  { dialect: 'newapi', sandbox: 'http://127.0.0.1:4010' },
  { dialect: 'aether', sandbox: 'http://127.0.0.1:4011' },
  { dialect: 'opencat', sandbox: 'http://127.0.0.1:4012' },
  { dialect: 'platform', sandbox: 'http://127.0.0.1:4013' },
]);

test('guide: the capability matrix is what the adapters\' capabilities say (npm run docs:gateway writes it)', () => {
  expect(matrixBlock(guide.markdown), 'the matrix markers in docs/guide/gateway.md').toBeDefined();
  expect(matrixBlock(guide.markdown)).toBe(capabilityMatrix(CAPABILITIES));
});

test('guide: the matrix has a row per operation and a cell per dialect, and tells an unsupported cell by its alternative', () => {
  const changed = { ...CAPABILITIES, opencat: { ...CAPABILITIES.opencat, 'quota.set': { supported: true } } };
  expect(capabilityMatrix(changed)).not.toBe(capabilityMatrix(CAPABILITIES));
  const row = capabilityMatrix(CAPABILITIES).split('\n').find((line) => line.startsWith('| `quota.reset` |'))!;
  expect(row.split(' | ')).toHaveLength(5);
  expect(row).toContain(`✗ use ${CAPABILITIES.opencat['quota.reset'].alternative}`);
});

test('guide: the gateway guide has runnable snippets in every section that promises them', () => {
  const sections = new Set(guide.snippets.map((s) => s.title));
  for (const title of ['Connect', 'What each dialect can do', 'Users', 'Keys', 'Quotas and money', 'Usage', 'Errors', 'In your own tests']) expect(sections, title).toContain(title);
});

test('guide: the credentials the snippets use are the ones seed 1 seeds', () => {
  const code = guide.snippets.map((s) => s.code).join('\n');
  const aether = guide.server('aether').accounts.find((a) => a.role === 'admin')!;
  const root = guide.server('opencat').accounts.find((a) => a.role === 'root')!;
  expect(code).toContain(`{ email: '${aether.email}', password: '${aether.password}' }`);
  expect(code).toContain(`{ token: '${root.token}' }`);
  expect(guide.markdown).toContain(`\`${aether.email}\` /\n\`${aether.password}\``);
});
