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
