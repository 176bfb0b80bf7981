/**
 * Helpers for the plain-data state every dialect keeps.
 * @module
 */

/**
 * Replaces every top-level key of `target` with those of `source`, keeping `target`'s identity so that
 * references to the live state (`server.state`) stay valid across rollbacks, resets and imports.
 *
 * @example
 * replaceContents(server.state, snapshot);
 */
export function replaceContents<T extends object>(target: T, source: T): void {
  for (const key of Object.keys(target)) delete (target as Record<string, unknown>)[key];
  Object.assign(target, source);
}

/**
 * A deep copy of the state, safe to hand out (the control API's export).
 *
 * @example
 * const copy = serialize(server.state);
 */
export function serialize<T>(state: T): T {
  return structuredClone(state);
}

/**
 * `value` with the keys of every object in the order `reference` has them, keys only `value` has (defaults)
 * last. A schema's output lists the shape's keys first; put back in the import's order, an imported state
 * exports byte for byte as it came in.
 *
 * @example
 * replaceContents(state, inKeyOrderOf(body, parsed.value));
 */
export function inKeyOrderOf<T>(reference: unknown, value: T): T {
  if (Array.isArray(value)) {
    if (Array.isArray(reference)) for (let i = 0; i < value.length; i++) value[i] = inKeyOrderOf(reference[i], value[i]);
    return value;
  }
  if (!isPlainObject(value) || !isPlainObject(reference)) return value;
  const order = Object.keys(reference).filter((key) => Object.hasOwn(value, key));
  for (const key of Object.keys(value)) if (!Object.hasOwn(reference, key)) order.push(key);
  // Rebuilding every object costs as much as the schema did; most (records, arrays of rows) are already in order.
  const keys = Object.keys(value);
  const inOrder = keys.length === order.length && keys.every((key, i) => key === order[i]);
  const out: Record<string, unknown> = inOrder ? value : {};
  for (const key of order) {
    const item = inKeyOrderOf(reference[key], value[key]);
    // An own `__proto__` key (JSON.parse makes one) must stay a key: assignment would set the prototype instead.
    if (key === '__proto__') Object.defineProperty(out, key, { value: item, enumerable: true, writable: true, configurable: true });
    else out[key] = item;
  }
  return out as T;
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
