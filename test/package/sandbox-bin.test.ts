import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, expect, test } from 'vitest';
import { DIALECT_NAMES } from '../../mocks/index.js';
import { installProject, packed } from './packed.js';

// The bin as `npx gatewaykit-sandbox` runs it: from @gatewaykit/mock's packed tarball, installed with the SDK's into a
// fresh project (`npm test` builds before the test projects run).
let BIN = '';
beforeAll(() => {
  const { sdk, mock } = packed();
  BIN = join(installProject('mock', [sdk, mock]), 'node_modules', '@gatewaykit', 'mock', 'dist', 'sandbox.js');
}, 300_000);

interface Child {
  /** Resolves with the first `n` stdout lines. */
  lines(n: number): Promise<string[]>;
  signal(name: NodeJS.Signals): void;
  exited: Promise<{ code: number | null; stdout: string; stderr: string }>;
}

function startBin(...args: string[]): Child {
  const child = spawn(process.execPath, [BIN, ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  const waiting: Array<{ n: number; resolve: (lines: string[]) => void }> = [];
  const settle = () => {
    const lines = stdout.split('\n').slice(0, -1);
    for (const w of waiting.splice(0)) lines.length >= w.n ? w.resolve(lines.slice(0, w.n)) : waiting.push(w);
  };
  child.stdout.on('data', (chunk: Buffer) => {
    stdout += chunk.toString();
    settle();
  });
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const exited = new Promise<{ code: number | null; stdout: string; stderr: string }>((resolve) => child.on('exit', (code) => resolve({ code, stdout, stderr })));
  return {
    lines: (n) => new Promise((resolve, reject) => {
      waiting.push({ n, resolve });
      settle();
      void exited.then(({ code }) => reject(new Error(`the sandbox exited (${code}) before printing ${n} lines: ${stderr}`)));
    }),
    signal: (name) => child.kill(name),
    exited,
  };
}

test('bin: --version prints the version and exits 0; an unknown flag exits 2 pointing at --help', async () => {
  const { version } = JSON.parse(readFileSync(new URL('../../packages/mock/package.json', import.meta.url), 'utf8')) as { version: string };
  expect(await startBin('--version').exited).toEqual({ code: 0, stdout: `${version}\n`, stderr: '' });
  expect(await startBin('--prot', '1').exited).toEqual({ code: 2, stdout: '', stderr: 'Failed to start: unknown option --prot. See --help for the options.\n' });
}, 30_000);

test('bin: serves every dialect, and Ctrl-C saves the state, prints one line and exits 0', async () => {
  const path = join(mkdtempSync(join(tmpdir(), 'gatewaykit-bin-')), 'state.json');
  const child = startBin('--port', '0', '--json', '--state', path);
  const summaries = (await child.lines(DIALECT_NAMES.length)).map((line) => JSON.parse(line) as { dialect: string; url: string });
  expect(summaries.map((s) => s.dialect)).toEqual(DIALECT_NAMES);
  const newapi = summaries.find((s) => s.dialect === 'newapi')!;
  const login = await fetch(`${newapi.url}/api/user/login`, { method: 'POST', body: JSON.stringify({ username: 'root', password: '123456' }) });
  expect(((await login.json()) as { success: boolean }).success).toBe(true);
  child.signal('SIGINT');
  const { code, stdout, stderr } = await child.exited;
  expect(code).toBe(0);
  expect(stderr).toBe(`gatewaykit-sandbox: stopped (SIGINT), state saved to ${path}\n`);
  expect(stdout.trimEnd().split('\n')).toHaveLength(DIALECT_NAMES.length);
  const saved = JSON.parse(readFileSync(path, 'utf8')) as { format: string; dialects: Record<string, unknown> };
  expect(saved.format).toBe('gatewaykit-sandbox-state');
  expect(Object.keys(saved.dialects).sort()).toEqual([...DIALECT_NAMES].sort());
}, 30_000);
