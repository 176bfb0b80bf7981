/**
 * Upstream's body handling: the pipeline reads the raw bytes of every POST, PUT and PATCH before the role check (here,
 * where the sandbox's 1 MiB bound answers 413), and a handler parses them later with `ensure_json_body`
 * (`src/api/base/context.py`): no bytes → 400 `请求体不能为空`, not JSON → 400 `请求体必须是合法的JSON`, bytes that
 * are not UTF-8 → an unhandled `UnicodeDecodeError`, 500. `Content-Type` is never read; `NaN` and `Infinity` parse,
 * as Python's `json.loads` reads them.
 * @module
 */
import type { RequestContext } from '../core/types.js';
import { httpError, systemError } from './envelope.js';
import { BODY } from './messages.js';
import { parsePythonJson } from './python-json.js';
import type { AetherState } from './state.js';

type Ctx = RequestContext<AetherState>;

// Per request, so a handler replayed after its password work (docs/decisions/014) reads the same bytes again.
const bodies = new WeakMap<Request, Promise<Uint8Array>>();

/**
 * The pipeline's read of the raw body (POST, PUT, PATCH only), with the sandbox's bound: past 1 MiB a
 * `BodyError('too_large')`, which the engine answers 413. Read through the context, so the request journal keeps it.
 *
 * @example
 * await readRawBody(ctx); // before the role check
 */
export function readRawBody(ctx: Ctx): Promise<Uint8Array> {
  let bytes = bodies.get(ctx.request);
  if (!bytes) bodies.set(ctx.request, (bytes = ctx.readBytes()));
  return bytes;
}

/**
 * `ensure_json_body()`: the parsed JSON, any JSON value (`null` included), or the refusal upstream gives.
 *
 * @example
 * const payload = await ensureJsonBody(ctx);
 */
export async function ensureJsonBody(ctx: Ctx): Promise<unknown> {
  const bytes = await readRawBody(ctx);
  if (bytes.length === 0) throw httpError(400, BODY.empty);
  let text: string;
  try {
    // ignoreBOM keeps a leading U+FEFF, which Python's json.loads refuses as it is.
    text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes);
  } catch {
    throw systemError();
  }
  try {
    return parsePythonJson(text);
  } catch {
    throw httpError(400, BODY.invalidJson);
  }
}
