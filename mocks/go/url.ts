/**
 * Go's `url.ParseRequestURI` as a yes/no: the check new-api applies to webhook, Bark and Gotify URLs. It is far
 * looser than WHATWG's `new URL()`: `/hook` and `mailto:x` pass, `example.com/hook` and `http://a b` do not.
 * @module
 */

const HEX = /^[0-9a-fA-F]$/;
// Characters a host may hold besides alphanumerics and bytes ≥ 0x80 (`shouldEscape(c, encodeHost)` is false).
const HOST_MARKS = new Set("!$&'()*+,;=:[]<>\"-_.~");
const USERINFO_MARKS = new Set("-._:~!$&'()*+,;=%@");

/**
 * Whether `url.ParseRequestURI(raw)` succeeds (Go 1.25 `net/url`).
 *
 * @example
 * parsesAsRequestUri('https://api.day.app/key'); // true
 * parsesAsRequestUri('api.day.app/key'); // false: "invalid URI for request"
 */
export function parsesAsRequestUri(raw: string): boolean {
  if (raw === '' || /[\x00-\x1f\x7f]/.test(raw)) return false;
  if (raw === '*') return true;
  const split = splitScheme(raw);
  if (!split) return false;
  const { scheme } = split;
  let rest = split.rest;
  // The query is cut off and never checked.
  rest = rest.endsWith('?') && rest.indexOf('?') === rest.length - 1 ? rest.slice(0, -1) : rest.split('?')[0]!;
  if (!rest.startsWith('/')) return scheme !== ''; // an opaque URI such as mailto:x, or no path at all
  if (scheme !== '' && rest.startsWith('//')) {
    const authority = rest.slice(2).split('/')[0]!;
    if (!validAuthority(authority)) return false;
    rest = rest.slice(2 + authority.length);
  }
  return validEscapes(rest);
}

/** `getScheme`: `undefined` for "missing protocol scheme" (a leading colon). */
function splitScheme(raw: string): { scheme: string; rest: string } | undefined {
  for (let i = 0; i < raw.length; i++) {
    const c = raw[i]!;
    if (/[a-zA-Z]/.test(c)) continue;
    if (/[0-9+\-.]/.test(c)) {
      if (i === 0) return { scheme: '', rest: raw };
      continue;
    }
    if (c === ':') return i === 0 ? undefined : { scheme: raw.slice(0, i), rest: raw.slice(i + 1) };
    return { scheme: '', rest: raw };
  }
  return { scheme: '', rest: raw };
}

/** `parseAuthority`: optional userinfo before the last `@`, then the host with an optional numeric port. */
function validAuthority(authority: string): boolean {
  const at = authority.lastIndexOf('@');
  const host = authority.slice(at + 1);
  if (at >= 0) {
    const userinfo = authority.slice(0, at);
    if (![...userinfo].every((c) => /[a-zA-Z0-9]/.test(c) || USERINFO_MARKS.has(c)) || !validEscapes(userinfo)) return false;
  }
  let port: string;
  if (host.startsWith('[')) {
    const close = host.lastIndexOf(']');
    if (close < 0) return false;
    port = host.slice(close + 1);
  } else {
    const colon = host.lastIndexOf(':');
    port = colon < 0 ? '' : host.slice(colon);
  }
  if (port !== '' && !/^:\d*$/.test(port)) return false;
  for (let i = 0; i < host.length; i++) {
    const c = host[i]!;
    if (c === '%') {
      // In a host, %-escapes are only for non-ASCII bytes, %25 excepted (IPv6 zones).
      if (!HEX.test(host[i + 1] ?? '') || !HEX.test(host[i + 2] ?? '')) return false;
      if (parseInt(host[i + 1]!, 16) < 8 && host.slice(i, i + 3) !== '%25') return false;
      i += 2;
    } else if (c.charCodeAt(0) < 0x80 && !/[a-zA-Z0-9]/.test(c) && !HOST_MARKS.has(c)) {
      return false;
    }
  }
  return true;
}

/** `unescape`: every `%` must start a two-digit hex escape. */
function validEscapes(text: string): boolean {
  for (let i = text.indexOf('%'); i >= 0; i = text.indexOf('%', i + 3)) {
    if (!HEX.test(text[i + 1] ?? '') || !HEX.test(text[i + 2] ?? '')) return false;
  }
  return true;
}
