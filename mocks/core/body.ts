/**
 * Request body reading with a hard size limit, counted on the bytes actually read (a missing or lying
 * Content-Length does not get past it).
 * @module
 */

/**
 * The largest body the reference server reads: 1 MiB.
 * @default 1048576
 */
export const BODY_LIMIT_BYTES = 1024 * 1024;

/**
 * The longest string V8 holds on 64-bit (`buffer.constants.MAX_STRING_LENGTH` in Node 20), in UTF-16 units: the
 * largest text `GET /__mock/state` can ever produce, since the export is one `JSON.stringify`.
 */
export const MAX_EXPORT_CHARS = 2 ** 29 - 24;

/**
 * The largest body `PUT /__mock/state` reads: whatever an export can be once encoded (at most three UTF-8 bytes per
 * UTF-16 unit), so every state `GET /__mock/state` hands out imports back, however much a client made the server
 * store. A fixed smaller bound failed that: one user's thousand tokens with full 65,535-byte text columns export
 * past 64 MiB. Only that control route has it; dialect routes keep 1 MiB.
 * @default 1610612664
 */
export const STATE_IMPORT_LIMIT_BYTES = 3 * MAX_EXPORT_CHARS;

/**
 * Why a body could not be read: `empty` (no bytes), `malformed` (not JSON), `not_object` (JSON, but not the
 * object the handler asked for) or `too_large`. Four kinds, so a dialect can answer each its own way.
 */
export type BodyErrorKind = 'empty' | 'malformed' | 'not_object' | 'too_large';

const MESSAGES: Record<BodyErrorKind, string> = {
  empty: 'Failed to read the body: it is empty.',
  malformed: 'Failed to read the body: it is not valid JSON.',
  not_object: 'Failed to read the body: it is not a JSON object.',
  too_large: 'Failed to read the body: it exceeds the limit.',
};

/** A body the core could not read as asked; the engine answers it with the dialect's hook for `kind`. */
export class BodyError extends Error {
  override name = 'BodyError';
  constructor(
    readonly kind: BodyErrorKind,
    limit: number = BODY_LIMIT_BYTES,
  ) {
    super(kind === 'too_large' ? `Failed to read the body: it exceeds ${limit} bytes.` : MESSAGES[kind]);
  }
}

/**
 * The body's bytes, or a `BodyError('too_large')` past `limit`. Stops reading (and cancels the stream) as soon
 * as the limit is crossed.
 *
 * @example
 * const bytes = await readBodyBytes(request, BODY_LIMIT_BYTES);
 */
export async function readBodyBytes(request: Request, limit: number = BODY_LIMIT_BYTES): Promise<Uint8Array> {
  const declared = Number(request.headers.get('content-length') ?? NaN);
  if (declared > limit) throw new BodyError('too_large', limit);
  if (!request.body) return new Uint8Array(0);
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > limit) {
      // Not awaited: on a tee'd body (a request cloned for the onResponse observer) cancelling one branch only
      // settles once the other is cancelled too, so awaiting it here would hang the request, and its write lock.
      reader.cancel().catch(() => undefined);
      throw new BodyError('too_large', limit);
    }
    chunks.push(value);
  }
  if (chunks.length === 1) return chunks[0]!;
  const out = new Uint8Array(total);
  let offset = 0;
  for (const chunk of chunks) {
    out.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return out;
}

/**
 * The body parsed as JSON: a `BodyError('empty')` without bytes, `BodyError('malformed')` when it is not JSON
 * (whitespace only included, as both Go's decoder and Python's `json.loads` refuse it).
 *
 * @example
 * const body = await readJsonBody(request);
 */
export async function readJsonBody(request: Request, limit: number = BODY_LIMIT_BYTES): Promise<unknown> {
  return parseJsonBody(await readTextBody(request, limit));
}

/**
 * The body as UTF-8 text (invalid bytes become U+FFFD), with the same limit.
 *
 * @example
 * const form = new URLSearchParams(await readTextBody(request));
 */
export async function readTextBody(request: Request, limit: number = BODY_LIMIT_BYTES): Promise<string> {
  return new TextDecoder().decode(await readBodyBytes(request, limit));
}

/**
 * Text parsed as JSON, or a `BodyError` (`empty` for `''`, `malformed` otherwise).
 *
 * @example
 * const body = parseJsonBody(await readTextBody(request));
 */
export function parseJsonBody(text: string): unknown {
  if (text === '') throw new BodyError('empty');
  try {
    return JSON.parse(text) as unknown;
  } catch {
    throw new BodyError('malformed');
  }
}

/**
 * `value` when it is a JSON object (not an array, not `null`), else a `BodyError('not_object')`.
 *
 * @example
 * const body = asJsonObject(parseJsonBody(text));
 */
export function asJsonObject(value: unknown): Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) throw new BodyError('not_object');
  return value as Record<string, unknown>;
}
