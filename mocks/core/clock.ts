/**
 * The reference server's notion of "now". It follows real time, shifted by an offset that tests move with
 * `advance` and `set`, so codes, sessions and locks expire without waiting.
 * @module
 */

/** A controllable clock in epoch milliseconds. */
export interface Clock {
  /** The current time, in epoch milliseconds. */
  now(): number;
  /** Moves time forward (or back, with a negative value) by `ms`. */
  advance(ms: number): void;
  /** Jumps to `ms` epoch milliseconds; time keeps flowing from there. */
  set(ms: number): void;
  /** Drops every shift: back to real time. */
  reset(): void;
}

/**
 * A clock that follows `Date.now()` plus an adjustable offset.
 *
 * @example
 * const clock = createClock();
 * clock.advance(5 * 60_000); // a code that expires in 5 minutes has now expired
 */
export function createClock(): Clock {
  let offset = 0;
  return {
    now: () => Date.now() + offset,
    advance(ms) {
      offset += ms;
    },
    set(ms) {
      offset = ms - Date.now();
    },
    reset() {
      offset = 0;
    },
  };
}
