/**
 * Response helpers shared by the core and the dialects.
 * @module
 */

/**
 * A JSON response (`application/json; charset=utf-8`, as gin writes it) with the given status and headers.
 *
 * @example
 * return jsonResponse({ ok: true });
 */
export function jsonResponse(body: unknown, init: { status?: number; headers?: HeadersInit } = {}): Response {
  const headers = new Headers(init.headers);
  if (!headers.has('content-type')) headers.set('content-type', 'application/json; charset=utf-8');
  return new Response(JSON.stringify(body), { status: init.status ?? 200, headers });
}
