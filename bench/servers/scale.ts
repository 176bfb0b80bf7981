// The scale section's server: new-api seeded with `--users` (argv[2], 100,000 by default) over HTTP, and beside it
// in the same process the anchor, a bare node:http server answering a precomputed list page with the same bytes,
// `/rss` (the process's resident memory after a full GC) and `/stringify` (ms to JSON.stringify the state). Prints `seed <ms>` and then both URLs.
import { createServer } from 'node:http';
import { createReferenceServer } from '../../mocks/index.js';
import { serve } from '../../mocks/node/serve.js';

const users = Number(process.argv[2] ?? 100_000);
const started = performance.now();
const server = createReferenceServer({ dialect: 'newapi', seed: 1, users });
await server.ready;
const seedMs = performance.now() - started;
const running = await serve(server);
const login = await server.fetch('/api/user/login', { method: 'POST', body: JSON.stringify({ username: 'root', password: '123456' }) });
const headers = { cookie: login.headers.getSetCookie()[0]!.split(';')[0]!, 'New-Api-User': '1' };
const page = Buffer.from(await (await server.fetch('/api/user/?p=2', { headers })).arrayBuffer());
const rss = () => {
  (globalThis as { gc?: () => void }).gc?.();
  return process.memoryUsage().rss;
};
// The export's anchor: the one string the export used to build, timed here (the bytes stay on this side).
const stringifyMs = () => {
  const started = performance.now();
  const text = JSON.stringify(server.state);
  return text.length > 0 ? performance.now() - started : 0;
};
const anchor = createServer((req, res) => {
  const body = req.url === '/rss' ? Buffer.from(String(rss())) : req.url === '/stringify' ? Buffer.from(String(stringifyMs())) : page;
  res.writeHead(200, { 'content-type': 'application/json; charset=utf-8', 'content-length': body.byteLength });
  res.end(body);
});
anchor.keepAliveTimeout = 30_000;
await new Promise<void>((resolve) => anchor.listen(0, '127.0.0.1', resolve));
console.log(`seed ${seedMs.toFixed(0)}`);
console.log(`cookie ${headers.cookie}`);
console.log(`anchor http://127.0.0.1:${(anchor.address() as { port: number }).port}`);
console.log(running.url);
