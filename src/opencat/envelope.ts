import type { EnvelopeReader } from '../core/envelope.js';
import type { ErrorKind } from '../core/errors/create-api-error.js';

/**
 * What upstream's messages mean. opencatd-open's statuses often mislead (a missing user is `403`, a duplicate key
 * `500`, a duplicate name or root's delete `200`), so a known message decides the class over the status. The
 * texts are opencatd-open's (`router/router.go` at c11824f; SQLite's and encoding/json's through it) and the edge
 * worker's (`C-Dao/opencatd_worker` `src/core/controller.ts` at 31ad315).
 */
const KINDS: ReadonlyArray<[RegExp, ErrorKind]> = [
  [/^Unauthorized$/, 'authentication'],
  [/^record not found$|^user not found$|^not found root user/, 'not_found'],
  [/UNIQUE constraint failed|^super user already exists|^commit conflict$/, 'conflict'],
  [/^invalid (user name|user id|key id)$|^id is not a number$|^Invalid Key Name$|^(unexpected )?EOF$|^invalid character |^json: /, 'validation'],
];

function kindOf(message: string): ErrorKind | undefined {
  return KINDS.find(([pattern]) => pattern.test(message))?.[1];
}

/** The text of `{"error":"…"}` (users, usages) or `{"error":{"message":"…"}}` (keys); `undefined` for any other body. */
function errorText(body: unknown): string | undefined {
  if (typeof body !== 'object' || body === null || Array.isArray(body) || !('error' in body)) return undefined;
  const { error } = body;
  if (typeof error === 'string') return error;
  if (typeof error === 'object' && error !== null && 'message' in error && typeof error.message === 'string') return error.message;
  return '';
}

/**
 * Reads opencat's bare answers. An answer is a failure when its status is not 2xx or when its body carries `error`,
 * in either of upstream's two styles: opencatd-open answers many failures with HTTP 200 (`{"error":"invalid user
 * id"}`), and the message is upstream's own. A known message picks the error class even against the status
 * (`403 {"error":"record not found"}` is a `NotFoundError`); gin's and Hono's plain-text `404` pages, an empty `403`
 * and an empty `500` are classed by their status.
 *
 * @example
 * openCatEnvelope({ error: 'record not found' }, response); // { ok: false, message: 'record not found', kind: 'not_found', decides: true }
 */
export const openCatEnvelope: EnvelopeReader = (body, response) => {
  const text = errorText(body);
  if (text !== undefined) {
    const kind = kindOf(text);
    return { ok: false, message: text, kind, decides: kind !== undefined };
  }
  if (!response.ok) {
    // Upstream's empty answers (the 403 of `/1/me/usages`, the 500 of a panic) say only their status; statusText is
    // left out since it differs between HTTP and in-process answers.
    const message = typeof body === 'string' ? body : `HTTP ${response.status} with ${body === undefined ? 'an empty body' : 'a body that is not an opencat error'}`;
    return { ok: false, message };
  }
  if (typeof body === 'string') return { ok: false, message: 'Failed to read the answer: it is not JSON. Please check that `baseURL` is an opencat server.' };
  return { ok: true, data: body };
};
