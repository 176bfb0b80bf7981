/**
 * The two packages as a user installs them: `npm pack` of the built SDK and of @gatewaykit/mock, installed into
 * fresh projects in a scratch directory. Packed and installed once per worker (the test files of test/package share
 * it); `npm test` builds before these run.
 * @module
 */
import { execFileSync } from 'node:child_process';
import { existsSync, lstatSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The repository root. */
export const ROOT = fileURLToPath(new URL('../..', import.meta.url));

/** Runs a command to completion and returns its stdout; its stderr goes to the test's output. */
export function run(cmd: string, args: string[], cwd: string): string {
  return execFileSync(cmd, args, { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] });
}

let tarballs: { dir: string; sdk: string; mock: string } | undefined;

/** The two tarballs, packed from the built dist/ folders (once). */
export function packed(): { dir: string; sdk: string; mock: string } {
  if (tarballs) return tarballs;
  for (const built of ['dist/index.js', 'packages/mock/dist/index.js']) {
    if (!existsSync(join(ROOT, built))) throw new Error(`Failed to pack: ${built} is missing. Please run \`npm run build\` first (npm test does).`);
  }
  const dir = mkdtempSync(join(tmpdir(), 'gatewaykit-packed-'));
  const pack = (...args: string[]) => join(dir, run('npm', ['pack', '--silent', '--pack-destination', dir, ...args], ROOT).trim().split('\n').pop()!);
  tarballs = { dir, sdk: pack(), mock: pack('--workspace', '@gatewaykit/mock') };
  return tarballs;
}

const projects = new Map<string, string>();

/**
 * A fresh project (`type: module`) with `specs` installed by npm (tarball paths or registry names; the npm cache
 * serves what it holds). The same specs give the same project within a worker.
 *
 * @example
 * const project = installProject('sdk', [packed().sdk]);
 */
export function installProject(name: string, specs: string[]): string {
  const key = `${name}\n${specs.join('\n')}`;
  const existing = projects.get(key);
  if (existing) return existing;
  const dir = join(packed().dir, name);
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, 'package.json'), JSON.stringify({ name: `consumer-${name}`, private: true, type: 'module' }));
  run('npm', ['install', '--silent', '--no-audit', '--no-fund', '--prefer-offline', ...specs], dir);
  projects.set(key, dir);
  return dir;
}

/** The names of the packages npm installed into `project`, sorted. */
export function installedPackages(project: string): string[] {
  const lock = JSON.parse(readFileSync(join(project, 'node_modules', '.package-lock.json'), 'utf8')) as { packages: Record<string, unknown> };
  return Object.keys(lock.packages)
    .map((path) => path.slice(path.lastIndexOf('node_modules/') + 'node_modules/'.length))
    .sort();
}

/** Bytes on disk under `dir` (files, not following links), as `du` counts a fresh install. */
export function sizeOf(dir: string): number {
  let total = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    total += entry.isDirectory() ? sizeOf(path) : lstatSync(path).size;
  }
  return total;
}
