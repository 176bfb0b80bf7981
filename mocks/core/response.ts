/**
 * Response helpers shared by the core and the dialects.
 * @module
 */

/**
 * `response` with `edit` applied to its headers: in place where they are mutable, else on a copy (Response.redirect
 * and fetched answers have immutable headers; the first write throws, so nothing was half-set). Such an answer
 * never had a Set-Cookie appended (that write would have thrown too), so the copy loses no kept cookie line.
 *
 * @example
 * return editHeaders(response, (headers) => headers.set('X-Oneapi-Request-Id', id));
 */
export function editHeaders(response: Response, edit: (headers: Headers) => void): Response {
  try {
    edit(response.headers);
    return response;
  } catch {
    const copy = new Response(response.body, response);
    edit(copy.headers);
    return copy;
  }
}

/**
 * A JSON response (`application/json; charset=utf-8`, as gin writes it) with the given status and headers.
 *
 * @example
 * return jsonResponse({ ok: true });
 */
export function jsonResponse(body: unknown, init: { status?: number; headers?: HeadersInit } = {}): Response {
  const headers = new Headers(init.headers);
  if (!headers.has('content-type')) headers.set('content-type', 'application/json; charset=utf-8');
  const text = JSON.stringify(body);
  const response = new Response(text, { status: init.status ?? 200, headers });
  TEXTS.set(response, text);
  return response;
}

// The text of each answer built here, so the request journal need not clone and re-read the body stream.
const TEXTS = new WeakMap<Response, string>();

/**
 * The body text of a response {@link jsonResponse} built, without reading it; `undefined` for any other response.
 *
 * @example
 * knownBodyText(jsonResponse({ ok: true })); // '{"ok":true}'
 */
export function knownBodyText(response: Response): string | undefined {
  return TEXTS.get(response);
}
