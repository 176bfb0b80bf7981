/**
 * The smallest cookie jar a session login needs outside browsers: one origin per client, so
 * domain and path matching are not needed. Browsers keep their own jar (`credentials: 'include'`).
 *
 * @example
 * const jar = new CookieJar();
 * jar.store(response.headers);
 * request.headers.set('cookie', jar.header()!);
 */
export class CookieJar {
  readonly #cookies = new Map<string, { value: string; expires: number | undefined }>();

  /** Takes every `Set-Cookie` of a response; an expired or `Max-Age=0` cookie is removed. */
  store(headers: Headers, now = Date.now()): void {
    for (const line of headers.getSetCookie()) {
      const pair = line.split(';', 1)[0]!;
      const eq = pair.indexOf('=');
      if (eq <= 0) continue;
      const name = pair.slice(0, eq).trim();
      const value = pair.slice(eq + 1).trim();
      // Only Max-Age is read: the session cookies this jar exists for always carry it, and it wins
      // over Expires anyway (RFC 6265 §5.3). A cookie with neither lives as long as the client.
      const maxAge = /;\s*max-age=(-?\d+)/i.exec(line)?.[1];
      const expires = maxAge === undefined ? undefined : now + Number(maxAge) * 1000;
      if (expires !== undefined && !(expires > now)) this.#cookies.delete(name);
      else this.#cookies.set(name, { value, expires });
    }
  }

  /** The `Cookie` header value for the next request, or `undefined` when the jar is empty. */
  header(now = Date.now()): string | undefined {
    const parts: string[] = [];
    for (const [name, cookie] of this.#cookies) {
      if (cookie.expires !== undefined && cookie.expires <= now) this.#cookies.delete(name);
      else parts.push(`${name}=${cookie.value}`);
    }
    return parts.length > 0 ? parts.join('; ') : undefined;
  }

  /** Forgets every cookie (logout). */
  clear(): void {
    this.#cookies.clear();
  }
}
