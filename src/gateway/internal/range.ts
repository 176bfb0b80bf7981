/**
 * The bounds of `usage.summary`, read once: an ISO 8601 instant or a Date, never the machine's clock.
 * @module
 */

/**
 * `value` as an ISO 8601 instant in UTC (`2026-12-01T00:00:00.000Z`); a TypeError before anything is sent when it
 * is not a valid date.
 *
 * @example
 * isoInstant('2026-12-01', 'from'); // '2026-12-01T00:00:00.000Z'
 */
export function isoInstant(value: string | Date, name: 'from' | 'to'): string {
  const ms = value instanceof Date ? value.getTime() : typeof value === 'string' ? Date.parse(value) : Number.NaN;
  if (Number.isNaN(ms)) throw new TypeError(`Failed to call usage.summary: \`${name}\` must be an ISO 8601 date or a Date, got ${JSON.stringify(String(value))}.`);
  return new Date(ms).toISOString();
}
