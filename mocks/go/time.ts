/**
 * Go's `time.Parse(time.RFC3339, …)` as `time.Time.UnmarshalJSON` applies it (Go 1.20+, strict): a 4-digit year,
 * `T`, seconds required, an optional fraction, then `Z` or `±hh:mm`; each field in range.
 * @module
 */

const RFC3339 = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})(?:\.\d+)?(?:Z|[+-](\d{2}):(\d{2}))$/;

/**
 * Whether Go parses `text` as an RFC 3339 time.
 *
 * @example
 * isRfc3339('2024-02-29T23:59:59.5+08:00'); // true
 * isRfc3339('2023-02-29T00:00:00Z');        // false: no such day
 */
export function isRfc3339(text: string): boolean {
  const match = RFC3339.exec(text);
  if (!match) return false;
  const [year, month, day, hour, minute, second, offsetHour = 0, offsetMinute = 0] = match.slice(1).map((part) => (part === undefined ? undefined : Number(part))) as number[];
  const days = new Date(Date.UTC(year!, month!, 0)).getUTCDate();
  return month! >= 1 && month! <= 12 && day! >= 1 && day! <= days && hour! < 24 && minute! < 60 && second! < 60 && offsetHour < 24 && offsetMinute < 60;
}
