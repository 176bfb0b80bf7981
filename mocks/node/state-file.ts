/**
 * `--state FILE`: the sandbox's state on disk, so a sandbox kept for days survives restarts. The file holds one
 * state per dialect, exactly as `GET /__mock/state` exports it, under a format name and version; it is written
 * to a temporary file and renamed over the old one, so a crash mid-write never leaves half a file.
 * @module
 */
import { randomBytes } from 'node:crypto';
import { readFile, rename, rm, writeFile } from 'node:fs/promises';
import type { ReferenceServer } from '../index.js';

/** What the file says it is; anything else is refused rather than overwritten. */
export const STATE_FILE_FORMAT = 'gatewaykit-sandbox-state';
/** The layout version this code writes and reads. A later version is refused: an older sandbox cannot know it. */
export const STATE_FILE_VERSION = 1;

/** The file as written. */
export interface StateFileContents {
  format: typeof STATE_FILE_FORMAT;
  version: number;
  /** Each dialect's exported state, by dialect name. Dialects not served this time are kept as they were. */
  dialects: Record<string, unknown>;
}

/** A state file that cannot be used; the sandbox does not start and the file is left as it is. */
export class StateFileError extends Error {
  override name = 'StateFileError';
}

/** The control API's address inside the process: the state moves through it, validated like any import. */
const CONTROL = 'http://localhost/__mock/state';

/**
 * The state file of one sandbox run: {@link StateFile.load} once at start, {@link StateFile.changed} after every
 * request that may have written, {@link StateFile.flush} at exit.
 *
 * @example
 * const file = new StateFile('sandbox.json', servers);
 * await file.load(); // false: no file yet, the servers stay seeded
 */
export class StateFile {
  readonly path: string;
  readonly #servers: ReadonlyMap<string, ReferenceServer>;
  readonly #delayMs: number;
  readonly #headers: Readonly<Record<string, string>>;
  readonly #onError: (error: unknown) => void;
  /** Dialects in the file that this run does not serve: written back unchanged. */
  #others: Record<string, unknown> = {};
  #timer: ReturnType<typeof setTimeout> | undefined;
  #writing: Promise<void> = Promise.resolve();
  #lastWritten: string | undefined;

  /**
   * `headers` go with every control request: the control token, where the control API is guarded. `onError`
   * hears of a debounced save that failed (a full disk, a folder removed); the next save tries again.
   */
  constructor(
    path: string,
    servers: ReadonlyMap<string, ReferenceServer>,
    delayMs = 200,
    headers: Readonly<Record<string, string>> = {},
    onError: (error: unknown) => void = () => undefined,
  ) {
    this.path = path;
    this.#servers = servers;
    this.#delayMs = delayMs;
    this.#headers = headers;
    this.#onError = onError;
  }

  /**
   * Imports each served dialect's state from the file. Resolves `false` when the file does not exist (the
   * servers keep their seeded state); throws a {@link StateFileError}, having changed nothing in the file, when
   * it is not a state file, has a later version, or holds a state a server refuses.
   */
  async load(): Promise<boolean> {
    let text: string;
    try {
      text = await readFile(this.path, 'utf8');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return false;
      throw new StateFileError(`Failed to start: cannot read the state file ${this.path} (${(error as Error).message}).`);
    }
    const contents = parseContents(text, this.path);
    for (const [name, server] of this.#servers) {
      if (!Object.hasOwn(contents.dialects, name)) continue;
      const answer = await server.fetch(new Request(CONTROL, { method: 'PUT', headers: { ...this.#headers, 'content-type': 'application/json' }, body: JSON.stringify(contents.dialects[name]) }));
      if (!answer.ok) {
        const reason = ((await answer.json().catch(() => ({}))) as { error?: string }).error ?? `HTTP ${answer.status}.`;
        throw new StateFileError(`Failed to start: the state file ${this.path} holds a ${name} state this sandbox refuses: ${reason} The file is left untouched.`);
      }
    }
    this.#others = Object.fromEntries(Object.entries(contents.dialects).filter(([name]) => !this.#servers.has(name)));
    this.#lastWritten = text;
    return true;
  }

  /** Schedules a save: several changes in a row are written once, {@link StateFile} `delayMs` after the last. */
  changed(): void {
    clearTimeout(this.#timer);
    // Nobody awaits a debounced save: its failure goes to onError rather than crashing the process.
    this.#timer = setTimeout(() => void this.flush().catch(this.#onError), this.#delayMs);
    // A pending save must not keep a process alive that is otherwise done.
    this.#timer.unref?.();
  }

  /** Writes the current state now (unless it is what the file already holds) and resolves when it is on disk. */
  flush(): Promise<void> {
    clearTimeout(this.#timer);
    this.#timer = undefined;
    // One write at a time, in order: the last one to finish is the newest state. A failed write (already reported
    // to its caller) must not fail every later one.
    this.#writing = this.#writing.catch(() => undefined).then(() => this.#write());
    return this.#writing;
  }

  async #write(): Promise<void> {
    const dialects: Record<string, unknown> = { ...this.#others };
    for (const [name, server] of this.#servers) {
      const answer = await server.fetch(new Request(CONTROL, { headers: this.#headers }));
      // Anything but the state (a 401, the 404 of `control: false`) must never replace a good file.
      if (!answer.ok) throw new StateFileError(`Failed to save the state file ${this.path}: cannot export the ${name} state (HTTP ${answer.status}). The file is left as it was.`);
      dialects[name] = await answer.json();
    }
    const text = `${JSON.stringify({ format: STATE_FILE_FORMAT, version: STATE_FILE_VERSION, dialects } satisfies StateFileContents)}\n`;
    if (text === this.#lastWritten) return;
    const temporary = `${this.path}.${randomBytes(6).toString('hex')}.tmp`;
    try {
      await writeFile(temporary, text, { mode: 0o600 });
      await rename(temporary, this.path);
    } catch (error) {
      await rm(temporary, { force: true });
      throw error;
    }
    this.#lastWritten = text;
  }
}

function parseContents(text: string, path: string): StateFileContents {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    throw new StateFileError(`Failed to start: ${path} is not a gatewaykit state file (it is not JSON). The file is left untouched; pass another --state file or remove this one.`);
  }
  const record = (typeof value === 'object' && value !== null ? value : {}) as Partial<StateFileContents>;
  if (record.format !== STATE_FILE_FORMAT || typeof record.dialects !== 'object' || record.dialects === null || Array.isArray(record.dialects)) {
    throw new StateFileError(`Failed to start: ${path} is not a gatewaykit state file (no "format": "${STATE_FILE_FORMAT}"). The file is left untouched; pass another --state file or remove this one.`);
  }
  if (record.version !== STATE_FILE_VERSION) {
    throw new StateFileError(`Failed to start: ${path} has state file version ${JSON.stringify(record.version)}; this sandbox reads version ${STATE_FILE_VERSION}. The file is left untouched.`);
  }
  return record as StateFileContents;
}
