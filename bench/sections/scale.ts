import { fork } from 'node:child_process';
import { createInterface } from 'node:readline';
import { load } from '../lib/load.js';
import { median } from '../lib/measure.js';

/** How many generated users the scale figures hold (the 100,000). */
export const SCALE_USERS = 100_000;

/**
 * Search keywords over the generated names: a plain one, and LIKE patterns meant to be slow (wildcards only, a
 * literal after a long `_` run that most addresses hold, the search section's worst). `%` and `_` stay wildcards.
 */
export const SCALE_PATTERNS = {
  'every user (%_%)': '%_%',
  'wildcards only (%_%_%_%_%)': '%_%_%_%_%',
  '24 × _ then a': `${'_'.repeat(24)}a`,
  '24 × _': '_'.repeat(24),
  '_a_a_a (a common letter between wildcards)': '_a_a_a',
  '%_ × 10 then !': '%_%_%_%_%_%_%_%_%_%_%!',
  '100 characters, long runs': `${'_'.repeat(24)}%${'a_'.repeat(37)}%!`,
} as const;

/** What the scale section measures, medians in milliseconds (RSS in bytes). */
export interface ScaleFigures {
  seedMs: number;
  rssBytes: number;
  listMs: number;
  anchorMs: number;
  searchMs: number;
  patternMs: Record<keyof typeof SCALE_PATTERNS, number>;
  exportMs: number;
  /** JSON.stringify of the same state in the server's process: the string the export no longer builds. */
  stringifyMs: number;
  exportBytes: number;
  rssAfterExportBytes: number;
}

async function startScaleServer(): Promise<{ url: string; anchor: string; cookie: string; seedMs: number; stop(): void }> {
  const script = new URL('../servers/scale.ts', import.meta.url).pathname;
  const child = fork(script, [String(SCALE_USERS)], { execArgv: ['--import', 'tsx', '--expose-gc'], stdio: ['ignore', 'pipe', 'inherit', 'ipc'] });
  const timer = setTimeout(() => child.kill(), 120_000);
  const found: Record<string, string> = {};
  for await (const line of createInterface({ input: child.stdout! })) {
    const [key, ...rest] = line.split(' ');
    if (key!.startsWith('http://')) {
      clearTimeout(timer);
      return { url: key!, anchor: found.anchor!, cookie: found.cookie!, seedMs: Number(found.seed), stop: () => child.kill() };
    }
    found[key!] = rest.join(' ');
  }
  throw new Error('Failed to start the scale server: it exited before printing its URL.');
}

/** p50 of sequential GETs (one connection, so each figure is one request's latency, not a queue's). */
async function p50(url: string, headers: Record<string, string>, durationMs: number): Promise<number> {
  const result = await load(url, { concurrency: 1, durationMs, headers });
  if (result.errors > 0) throw new Error(`Failed to measure ${url}: ${result.errors} errors.`);
  return result.p50Ms;
}

/**
 * new-api over HTTP with 100,000 generated users: seeding time and RSS after it, a list page against a bare
 * node:http server answering the same bytes (same process), a search, the slowest LIKE pattern, and the streamed
 * state export with the RSS after it. Rounds interleave list and anchor.
 */
export async function scaleFigures(quick: boolean): Promise<ScaleFigures> {
  const server = await startScaleServer();
  try {
    const headers = { cookie: server.cookie, 'New-Api-User': '1' };
    const rss = async () => Number(await (await fetch(`${server.anchor}/rss`)).text());
    const rssBytes = await rss();
    const duration = quick ? 500 : 1500;
    const list: number[] = [];
    const anchor: number[] = [];
    const search: number[] = [];
    for (let round = 0; round < 3; round++) {
      anchor.push(await p50(`${server.anchor}/page`, headers, duration));
      list.push(await p50(`${server.url}/api/user/?p=2`, headers, duration));
      search.push(await p50(`${server.url}/api/user/search?keyword=ada`, headers, duration));
    }
    const patternMs = {} as Record<keyof typeof SCALE_PATTERNS, number>;
    for (const [name, keyword] of Object.entries(SCALE_PATTERNS) as Array<[keyof typeof SCALE_PATTERNS, string]>) {
      patternMs[name] = await p50(`${server.url}/api/user/search?keyword=${encodeURIComponent(keyword)}`, headers, duration);
    }
    const exports: number[] = [];
    const stringify: number[] = [];
    let exportBytes = 0;
    for (let round = 0; round < (quick ? 2 : 3); round++) {
      const started = performance.now();
      // Read and dropped chunk by chunk, as a client saving it to a file would.
      const reader = (await fetch(`${server.url}/__mock/state`)).body!.getReader();
      exportBytes = 0;
      for (let chunk = await reader.read(); !chunk.done; chunk = await reader.read()) exportBytes += chunk.value.byteLength;
      exports.push(performance.now() - started);
    }
    // Before the anchor, which builds the whole string the export no longer does.
    const rssAfterExportBytes = await rss();
    for (let round = 0; round < (quick ? 2 : 3); round++) stringify.push(Number(await (await fetch(`${server.anchor}/stringify`)).text()));
    return { seedMs: server.seedMs, rssBytes, listMs: median(list), anchorMs: median(anchor), searchMs: median(search), patternMs, exportMs: median(exports), stringifyMs: median(stringify), exportBytes, rssAfterExportBytes };
  } finally {
    server.stop();
  }
}
