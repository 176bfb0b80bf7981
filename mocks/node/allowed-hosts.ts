/**
 * The `Host` check of the HTTP sandbox, a guard against DNS rebinding: a page on a name its owner points at
 * 127.0.0.1 is same-origin with the sandbox to the browser, and could read the seeded logins, the control API's
 * state and sessions. Answering only the names this machine uses for itself closes that, as Vite's
 * `server.allowedHosts` and webpack-dev-server's `allowedHosts` do. docs/decisions/024-allowed-hosts.md.
 * @module
 */
import { isIP } from 'node:net';
import { isLoopback } from './limits.js';

/**
 * Which `Host` names a server answers besides the loopback ones: names (`sandbox.lan`), a leading dot for a
 * name and every name under it (`.sandbox.lan`), IP addresses; or `'all'` for any `Host` (the guard off).
 */
export type AllowedHosts = readonly string[] | 'all';

/** A resolved guard: `undefined` answers every `Host`; a list adds its names to the loopback ones. */
export type HostRule = readonly string[] | undefined;

/** One host name (labels of letters, digits, `-` and `_`), with an optional leading dot. */
const NAME = /^\.?[a-z0-9_-]+(?:\.[a-z0-9_-]+)*$/;

/** `0.0.0.0` and `::` are no address a client connects to, so they name no `Host` to allow. */
const UNSPECIFIED = new Set(['0.0.0.0', '::', '0:0:0:0:0:0:0:0']);

/**
 * The guard for a server listening on `host`. Unless `allowed` says otherwise, one on a loopback address answers
 * loopback names only, one beyond loopback every name (the control token guards `/__mock/` there). A given list
 * also allows `host` itself. Throws a `RangeError` naming an entry that is not a host name or IP address.
 *
 * @example
 * hostRule('127.0.0.1', undefined); // [] (loopback names only)
 * hostRule('0.0.0.0', ['sandbox.lan']); // ['sandbox.lan']
 */
export function hostRule(host: string, allowed: AllowedHosts | undefined): HostRule {
  if (allowed === 'all') return undefined;
  if (allowed === undefined) return isLoopback(host) ? Object.freeze([]) : undefined;
  const names = allowed.map(allowedHostEntry);
  const own = hostName(host);
  if (own !== undefined && !UNSPECIFIED.has(own)) names.push(own);
  return Object.freeze([...new Set(names)]);
}

/**
 * One entry of an allowed-hosts list, normalized (lower case, no brackets, no trailing dot). Throws a
 * `RangeError` for anything else, a port included: the guard compares names, whatever the port.
 *
 * @example
 * allowedHostEntry('Sandbox.LAN.'); // 'sandbox.lan'
 */
export function allowedHostEntry(entry: string): string {
  const name = entry.trim().toLowerCase().replace(/^\[(.*)\]$/, '$1').replace(/(?<=.)\.$/, '');
  if (isIP(name) !== 0 || (NAME.test(name) && name.length <= 254)) return name;
  throw new RangeError(`Failed to serve: \`allowedHosts\` entry "${printable(entry)}" is not a host name or IP address (no port, no scheme).`);
}

/**
 * Whether a request with this `Host` header is answered under `rule`. A request without one is: browsers
 * always send it, and a client that leaves it out could write any name it likes anyway.
 *
 * @example
 * hostAllowed([], 'localhost:4010'); // true
 * hostAllowed([], 'evil.example:4010'); // false
 */
export function hostAllowed(rule: HostRule, header: string | undefined): boolean {
  if (rule === undefined || header === undefined) return true;
  const name = hostName(header);
  if (name === undefined) return false;
  if (isLoopback(name) || name.endsWith('.localhost')) return true;
  return rule.some((entry) => (entry.startsWith('.') ? name === entry.slice(1) || name.endsWith(entry) : name === entry));
}

/**
 * The 403 of a refused `Host`: what happened and the flag that allows it. The name is repeated only when it is
 * a plain host name, so nothing a client wrote beyond that comes back.
 *
 * @example
 * if (!hostAllowed(rule, req.headers.host)) return hostRefusal(req.headers.host); // 403 text/plain
 */
export function hostRefusal(header: string | undefined): Response {
  const name = header === undefined ? undefined : hostName(header);
  const shown = name !== undefined && (NAME.test(name) || isIP(name) !== 0) && name.length <= 100 ? name : undefined;
  const host = shown === undefined ? 'the host this request names' : `the host "${shown}"`;
  const message =
    `Failed to serve the request: ${host} is not allowed (a guard against DNS rebinding). ` +
    `Please open the sandbox as localhost or 127.0.0.1, or start it with --allowed-hosts ${shown ?? '<name>'} (allowedHosts of serve()).\n`;
  return new Response(message, {
    status: 403,
    headers: { 'content-type': 'text/plain; charset=utf-8', 'cache-control': 'no-store', 'x-content-type-options': 'nosniff' },
  });
}

/** The name part of a `Host` value (`name`, `name:port`, `[v6]`, `[v6]:port`), lower case, without a trailing dot. */
function hostName(value: string): string | undefined {
  const host = value.trim().toLowerCase();
  let name: string;
  if (host.startsWith('[')) {
    const end = host.indexOf(']');
    if (end < 0 || !/^(?::\d*)?$/.test(host.slice(end + 1))) return undefined;
    name = host.slice(1, end);
  } else {
    const colons = host.split(':').length - 1;
    // A bare IPv6 address is how `listen` takes one; in a `Host` header it would have brackets.
    if (colons > 1) return isIP(host) === 6 ? host : undefined;
    name = colons === 1 ? host.slice(0, host.indexOf(':')) : host;
  }
  return name.replace(/(?<=.)\.$/, '');
}

function printable(text: string): string {
  const visible = text.replace(/[^\x20-\x7e]/g, '?');
  return visible.length > 100 ? `${visible.slice(0, 100)}…` : visible;
}
