/**
 * Password work outside the write lock (docs/decisions/014). A mutating request runs in attempts, each under the
 * lock in its own journal transaction. When its handler asks for a hash or a check this request has not
 * computed yet, the attempt parks: the engine undoes its writes and releases the lock, the derivation runs with
 * no lock held, and a fresh attempt replays the handler from the start with the answer remembered. The replay
 * reads the state anew, so every check the handler makes (the user still exists, the lockout counter, the
 * session cap) holds for the state it commits to, in the handler's own order and words.
 * @module
 */
import { drawSalt, hashWithSalt, verifyPassword } from './password.js';
import type { Random } from './random.js';

/** What {@link Attempts.run} answers when the attempt parked instead of finishing. */
export const PARKED: unique symbol = Symbol('parked');

// Enough for a handler that checks its ten 2FA backup codes one by one; past it the work runs under the lock,
// so a request whose inputs keep changing under it still finishes.
const MAX_PARKED_ATTEMPTS = 16;

/** One request's attempts: its password calls, its rate-limit answers, and the park signal. */
export interface Attempts {
  hashPassword(password: string): Promise<string>;
  verifyPassword(password: string, stored: string): Promise<boolean>;
  /** `hit` once per key and call for the whole request, however many attempts replay it (a limiter counts once). */
  once<T>(key: string, hit: () => T): T;
  /** Runs one attempt of `handler` (under the lock): its response, or {@link PARKED}. */
  run(handler: () => Promise<Response>): Promise<Response | typeof PARKED>;
  /** Does the work the last attempt parked on (outside the lock). */
  work(): Promise<void>;
}

interface Job {
  key: string;
  index: number;
  run: () => Promise<unknown>;
}

type Answer = { ok: true; value: unknown } | { ok: false; error: unknown };

/**
 * The attempts of one mutating request.
 *
 * @example
 * const attempts = createAttempts({ iterations: 1000, random });
 * let response = await lock(() => attempts.run(() => handler(ctx)));
 * while (response === PARKED) { await attempts.work(); response = await lock(() => attempts.run(() => handler(ctx))); }
 */
export function createAttempts(options: { iterations: number; random: Random }): Attempts {
  const { iterations, random } = options;
  const answers = new Map<string, Answer[]>();
  let calls = new Map<string, number>();
  let jobs: Job[] = [];
  let park: (() => void) | undefined;
  let count = 0;
  let rewind: { from: number[] | undefined; to: number[] | undefined } | undefined;

  // The n-th call with the same inputs in an attempt gets the n-th answer the request computed for them.
  const next = (key: string) => {
    const index = calls.get(key) ?? 0;
    calls.set(key, index + 1);
    return { index, answer: answers.get(key)?.[index] };
  };

  const settle = (answer: Answer) => (answer.ok ? Promise.resolve(answer.value) : Promise.reject(answer.error));

  function derived<T>(key: string, compute: () => Promise<T>): Promise<T> {
    const { index, answer } = next(key);
    if (answer) return settle(answer) as Promise<T>;
    if (!park) return compute();
    jobs.push({ key, index, run: compute });
    park();
    // Never settles: the parked attempt is abandoned where it stands, and nothing after this call runs.
    return new Promise<T>(() => undefined);
  }

  return {
    hashPassword(password) {
      // Drawn in every attempt at the same point, so a replay leaves the random sequence where one run would.
      const salt = drawSalt(random);
      return derived(JSON.stringify(['hash', password]), () => hashWithSalt(password, salt, iterations));
    },
    verifyPassword(password, stored) {
      return derived(JSON.stringify(['verify', password, stored]), () => verifyPassword(password, stored, { iterations }));
    },
    once(key, hit) {
      const { index, answer } = next(JSON.stringify(['once', key]));
      if (answer?.ok) return answer.value as ReturnType<typeof hit>;
      const value = hit();
      store(JSON.stringify(['once', key]), index, { ok: true, value });
      return value;
    },
    async run(handler) {
      count += 1;
      calls = new Map();
      jobs = [];
      // Nobody drew since the last attempt parked: start where it started, so a seeded server draws the same
      // ids and salts as when the work ran under the lock.
      if (rewind && sameDraws(random.save(), rewind.to)) random.restore(rewind.from);
      const from = random.save();
      const parked = new Promise<typeof PARKED>((resolve) => {
        park = count < MAX_PARKED_ATTEMPTS ? () => resolve(PARKED) : undefined;
      });
      const outcome = await Promise.race([handler(), parked]);
      park = undefined;
      rewind = outcome === PARKED ? { from, to: random.save() } : undefined;
      return outcome;
    },
    async work() {
      await Promise.all(
        jobs.map(async (job) => {
          let answer: Answer;
          try {
            answer = { ok: true, value: await job.run() };
          } catch (error) {
            answer = { ok: false, error };
          }
          store(job.key, job.index, answer);
        }),
      );
      jobs = [];
    },
  };

  function store(key: string, index: number, answer: Answer) {
    let list = answers.get(key);
    if (!list) answers.set(key, (list = []));
    list[index] = answer;
  }
}

const sameDraws = (a: number[] | undefined, b: number[] | undefined) => a !== undefined && b !== undefined && a.every((word, i) => word === b[i]);
