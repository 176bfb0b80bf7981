/**
 * Sliding-window rate limiting on the controllable clock, keyed by whatever the dialect chooses (client IP, user
 * id). The core owns the windows and the client IP; each dialect decides which routes are limited, by how much,
 * and how a refusal looks.
 * @module
 */

/**
 * The request header the node adapter uses to tell the engine the client's address. The adapter drops any
 * incoming header of that name first, so a remote client cannot pick its own key.
 */
export const CLIENT_IP_HEADER = 'x-gatewaykit-client-ip';

/** Requests that carry no client address (in-process calls) count as this one client. */
export const LOCAL_CLIENT_IP = '127.0.0.1';

/** The windows of one server. */
export interface RateLimiter {
  /**
   * Records a request under `key` at `nowSeconds` and says whether it is allowed: at most `max` requests in any
   * `windowSeconds`. A refused request is not recorded.
   */
  hit(key: string, max: number, windowSeconds: number, nowSeconds: number): boolean;
  /** Forgets every window (server reset). */
  clear(): void;
}

/**
 * A limiter with the semantics of new-api's `common.InMemoryRateLimiter`: each key keeps the times (whole
 * seconds) of its last `max` allowed requests; a request is refused while the oldest of them is younger than
 * the window.
 *
 * @example
 * const limiter = createRateLimiter();
 * limiter.hit('CT127.0.0.1', 20, 1200, Math.floor(clock.now() / 1000)); // true for the first 20
 */
export function createRateLimiter(): RateLimiter {
  let windows = new Map<string, number[]>();
  return {
    hit(key, max, windowSeconds, nowSeconds) {
      const queue = windows.get(key);
      if (!queue) {
        windows.set(key, [nowSeconds]);
        return true;
      }
      if (queue.length < max) {
        queue.push(nowSeconds);
        return true;
      }
      if (nowSeconds - queue[0]! < windowSeconds) return false;
      queue.shift();
      queue.push(nowSeconds);
      return true;
    },
    clear() {
      windows = new Map();
    },
  };
}
