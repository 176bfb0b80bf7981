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
  const out: Record<string, unknown> = proto === null ? Object.create(null) : {};
  for (const key of Object.keys(value)) {
    const item = plainCopy((value as Record<string, unknown>)[key]);
    // An own `__proto__` member (JSON.parse makes one) must stay a member, not become the copy's prototype.
    if (key === '__proto__') Object.defineProperty(out, key, { value: item, enumerable: true, writable: true, configurable: true });
    else out[key] = item;
  }
  return out as T;
}
