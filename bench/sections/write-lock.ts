import { SANDBOX_PASSWORD_HASH_ITERATIONS } from '../../mocks/core/password.js';
import { createReferenceServer } from '../../mocks/index.js';
import { compare, type Comparison } from '../lib/measure.js';

const BASE = 'http://localhost';
const CLIENTS = 8;

/**
 * A token create (a write that hashes nothing) on a server at the sandbox's 310,000 PBKDF2 iterations, while 8
 * clients log in with wrong passwords back to back, against the same create on the idle server. Password work
 * runs outside the write lock (docs/decisions/014); when it ran inside, the create waited for the logins queued
 * ahead of it (805 ms against 1.2 ms). Both contenders share one server; the logins run only during the loaded
 * contender's blocks (started before each, drained after), so the idle blocks see no load of ours.
 */
export async function tokenCreateWhileLoggingIn(quick: boolean): Promise<Comparison> {
  const server = createReferenceServer({ dialect: 'newapi', seed: 1, passwordHashIterations: SANDBOX_PASSWORD_HASH_ITERATIONS });
  await server.ready;
  const login = (password: string) =>
    server.fetch(new Request(`${BASE}/api/user/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: 'root', password }) }));
  const session = await login('123456');
  const headers = { cookie: session.headers.getSetCookie()[0]!.split(';')[0]!, 'New-Api-User': '1', 'content-type': 'application/json' };
  let created = 0;
  const createToken = async () => {
    const answer = (await (await server.fetch(new Request(`${BASE}/api/token/`, { method: 'POST', headers, body: JSON.stringify({ name: `bench ${created++}` }) }))).json()) as { success: boolean };
    if (!answer.success) throw new Error(`Failed to create a token: ${JSON.stringify(answer)}.`);
  };

  let loading: Promise<unknown> | undefined;
  let stop = false;
  const startLoad = async () => {
    stop = false;
    let inFlight = 0;
    let allStarted!: () => void;
    const started = new Promise<void>((resolve) => (allStarted = resolve));
    loading = Promise.all(
      Array.from({ length: CLIENTS }, async (_, client) => {
        if (++inFlight === CLIENTS) allStarted();
        while (!stop) await (await login(`wrong password ${client}`)).text();
      }),
    );
    await started;
  };
  const stopLoad = async () => {
    stop = true;
    await loading;
    loading = undefined;
  };

  // Untimed, with no request in flight: drop the tokens earlier blocks made (new-api allows 1000 a user).
  const beforeBlock = async (name: string) => {
    await stopLoad();
    server.state.tokens = server.state.tokens.filter((token) => !token.name.startsWith('bench '));
    if (name !== 'idle') await startLoad();
  };
  try {
    return await compare(
      'idle',
      { idle: createToken, 'while 8 clients log in': createToken },
      { ...(quick ? { rounds: 7, iterations: 20, warmup: 10 } : { rounds: 31, iterations: 30, warmup: 20 }), beforeBlock },
    );
  } finally {
    await stopLoad();
  }
}
