/**
 * `JSON.stringify(value)` as a stream of UTF-8 chunks, for the state export: the same bytes, without building one
 * string of the whole state (100,000 users are 50 MB of text, held two or three times over on the way out). The
 * value and its tables are walked; each row, and anything deeper, is stringified on its own.
 * @module
 */
import { plainCopy } from './plain-copy.js';

/** Options of {@link jsonStream}. */
export interface JsonStreamOptions {
  /** About how many characters each chunk holds. @default 65536 */
  chunkSize?: number;
  /**
   * Awaited before the first chunk is made: the engine's write lock, so the export is one instant. Held while the
   * reader reads; when `contended` settles (a write is waiting), what is left is copied (./plain-copy.ts), the lock
   * released, and the rest streamed from the copy: a reader that stalls holds no write back, and the copy is made
   * only when a write needs it.
   */
  lock?: () => Promise<StreamLock>;
  /** Called once when the last chunk is taken, the reader cancels, or making a chunk fails. */
  after?: () => void;
}

/** The lock {@link JsonStreamOptions.lock} answers. */
export interface StreamLock {
  contended: Promise<void>;
  release(): void;
}


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
  let source = value;
  let lock: StreamLock | undefined;
  let done = false;
  const unlock = () => {
    lock?.release();
    lock = undefined;
  };
  const finish = () => {
    if (done) return;
    done = true;
    // The walk holds what it streams (perhaps a copy of the state): let it go now, not when the stream is collected.
    pieces = undefined;
    source = undefined;
    unlock();
    options.after?.();
  };
  return new ReadableStream<Uint8Array>(
    {
      async pull(controller) {
        try {
          if (done) return;
          if (!pieces) {
            const taken = options.lock ? await options.lock() : undefined;
            // Cancelled while waiting for the lock.
            if (done) return taken?.release();
            lock = taken;
            void taken?.contended.then(() => {
              if (lock !== taken) return;
              // Nothing was written while the lock was held, so the copy has the same shape: the walk goes on in it.
              source = plainCopy(source);
              unlock();
            });
            pieces = walk(() => source);
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

// Every step reads from `root()`, so the walk can move over to a copy of the value between two steps; lengths and
// keys are read once, when the walk enters an array or object, from what `root()` answered then.
function* walk(root: () => unknown): Generator<string> {
  if (!walked(root())) {
    yield JSON.stringify(root()) ?? 'undefined';
    return;
  }
  const table = (key: string) => () => (root() as Record<string, unknown>)[key];
  yield* members(root as () => object, (key) => {
    const get = table(key);
    return walked(get()) ? members(get as () => object, (inner) => stringify((get() as Record<string, unknown>)[inner])) : stringify(get());
  });
}

const walked = (value: unknown): value is object =>
  typeof value === 'object' && value !== null && typeof (value as { toJSON?: unknown }).toJSON !== 'function';

// A row's text as a string, not a generator: one per row would be 100,000 more objects per export.
const stringify = (value: unknown): string => JSON.stringify(value) ?? 'undefined';

/** The members of what `get()` answers, as JSON.stringify writes them, each member's text made by `item(key)`. */
function* members(get: () => object, item: (key: string) => string | Generator<string>): Generator<string> {
  const at = (key: string) => (get() as Record<string, unknown>)[key];
  const start = get();
  if (Array.isArray(start)) {
    const length = start.length;
    yield '[';
    for (let i = 0; i < length; i++) {
      if (i > 0) yield ',';
      // JSON.stringify writes `null` for what has no JSON form inside an array.
      if (omitted(at(String(i)))) yield 'null';
      else {
        const text = item(String(i));
        if (typeof text === 'string') yield text;
        else yield* text;
      }
    }
    yield ']';
    return;
  }
  yield '{';
  let first = true;
  for (const key of Object.keys(start)) {
    // ... and leaves such a member out of an object.
    if (omitted(at(key))) continue;
    yield `${first ? '' : ','}${JSON.stringify(key)}:`;
    first = false;
    const text = item(key);
    if (typeof text === 'string') yield text;
    else yield* text;
  }
  yield '}';
}

function omitted(value: unknown): boolean {
  return value === undefined || typeof value === 'function' || typeof value === 'symbol';
}
