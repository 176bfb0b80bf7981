/**
 * The reference server's notion of "now". By default it follows real time, shifted by an offset that tests move
 * with `advance` and `set`, so codes, sessions and locks expire without waiting. A frozen clock stands still
 * between moves, so a test never depends on how much real time its requests took (a window counted in whole
 * seconds cannot tick over between two assertions).
 * @module
 */

/** A controllable clock in epoch milliseconds. */
export interface Clock {
  /** The current time, in epoch milliseconds. */
  now(): number;
  /** Moves time forward (or back, with a negative value) by `ms`. */
  advance(ms: number): void;
  /** Jumps to `ms` epoch milliseconds; a flowing clock keeps flowing from there. */
  set(ms: number): void;
  /** Drops every move: a flowing clock returns to real time, a frozen one to the instant it started at. */
  reset(): void;
  /** Whether time stands still between moves. */
  readonly frozen: boolean;
}

/**
 * How a server's clock starts.
 *
 * @example
 * const options: ClockOptions = { frozen: true, now: Date.UTC(2026, 0, 1) };
 */
export interface ClockOptions {
  /**
   * Stand still between `advance`/`set` calls instead of following real time. Tests should freeze the clock.
   * @default false
   */
  frozen?: boolean | undefined;
  /**
   * The instant a frozen clock starts at (and returns to on `reset`), in epoch milliseconds.
   * @default Date.now() when the clock is created
   */
  now?: number | undefined;
}

/**
 * A clock that follows `Date.now()` plus an adjustable offset, or, frozen, stands at one instant until moved.
 *
 * @example
 * const clock = createClock();
 * clock.advance(5 * 60_000); // a code that expires in 5 minutes has now expired
 *
 * const still = createClock({ frozen: true, now: Date.UTC(2026, 0, 1) });
 * still.now(); // the same value until still.advance(...) or still.set(...)
 */
export function createClock(options: ClockOptions = {}): Clock {
  if (options.frozen) {
    const start = options.now ?? Date.now();
    let at = start;
    return {
      frozen: true,
      now: () => at,
      advance(ms) {
        at += ms;
      },
      set(ms) {
        at = ms;
      },
      reset() {
        at = start;
      },
    };
  }
  let offset = options.now === undefined ? 0 : options.now - Date.now();
  const initial = offset;
  return {
    frozen: false,
    now: () => Date.now() + offset,
    advance(ms) {
      offset += ms;
    },
    set(ms) {
      offset = ms - Date.now();
    },
    reset() {
      offset = initial;
    },
  };
}
