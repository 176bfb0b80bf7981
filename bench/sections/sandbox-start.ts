import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { DIALECT_NAMES } from '../../mocks/index.js';
import { compare, type Comparison } from '../lib/measure.js';

const BIN = fileURLToPath(new URL('../../packages/mock/dist/sandbox.js', import.meta.url));
// The anchor: a Node process that starts a bare node:http server and says where it listens.
const RAW = `require('node:http').createServer((q, s) => s.end()).listen(0, '127.0.0.1', function () { console.log(JSON.stringify({ url: 'http://127.0.0.1:' + this.address().port })); });`;

/** Spawns `args`, resolves once `lines` lines are on stdout and a request to the first URL answers, then kills it. */
function startToServing(args: string[], lines: number): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, args, { stdio: ['ignore', 'pipe', 'ignore'] });
    let out = '';
    let done = false;
    child.stdout.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      if (done || out.split('\n').length <= lines) return;
      done = true;
      const { url } = JSON.parse(out.split('\n')[0]!) as { url: string };
      fetch(`${url}/`).then((r) => r.arrayBuffer()).then(() => (child.kill(), resolve()), (error: unknown) => (child.kill(), reject(error)));
    });
    child.on('exit', (code) => done || reject(new Error(`Failed to start ${args.join(' ')}: exited with ${code}.`)));
  });
}

/**
 * `gatewaykit-sandbox --json --port 0` (the built bin, every dialect) from spawn to its first answer over HTTP,
 * against a Node process that serves a bare node:http server: what the sandbox adds to Node's own start.
 * The sandbox issue's bound (≤ 1 s) is absolute, so the row quotes the median time beside the ratio.
 */
export async function sandboxStart(quick: boolean): Promise<Comparison> {
  if (!existsSync(BIN)) throw new Error('Failed to find packages/mock/dist/sandbox.js. Please run `npm run build` first.');
  return compare(
    'node:http',
    {
      'node:http': () => startToServing(['-e', RAW], 1),
      sandbox: () => startToServing([BIN, '--json', '--port', '0'], DIALECT_NAMES.length),
    },
    quick ? { rounds: 3, iterations: 1, warmup: 1 } : { rounds: 9, iterations: 1, warmup: 1 },
  );
}
