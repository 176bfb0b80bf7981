import { fork, type ChildProcess } from 'node:child_process';
import { createInterface } from 'node:readline';

/** Starts a server script in its own process (so load and server do not share one event loop) and waits for its URL. */
export async function startServer(script: string): Promise<{ url: string; stop(): void }> {
  const child: ChildProcess = fork(script, { execArgv: ['--import', 'tsx'], stdio: ['ignore', 'pipe', 'inherit', 'ipc'] });
  const lines = createInterface({ input: child.stdout! });
  const timer = setTimeout(() => child.kill(), 30_000);
  for await (const line of lines) {
    if (line.startsWith('http://')) {
      clearTimeout(timer);
      return { url: line.trim(), stop: () => child.kill() };
    }
  }
  throw new Error(`Failed to start ${script}: it exited before printing its URL.`);
}
