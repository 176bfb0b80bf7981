/**
 * Single-use form tokens: a page that carries a form issues one, the action it posts to consumes it, so a form
 * posted from another site (which cannot read the page) is refused. Kept per server outside the state, like the
 * rate limiter: a state export never hands them out and an import does not bring any in.
 * @module
 */
import type { Clock } from './clock.js';
import { toBase64Url } from './encoding.js';

/** What the engine hands a handler as `ctx.formTokens`. */
export interface FormTokens {
  /** A new unguessable token for the form identified by `scope` (e.g. an order and its signature). */
  issue(scope: string): string;
  /** Whether `token` was issued for `scope`, unused and unexpired; it can never be used again either way. */
  consume(scope: string, token: string): boolean;
  clear(): void;
}

/** A checkout page left open this long (server clock) has to be opened again. */
export const FORM_TOKEN_TTL_MS = 60 * 60 * 1000;
/** Outstanding tokens kept at most; past that the oldest go first, so reloading a page cannot grow memory. */
export const FORM_TOKEN_MAX = 1000;

/**
 * A token store on the server clock.
 *
 * @example
 * const tokens = createFormTokens(clock);
 * const token = tokens.issue('order-1');
 * tokens.consume('order-1', token); // true, and false from now on
 */
export function createFormTokens(clock: Clock): FormTokens {
  // Insertion order is issue order, so the first key is always the oldest.
  const issued = new Map<string, { scope: string; expires: number }>();
  return {
    issue(scope) {
      if (issued.size >= FORM_TOKEN_MAX) issued.delete(issued.keys().next().value!);
      // WebCrypto, not the seeded stream: a token must not follow from a seed, and issuing one must not shift
      // the ids and codes a seeded run produces.
      const token = toBase64Url(crypto.getRandomValues(new Uint8Array(24)));
      issued.set(token, { scope, expires: clock.now() + FORM_TOKEN_TTL_MS });
      return token;
    },
    consume(scope, token) {
      const entry = issued.get(token);
      issued.delete(token);
      return entry !== undefined && entry.scope === scope && clock.now() < entry.expires;
    },
    clear: () => issued.clear(),
  };
}
