/**
 * A copy of plain data (arrays and objects whose prototype is `Object.prototype` or `null`), for the state export's
 * snapshot: taken under the write lock in one step, so the lock is released at once and a reader that stalls holds
 * nothing. Strings are shared (they are immutable), so the copy costs the rows' object structure, not their text;
 * anything that is not plain data (none is in a state, which must import back) is shared as it is.
 * @module
 */

/**
 * `value` copied deeply, key order and `undefined` members kept, so `JSON.stringify` of the copy is the same text.
 *
 * @example
 * const instant = plainCopy(state); // later writes to state do not reach instant
 */
export function plainCopy<T>(value: T): T {
  if (typeof value !== 'object' || value === null) return value;
  if (Array.isArray(value)) {
    const out = new Array<unknown>(value.length);
    for (let i = 0; i < value.length; i++) if (i in value) out[i] = plainCopy(value[i]);
    return out as T;
  }
  const proto = Object.getPrototypeOf(value);
  if (proto !== Object.prototype && proto !== null) return value;
  // A spread copies a row's own members in their order at native speed (a row is mostly strings and numbers);
  // only members that are objects are copied further. A null prototype, or an own `__proto__` member (JSON.parse
  // makes one), would not survive a spread: those take the slow way.
  const fast = proto === Object.prototype && !Object.prototype.hasOwnProperty.call(value, '__proto__');
  const out: Record<string, unknown> = fast ? { ...(value as Record<string, unknown>) } : Object.create(proto);
  for (const key in value) {
    const item = (value as Record<string, unknown>)[key];
    if (fast) {
      if (typeof item === 'object' && item !== null) out[key] = plainCopy(item);
    } else Object.defineProperty(out, key, { value: plainCopy(item), enumerable: true, writable: true, configurable: true });
  }
  return out as T;
}
