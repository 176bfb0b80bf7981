/**
 * Rate limiting on the server clock, in milliseconds, keyed by whatever the dialect chooses (client address, user
 * id). The core owns the windows; each dialect decides which routes are limited, by how much, in which mode, and
 * how a refusal looks (through `limited(...)` in ./combinators.ts).
 * @module
 */

/**
 * The request header the node adapter uses to tell the engine the socket's address. The adapter drops any
 * incoming header of that name first, so a remote client cannot pick its own key.
 */
export const CLIENT_IP_HEADER = 'x-gatewaykit-client-ip';

/** Requests that carry no client address (in-process calls) count as this one client. */
export const LOCAL_CLIENT_IP = '127.0.0.1';

/**
 * How a window counts. `sliding`: new-api's `InMemoryRateLimiter`, each key keeps the times of its last `max`
 * allowed requests and a request is refused while the oldest of them is younger than the window. `fixed`: a
 * counter that starts with a key's first request and expires a window later (Redis `INCR` + `EXPIRE`, as Aether
 * and many Python gateways do).
 */
export type RateLimitMode = 'sliding' | 'fixed';

/** One limit: at most `max` requests per `windowSeconds`. */
export interface RateLimit {
  max: number;
  windowSeconds: number;
  /** @default 'sliding' */
  mode?: RateLimitMode;
}

/** The windows of one server. */
export interface RateLimiter {
  /** Records a request under `key` at `nowMs` (server clock) and says whether `limit` allows it. A refused request is not recorded. */
  hit(key: string, limit: RateLimit, nowMs: number): boolean;
  /**
   * Milliseconds until `key`'s window lets a request through again (0 when it would now), for a refusal that
   * names the wait, as Aether's "请在 {ttl} 秒后重试" does from Redis' `TTL`.
   */
  resetInMs(key: string, limit: RateLimit, nowMs: number): number;
  /** Forgets every window (server reset). */
  clear(): void;
}

/**
 * A limiter for both modes. Keys of the two modes never share a window.
 *
 * @example
 * const limiter = createRateLimiter();
 * limiter.hit('CT127.0.0.1', { max: 20, windowSeconds: 1200 }, clock.now()); // true for the first 20
 */
export function createRateLimiter(): RateLimiter {
  let sliding = new Map<string, number[]>();
  let fixed = new Map<string, { start: number; count: number }>();
  return {
    hit(key, { max, windowSeconds, mode = 'sliding' }, nowMs) {
      const windowMs = windowSeconds * 1000;
      if (mode === 'fixed') {
        const window = fixed.get(key);
        if (!window || nowMs - window.start >= windowMs) {
          fixed.set(key, { start: nowMs, count: 1 });
          return true;
        }
        if (window.count >= max) return false;
        window.count += 1;
        return true;
      }
      const queue = sliding.get(key);
      if (!queue) {
        sliding.set(key, [nowMs]);
        return true;
      }
      if (queue.length < max) {
        queue.push(nowMs);
        return true;
      }
      if (nowMs - queue[0]! < windowMs) return false;
      queue.shift();
      queue.push(nowMs);
      return true;
    },
    resetInMs(key, { max, windowSeconds, mode = 'sliding' }, nowMs) {
      const windowMs = windowSeconds * 1000;
      if (mode === 'fixed') {
        const window = fixed.get(key);
        return window ? Math.max(0, window.start + windowMs - nowMs) : 0;
      }
      const queue = sliding.get(key);
      return queue && queue.length >= max ? Math.max(0, queue[0]! + windowMs - nowMs) : 0;
    },
    clear() {
      sliding = new Map();
      fixed = new Map();
    },
  };
}
