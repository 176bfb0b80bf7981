/**
 * The undo journal behind the reference server's transactions. A mutating request's handler sees the state
 * through proxies that note each write's previous value; a request that fails is undone by replaying those
 * notes backwards. The cost is proportional to what the request touches, where copying the whole state before
 * every write made each write slower as the state grew (a long-lived sandbox got twice as slow per 1,000 logins).
 * @module
 */

interface Undo {
  target: Record<PropertyKey, unknown>;
  key: PropertyKey;
  had: boolean;
  old: unknown;
}

/** One server's journal: {@link Journal.track} hands out views, {@link Journal.run} brackets a transaction. */
export interface Journal {
  /**
   * The view of `root` that handlers write through. Reading through it gives views of nested objects (the
   * same view for the same object, so identity comparisons between values read from the state hold).
   */
  track<T extends object>(root: T): T;
  /** Runs `fn` as a transaction: the writes made through views are kept, or undone when `fn` says so. */
  run<T>(fn: (undo: () => void) => Promise<T>): Promise<T>;
}

// The key a view answers with its raw target; a symbol, so no state key (all strings) can collide with it.
const RAW: unique symbol = Symbol('journal raw');

/**
 * The raw object behind a journal view (or `value` itself when it is not one), for reads that walk a whole table:
 * `Object.keys` or a loop over a view pays a proxy trap per entry, which a login on a server holding thousands of
 * sessions would pay every time (docs/decisions/013). Reading only: a write to what this answers is not
 * journaled, so it would survive an undo.
 *
 * @example
 * const count = Object.keys(rawForReading(ctx.state.sessions)).length;
 */
export function rawForReading<T extends object>(value: T): T {
  return ((value as { [RAW]?: T })[RAW] ?? value) as T;
}

const isPlainData = (value: unknown): value is Record<PropertyKey, unknown> =>
  typeof value === 'object' && value !== null && (Array.isArray(value) || Object.getPrototypeOf(value) === Object.prototype || Object.getPrototypeOf(value) === null);

/**
 * Creates the journal for one server. Writes made while no transaction runs go straight through, unrecorded.
 *
 * @example
 * const journal = createJournal();
 * const view = journal.track(state);
 * await journal.run(async (undo) => { view.counter += 1; undo(); }); // state.counter is back where it was
 */
export function createJournal(): Journal {
  const views = new WeakMap<object, object>();
  const targets = new WeakMap<object, object>();
  let log: Undo[] | undefined;

  const note = (target: Record<PropertyKey, unknown>, key: PropertyKey) => {
    if (!log) return;
    // Writing past an array's end grows its length as a side effect, before any write to `length` is seen.
    if (Array.isArray(target) && key !== 'length') log.push({ target, key: 'length', had: true, old: target.length });
    log.push({ target, key, had: Object.prototype.hasOwnProperty.call(target, key), old: target[key] });
  };

  // Shortening an array by writing `length` deletes its tail without a deleteProperty trap.
  const noteTruncation = (target: Record<PropertyKey, unknown>, length: unknown) => {
    if (!log || !Array.isArray(target)) return;
    for (let i = target.length - 1; i >= Number(length); i--) {
      if (Object.prototype.hasOwnProperty.call(target, i)) log.push({ target, key: String(i), had: true, old: target[i] });
    }
  };

  // A view must never end up inside the state: it would alias, and it cannot be exported (structuredClone).
  const unwrap = (value: unknown, seen = new Set<object>()): unknown => {
    if (typeof value !== 'object' || value === null) return value;
    const target = targets.get(value);
    if (target) return target;
    if (!isPlainData(value) || seen.has(value)) return value;
    seen.add(value);
    for (const key of Object.keys(value)) {
      const inner = value[key];
      if (typeof inner === 'object' && inner !== null) value[key] = unwrap(inner, seen);
    }
    return value;
  };

  // Searches that answer a number or a boolean give the same answer on the raw array, at native speed: a
  // replay check over thousands of used ciphertexts must not pay a proxy trap per element.
  const searches = new Map<PropertyKey, (this: unknown[], ...args: unknown[]) => unknown>();
  for (const name of ['includes', 'indexOf', 'lastIndexOf'] as const) {
    const method = Array.prototype[name] as (...args: unknown[]) => unknown;
    searches.set(name, function (this: unknown[], ...args: unknown[]) {
      const raw = (targets.get(this) ?? this) as unknown[];
      // Identity search: only a view needs translating; a composite that is not a view cannot be in the raw
      // array under another identity, and must not be rewritten in place.
      const needle = typeof args[0] === 'object' && args[0] !== null ? (targets.get(args[0]) ?? args[0]) : args[0];
      return method.apply(raw, [needle, ...args.slice(1)]);
    });
  }

  const handler: ProxyHandler<Record<PropertyKey, unknown>> = {
    get(target, key) {
      if (key === RAW) return target;
      if (Array.isArray(target)) {
        const search = searches.get(key);
        if (search) return search;
      }
      const value = Reflect.get(target, key);
      return isPlainData(value) ? view(value) : value;
    },
    set(target, key, value) {
      if (key === 'length') noteTruncation(target, value);
      note(target, key);
      return Reflect.set(target, key, unwrap(value));
    },
    deleteProperty(target, key) {
      if (Object.prototype.hasOwnProperty.call(target, key)) note(target, key);
      return Reflect.deleteProperty(target, key);
    },
    defineProperty(target, key, descriptor) {
      if (key === 'length' && 'value' in descriptor) noteTruncation(target, descriptor.value);
      note(target, key);
      return Reflect.defineProperty(target, key, 'value' in descriptor ? { ...descriptor, value: unwrap(descriptor.value) } : descriptor);
    },
  };

  function view<T extends object>(target: T): T {
    let existing = views.get(target);
    if (!existing) {
      existing = new Proxy(target as Record<PropertyKey, unknown>, handler);
      views.set(target, existing);
      targets.set(existing, target);
    }
    return existing as T;
  }

  return {
    track: view,
    async run(fn) {
      const entries: Undo[] = [];
      log = entries;
      const undo = () => {
        for (let i = entries.length - 1; i >= 0; i--) {
          const { target, key, had, old } = entries[i]!;
          if (had) target[key] = old;
          else delete target[key];
        }
        entries.length = 0;
      };
      try {
        return await fn(undo);
      } finally {
        log = undefined;
      }
    },
  };
}
