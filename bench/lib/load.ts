import { Agent, request } from 'node:http';

export interface LoadResult {
  rps: number;
  p50Ms: number;
  p99Ms: number;
  errors: number;
}

/**
 * A closed-loop load generator over keep-alive node:http: `concurrency` workers send GETs back to
 * back for `durationMs`. Bounded in time; loopback targets only.
 */
export async function load(url: string, { concurrency = 16, durationMs = 2000, headers = {} as Record<string, string> } = {}): Promise<LoadResult> {
  const target = new URL(url);
  if (!['127.0.0.1', 'localhost', '[::1]'].includes(target.hostname)) throw new Error(`Refusing to load a non-loopback host: ${target.hostname}`);
  const agent = new Agent({ keepAlive: true, maxSockets: concurrency });
  const latencies: number[] = [];
  let errors = 0;
  const end = performance.now() + durationMs;
  const once = () =>
    new Promise<void>((resolve) => {
      const started = performance.now();
      const req = request(target, { agent, headers }, (res) => {
        res.on('data', () => {});
        res.on('end', () => {
          if (res.statusCode !== 200) errors++;
          latencies.push(performance.now() - started);
          resolve();
        });
      });
      req.on('error', () => {
        errors++;
        resolve();
      });
      req.end();
    });
  const worker = async () => {
    while (performance.now() < end) await once();
  };
  const started = performance.now();
  await Promise.all(Array.from({ length: concurrency }, worker));
  const elapsed = performance.now() - started;
  agent.destroy();
  latencies.sort((a, b) => a - b);
  const at = (q: number) => latencies[Math.min(latencies.length - 1, Math.floor(q * latencies.length))] ?? NaN;
  return { rps: (latencies.length / elapsed) * 1000, p50Ms: at(0.5), p99Ms: at(0.99), errors };
}
