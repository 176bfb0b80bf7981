// Runs `npm start` as the README says, on ephemeral ports, and logs in as root over HTTP the way
// the printed curl line does. Bounded: gives up after 60 s. Loopback only.
import { spawn } from 'node:child_process';
import { createInterface } from 'node:readline';

// Detached, so the whole group (npm → tsx → node) can be stopped together.
const child = spawn('npm', ['start', '--silent', '--', '--json', '--port', '0'], { stdio: ['ignore', 'pipe', 'inherit'], detached: true });
const stop = () => {
  try {
    process.kill(-child.pid, 'SIGTERM');
  } catch {
    // already gone
  }
};
const deadline = setTimeout(() => fail('no JSON line from npm start within 60 s'), 60_000);

function fail(reason) {
  console.error(`start smoke test failed: ${reason}`);
  stop();
  process.exit(1);
}

for await (const line of createInterface({ input: child.stdout })) {
  let info;
  try {
    info = JSON.parse(line);
  } catch {
    continue;
  }
  if (info.dialect !== 'newapi') continue;
  const root = info.accounts.find((a) => a.username === 'root');
  if (!root) fail('the seeded accounts do not include root');
  const login = await fetch(`${info.url}/api/user/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username: root.username, password: root.password }),
  });
  const cookie = login.headers.getSetCookie().map((c) => c.split(';')[0]).join('; ');
  const self = await fetch(`${info.url}/api/user/self`, { headers: { cookie, 'New-Api-User': '1' } });
  const body = await self.json();
  if (!body.success || body.data.username !== 'root') fail(`GET /api/user/self answered ${JSON.stringify(body)}`);
  console.log(`npm start serves ${info.url}: root logged in and read /api/user/self`);
  clearTimeout(deadline);
  stop();
  process.exit(0);
}
fail('npm start exited without serving newapi');
