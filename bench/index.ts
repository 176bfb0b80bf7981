// npm run bench: every figure is a ratio against an anchor measured in the same run (medians).
// Writes docs/benchmarks.md. Loopback only; every loop is bounded.
import { writeFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { bundleSizes } from './sections/bundle.js';
import { clientOverhead } from './sections/client.js';
import { httpServers } from './sections/http.js';
import { inProcess } from './sections/in-process.js';

const quick = process.argv.includes('--quick');
const rows: string[] = [];
const row = (what: string, figure: string, budget: string, ok: boolean) => {
  rows.push(`| ${what} | ${figure} | ${budget} | ${ok ? 'within' : '**missed**'} |`);
  console.log(`${ok ? 'ok  ' : 'MISS'} ${what}: ${figure} (budget ${budget})`);
};
const x = (n: number) => `${n.toFixed(2)}×`;

const client = await clientOverhead(quick);
for (const method of ['GET', 'POST'] as const) {
  const r = client[method];
  const vsBare = r.pairedRatio('sdk', 'openapi-fetch');
  const detail = `SDK ${x(r.ratio.sdk!)} and openapi-fetch ${x(r.ratio['openapi-fetch']!)} of raw fetch; SDK ${(r.medianNs.sdk! / 1000).toFixed(0)} µs/op`;
  row(`SDK ${method} vs bare openapi-fetch`, `${x(vsBare)} (${detail})`, '≤ 1.10×', vsBare <= 1.1);
}

const http = await httpServers(quick);
row('HTTP reference server req/s vs raw node:http', `${x(http.reference.rps / http.raw.rps)} (${http.reference.rps.toFixed(0)} vs ${http.raw.rps.toFixed(0)} req/s; p50 ${http.reference.p50Ms.toFixed(2)} ms, p99 ${http.reference.p99Ms.toFixed(2)} ms)`, '≥ 0.25×', http.reference.rps / http.raw.rps >= 0.25);
row('msw http-middleware req/s vs raw node:http', `${x(http.msw.rps / http.raw.rps)} (${http.msw.rps.toFixed(0)} req/s; p50 ${http.msw.p50Ms.toFixed(2)} ms, p99 ${http.msw.p99Ms.toFixed(2)} ms)`, 'for comparison', true);

const inproc = await inProcess(quick);
row('in-process server.fetch vs msw setupServer', `${x(inproc.ratio['server.fetch']!)} (${(inproc.medianNs['server.fetch']! / 1000).toFixed(0)} µs vs ${(inproc.medianNs['msw setupServer']! / 1000).toFixed(0)} µs)`, '≤ 0.5×', inproc.ratio['server.fetch']! <= 0.5);

const bundle = await bundleSizes();
row('bundle gatewaykit/newapi, min+gz', `${(bundle.newapi / 1024).toFixed(2)} kB (openapi-fetch alone ${(bundle.openapiFetch / 1024).toFixed(2)} kB)`, '≤ 6 kB', bundle.newapi <= 6 * 1024);

const cpu = cpus()[0]?.model ?? 'unknown CPU';
const report = `# Benchmarks

Produced by \`npm run bench\` (${quick ? 'quick mode' : 'full run'}) on ${new Date().toISOString().slice(0, 10)}: ${cpu}, ${cpus().length} cores, Node ${process.version}.
The machines are shared and noisy, so each figure is a ratio against an anchor measured in the same run,
interleaved round by round, and the medians are quoted.

| what | median | budget | |
|---|---|---|---|
${rows.join('\n')}

Method: the client figures time sequential calls against a raw \`node:http\` server on loopback (15 rounds,
rotating order, median of per-round ratios). The HTTP figures run each server in its own process and
load it with 16 keep-alive connections for ${quick ? '1' : '2'} s a round, 3 rounds interleaved, GET \`/api/user/groups\`.
The in-process figure times \`server.fetch(request)\` against \`fetch\` intercepted by msw's \`setupServer\` with the
same handlers. The bundle is esbuild's minified browser ESM build, gzipped.
`;
writeFileSync(new URL('../docs/benchmarks.md', import.meta.url), report);
console.log('\nwrote docs/benchmarks.md');
