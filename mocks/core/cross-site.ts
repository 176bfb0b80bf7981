/**
 * Whether a request was sent by a browser on behalf of another site: the check behind the sandbox's own buttons,
 * which any web page could otherwise post to on a developer's localhost.
 * @module
 */

/**
 * `true` when the browser says the request comes from another site (`Sec-Fetch-Site`), or its `Origin` is opaque
 * or names a host other than the one the browser addressed. Requests without either header (curl, tests, the
 * SDK on Node) are not cross-site: only browsers are tricked into sending requests, and they send both.
 *
 * The `Host` header is the right comparison here, unlike for links: a browser always sends the host it
 * addresses, and a client that forges `Host` is not a browser acting for someone else.
 *
 * @example
 * if (isCrossSite(ctx.request)) return errorPage(403, 'This form was not posted from this page.');
 */
export function isCrossSite(request: Request): boolean {
  const site = request.headers.get('sec-fetch-site');
  if (site !== null && site !== 'same-origin' && site !== 'none') return true;
  const origin = request.headers.get('origin');
  if (origin === null) return false;
  const addressed = request.headers.get('host') ?? new URL(request.url).host;
  try {
    const from = new URL(origin);
    // Through URL on both sides, so `localhost:80` and `localhost` are the same host.
    return from.host !== new URL(`${from.protocol}//${addressed}`).host;
  } catch {
    // `Origin: null` (a sandboxed frame, a file:// page) and anything unparsable.
    return true;
  }
}
