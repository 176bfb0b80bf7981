/**
 * `JSON.stringify(value)` as a stream of UTF-8 chunks, for the state export: the same bytes, without building one
 * string of the whole state (100,000 users are 50 MB of text, held two or three times over on the way out). The
 * value and its tables are walked; each row, and anything deeper, is stringified on its own.
 * @module
 */

/** Options of {@link jsonStream}. */
export interface JsonStreamOptions {
  /** About how many characters each chunk holds. @default 65536 */
  chunkSize?: number;
  /**
   * Awaited before the first chunk is made; what it answers is streamed instead of `value` (the engine copies the
   * state under its write lock here, so the export is one instant and the lock is not held while the reader reads).
   */
  take?: () => Promise<unknown>;
  /** Called once when the last chunk is taken, the reader cancels, or making a chunk fails. */
  after?: () => void;
}

/** How deep the walk goes: the state (0), its tables (1); rows and their fields are stringified whole. */
const WALK_DEPTH = 2;

/**
 * A stream of `JSON.stringify(value)`'s bytes in chunks of about `chunkSize` characters, made as the reader pulls
 * (nothing is made before the first read, nothing ahead of the reader).
 *
 * @example
 * return new Response(jsonStream(state), { headers: { 'content-type': 'application/json; charset=utf-8' } });
 */
export function jsonStream(value: unknown, options: JsonStreamOptions = {}): ReadableStream<Uint8Array> {
  const chunkSize = options.chunkSize ?? 65_536;
  const encoder = new TextEncoder();
  let pieces: Iterator<string> | undefined;
  let done = false;
  const finish = () => {
    if (done) return;
    done = true;
    options.after?.();
  };
  return new ReadableStream<Uint8Array>(
    {
      async pull(controller) {
        try {
          if (!pieces) {
            pieces = walk(options.take ? await options.take() : value, 0);
          }
          const parts: string[] = [];
          let size = 0;
          while (size < chunkSize) {
            const next = pieces.next();
            if (next.done) break;
            parts.push(next.value);
            size += next.value.length;
          }
          if (parts.length > 0) controller.enqueue(encoder.encode(parts.join('')));
          if (size < chunkSize) {
            finish();
            controller.close();
          }
        } catch (error) {
          finish();
          throw error;
        }
      },
      cancel: finish,
    },
    // Pull only when read: an export nobody reads takes no lock and builds nothing.
    { highWaterMark: 0 },
  );
}

function* walk(value: unknown, depth: number): Generator<string> {
  if (depth >= WALK_DEPTH || typeof value !== 'object' || value === null || typeof (value as { toJSON?: unknown }).toJSON === 'function') {
    yield JSON.stringify(value) ?? 'undefined';
    return;
  }
  if (Array.isArray(value)) {
    yield '[';
    for (let i = 0; i < value.length; i++) {
      if (i > 0) yield ',';
      // JSON.stringify writes `null` for what has no JSON form inside an array.
      if (omitted(value[i])) yield 'null';
      else yield* walk(value[i], depth + 1);
    }
    yield ']';
    return;
  }
  yield '{';
  let first = true;
  for (const key of Object.keys(value)) {
    const item = (value as Record<string, unknown>)[key];
    // ... and leaves such a member out of an object.
    if (omitted(item)) continue;
    yield `${first ? '' : ','}${JSON.stringify(key)}:`;
    first = false;
    yield* walk(item, depth + 1);
  }
  yield '}';
}

function omitted(value: unknown): boolean {
  return value === undefined || typeof value === 'function' || typeof value === 'symbol';
}
