/**
 * Which address a request comes from, as each upstream works it out: the rules a dialect picks for
 * `Dialect.clientAddress`, which rate limits key on.
 * @module
 */
import type { ClientAddressRule } from './types.js';

/**
 * The socket address only; no header is trusted. The default, and the safe choice for a dialect with no
 * upstream to follow (platform).
 *
 * @example
 * export const dialect = { ..., clientAddress: socketAddress };
 */
export const socketAddress: ClientAddressRule = (socket) => socket;

/**
 * gin's `Context.ClientIP()` with gin's defaults (v1.9.1: every proxy trusted, `ForwardedByClientIP` on,
 * `RemoteIPHeaders` `X-Forwarded-For` then `X-Real-IP`), for an upstream that never calls `SetTrustedProxies`.
 * Each header is read right to left; with every hop trusted that ends at its first entry, unless an entry is not
 * an IP, which discards the header. Without a usable header, the socket address.
 *
 * @example
 * ginClientIp('10.0.0.9', new Headers({ 'x-forwarded-for': '203.0.113.7, 10.0.0.1' })); // '203.0.113.7'
 */
export const ginClientIp: ClientAddressRule = (socket, headers) => {
  for (const name of ['x-forwarded-for', 'x-real-ip']) {
    const value = headers.get(name);
    if (!value) continue;
    const items = value.split(',').map((item) => item.trim());
    if (items.every(isIp)) return items[0]!;
  }
  return socket;
};

/**
 * The rule of Python gateways that trust a fixed number of proxies in front of them (Aether's `get_client_ip` with
 * `TRUSTED_PROXY_COUNT`): from `X-Forwarded-For` (entries trimmed, empty ones dropped) the entry `count` places
 * from the right, or the first one when the header is shorter; else `X-Real-IP` trimmed; else the socket. No entry
 * is checked to be an IP. `count` 0 trusts no header.
 *
 * @example
 * trustedProxyHops(1)('10.0.0.9', new Headers({ 'x-forwarded-for': '203.0.113.7, 10.0.0.1' })); // '203.0.113.7'
 * trustedProxyHops(1)('10.0.0.9', new Headers({ 'x-forwarded-for': '203.0.113.7' }));           // '203.0.113.7'
 */
export function trustedProxyHops(count: number): ClientAddressRule {
  return (socket, headers) => {
    if (count === 0) return socket;
    const forwarded = headers.get('x-forwarded-for');
    if (forwarded) {
      const entries = forwarded
        .split(',')
        .map((entry) => entry.trim())
        .filter(Boolean);
      if (entries.length > count) return entries[entries.length - count - 1]!;
      if (entries.length > 0) return entries[0]!;
    }
    const real = headers.get('x-real-ip');
    if (real) return real.trim();
    return socket;
  };
}

// Go's net.ParseIP: dotted decimal without leading zeros, or an IPv6 literal (URL parsing checks that one).
const IPV4 = /^(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)(\.(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)){3}$/;

function isIp(text: string): boolean {
  if (IPV4.test(text)) return true;
  return text.includes(':') && !/[[\]/%]/.test(text) && URL.canParse(`http://[${text}]/`);
}
