/**
 * How opencatd-open's handlers answer: `c.JSON` through `json.Marshal` (field order, HTML escaping, compact), in
 * its three body styles, gin's plain-text 404, and the empty bodies of `AbortWithError` and of a panic.
 * @module
 */
import { goMarshal } from '../go/json-encode.js';

const JSON_TYPE = 'application/json; charset=utf-8';
// docker/Dockerfile builds with golang:1.21, whose encoding/json writes `\b` and `\f` as `\u0008` and `\u000c`.
const GO_1_21 = { shortControlEscapes: false } as const;

/**
 * `c.JSON(status, value)`: the bytes `json.Marshal` writes.
 *
 * @example
 * return goJson(goStruct([{ name: 'id', value: 1 }]));
 */
export function goJson(value: unknown, status = 200): Response {
  return new Response(goMarshal(value, GO_1_21), { status, headers: { 'content-type': JSON_TYPE } });
}

/**
 * `gin.H{"error": message}`, HTTP 200 unless told otherwise (most of upstream's failures are 200).
 *
 * @example
 * return errorText('invalid user name');
 */
export function errorText(message: string, status = 200): Response {
  return goJson({ error: message }, status);
}

/**
 * The key routes' `gin.H{"error": gin.H{"message": message}}`.
 *
 * @example
 * return errorObject('Invalid Key Name', 400);
 */
export function errorObject(message: string, status: number): Response {
  return goJson({ error: { message } }, status);
}

/**
 * `gin.H{"message": "ok"}`, both deletes' success.
 *
 * @example
 * return messageOk();
 */
export function messageOk(): Response {
  return goJson({ message: 'ok' });
}

/**
 * A status with no body: `c.AbortWithError` (the 403 of `GET /1/me/usages`) and gin's Recovery after a panic (500).
 *
 * @example
 * return emptyAnswer(403);
 */
export function emptyAnswer(status: number): Response {
  return new Response(null, { status });
}

/**
 * gin's answer for a path or method without a route: `404 page not found`, `Content-Type: text/plain`.
 *
 * @example
 * return pageNotFound(ctx.method);
 */
export function pageNotFound(method = 'GET'): Response {
  // net/http never sends a body to HEAD.
  return new Response(method === 'HEAD' ? null : '404 page not found', { status: 404, headers: { 'content-type': 'text/plain' } });
}

/** The middleware's refusal, on every route but init. */
export const UNAUTHORIZED = 'Unauthorized';
