import { startServer } from '../lib/child.js';
import { load, type LoadResult } from '../lib/load.js';
import { median } from '../lib/measure.js';

type Name = 'raw' | 'reference' | 'msw';
const scripts: Record<Name, string> = { raw: 'raw.ts', reference: 'reference.ts', msw: 'msw-middleware.ts' };

/** req/s and latency of the HTTP reference server, a raw node:http server and msw's http-middleware. */
export async function httpServers(quick: boolean): Promise<Record<Name, LoadResult>> {
  const names = Object.keys(scripts) as Name[];
  const servers = await Promise.all(names.map((n) => startServer(new URL(`../servers/${scripts[n]}`, import.meta.url).pathname)));
  try {
    const runs: Record<Name, LoadResult[]> = { raw: [], reference: [], msw: [] };
    for (let round = 0; round < 3; round++) {
      for (let i = 0; i < names.length; i++) {
        const k = (i + round) % names.length;
        runs[names[k]!].push(await load(`${servers[k]!.url}/api/user/groups`, { durationMs: quick ? 1000 : 2000 }));
      }
    }
    const summary = (results: LoadResult[]): LoadResult => ({
      rps: median(results.map((r) => r.rps)),
      p50Ms: median(results.map((r) => r.p50Ms)),
      p99Ms: median(results.map((r) => r.p99Ms)),
      errors: results.reduce((sum, r) => sum + r.errors, 0),
    });
    return { raw: summary(runs.raw), reference: summary(runs.reference), msw: summary(runs.msw) };
  } finally {
    for (const server of servers) server.stop();
  }
}
