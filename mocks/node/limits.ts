/**
 * Limits for slow and idle clients, for a sandbox that listens beyond loopback. Node's defaults wait 60 s for
 * headers and 300 s for a request and accept any number of connections, so a few hundred idle or slowloris
 * connections stay open; on a developer's own machine that is harmless, on a shared network it is not.
 * @module
 */
import { BlockList, isIP } from 'node:net';

/** Limits of {@link serve} for a host beyond loopback. Each is a positive integer. */
export interface ClientLimits {
  /** Time for a request's headers to arrive, in ms; a slower client gets 408 and is closed. @default 10000 */
  headersTimeout?: number;
  /** Time for a whole request, body included, in ms. At least `headersTimeout`. @default 30000 */
  requestTimeout?: number;
  /** Time an idle keep-alive connection stays open between requests, in ms. @default 5000 */
  keepAliveTimeout?: number;
  /** Open connections at most; one more is closed as it arrives. @default 256 */
  maxConnections?: number;
}

/** The limits after defaults, as applied to the `http.Server`. */
export type ResolvedClientLimits = Readonly<Required<ClientLimits>>;

/** What an exposed sandbox applies unless told otherwise. */
export const DEFAULT_CLIENT_LIMITS: ResolvedClientLimits = Object.freeze({
  headersTimeout: 10_000,
  requestTimeout: 30_000,
  keepAliveTimeout: 5_000,
  maxConnections: 256,
});

/** 127.0.0.0/8 and ::1; BlockList also matches every spelling of ::1 and IPv4-mapped 127.x addresses. */
const LOOPBACK = new BlockList();
LOOPBACK.addSubnet('127.0.0.0', 8, 'ipv4');
LOOPBACK.addAddress('::1', 'ipv6');

/**
 * Whether `host` only listens on this machine: `localhost`, 127.0.0.0/8 or ::1. Anything else, `0.0.0.0`
 * and `::` included, is reachable from elsewhere.
 *
 * @example
 * isLoopback('127.0.0.1'); // true
 * isLoopback('0.0.0.0'); // false
 */
export function isLoopback(host: string): boolean {
  const name = host.toLowerCase().replace(/^\[|\]$/g, '');
  if (name === 'localhost' || name === 'localhost.') return true;
  const version = isIP(name);
  return version !== 0 && LOOPBACK.check(name, version === 4 ? 'ipv4' : 'ipv6');
}

/**
 * The limits for a server on `host`: `undefined` on loopback (Node's defaults stay), else the defaults with
 * `overrides` applied. Throws a `RangeError` naming the option that is not a positive integer.
 *
 * @example
 * clientLimits('0.0.0.0', { maxConnections: 32 }); // { headersTimeout: 10000, ..., maxConnections: 32 }
 */
export function clientLimits(host: string, overrides: ClientLimits = {}): ResolvedClientLimits | undefined {
  const limits = { ...DEFAULT_CLIENT_LIMITS };
  for (const name of Object.keys(DEFAULT_CLIENT_LIMITS) as Array<keyof ClientLimits>) {
    const value = overrides[name];
    if (value === undefined) continue;
    if (!(Number.isSafeInteger(value) && value > 0)) throw new RangeError(`Failed to serve: \`${name}\` must be a positive integer, not ${String(value)}.`);
    limits[name] = value;
  }
  if (limits.headersTimeout > limits.requestTimeout) {
    throw new RangeError(`Failed to serve: \`headersTimeout\` (${limits.headersTimeout}) must not exceed \`requestTimeout\` (${limits.requestTimeout}).`);
  }
  // Validated either way, so a typo fails on loopback too rather than first on the shared host.
  return isLoopback(host) ? undefined : Object.freeze(limits);
}
