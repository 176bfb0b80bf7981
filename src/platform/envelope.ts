import type { EnvelopeReader } from '../core/envelope.js';
import { kindOfStatus } from '../core/errors/create-api-error.js';
import type { components } from './generated/schema.js';

/**
 * Every non-zero `code` the platform answers (`ApiError.code`); `Math.floor(code / 100)` is the HTTP status.
 *
 * @example
 * const lockedOut: PlatformErrorCode = 42903; // isPlatformError(err, lockedOut) narrows to it
 */
export type PlatformErrorCode = components['schemas']['ErrorCode'];

function isEnvelope(body: unknown): body is { code: number; message?: unknown; data?: unknown } {
  return typeof body === 'object' && body !== null && typeof (body as { code?: unknown }).code === 'number';
}

/**
 * Reads platform's `{code, message, data}` envelope: `code: 0` is success and `data` the payload;
 * any other code is an error carrying that code and the server's message, classed by the HTTP
 * status. The status and the code agree on the reference server (`code = status × 100 + n`); a
 * server that says `code: 40101` inside an HTTP 200 still gets an `AuthenticationError`. A body that
 * is not the envelope (a proxy's HTML 502) is an error with the status text.
 *
 * @example
 * platformEnvelope({ code: 40402, message: 'API key not found.', data: null }, response); // { ok: false, code: 40402, ... }
 */
export const platformEnvelope: EnvelopeReader = (body, response) => {
  if (!isEnvelope(body)) {
    const message = response.ok ? 'Failed to read the answer: it is not a {code, message, data} envelope.' : response.statusText || `HTTP ${response.status}`;
    return { ok: false, message };
  }
  if (body.code === 0 && response.ok) return { ok: true, data: body.data };
  const message = typeof body.message === 'string' && body.message !== '' ? body.message : `Request failed with code ${body.code}`;
  return { ok: false, message, code: body.code, kind: kindOfStatus(Math.floor(body.code / 100)) };
};
