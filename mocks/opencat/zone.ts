/**
 * The server's zone (`TimeZone` setting) as upstream uses `time.Local`: offsets for printing, today's date for a
 * new usage row, and this month's `[from, to)` for `GET /1/usages` without bounds.
 * @module
 */
import type { OffsetMinutes } from '../core/time-format.js';

const OFFSET = /^([+-])(\d{2}):(\d{2})$/;

/**
 * Whether `text` is a zone the `TimeZone` setting takes: `±hh:mm`, under 24 hours.
 *
 * @example
 * isZone('+08:00'); // true
 */
export function isZone(text: string): boolean {
  const match = OFFSET.exec(text);
  return match !== null && Number(match[2]) < 24 && Number(match[3]) < 60;
}

/**
 * The zone in minutes east of UTC.
 *
 * @example
 * zoneOffset('-05:30'); // -330
 */
export function zoneOffset(zone: string): OffsetMinutes {
  const match = OFFSET.exec(zone);
  if (!match) return 0;
  const minutes = Number(match[2]) * 60 + Number(match[3]);
  return match[1] === '-' ? -minutes : minutes;
}

/**
 * The `YYYY-MM-DD` of `ms` in the zone, as `time.Now()`'s date (the day a request's usage is added to).
 *
 * @example
 * localDate(Date.UTC(2024, 6, 18, 17), 480); // '2024-07-19'
 */
export function localDate(ms: number, offset: OffsetMinutes): string {
  return new Date(ms + offset * 60_000).toISOString().slice(0, 10);
}

/**
 * This month in the zone, as `getMonthStartAndEnd`: the first day and the next month's first day.
 *
 * @example
 * monthRange(Date.UTC(2024, 11, 31, 20), 480); // { from: '2025-01-01', to: '2025-02-01' }
 */
export function monthRange(ms: number, offset: OffsetMinutes): { from: string; to: string } {
  const local = new Date(ms + offset * 60_000);
  const first = (month: number) => new Date(Date.UTC(local.getUTCFullYear(), month, 1)).toISOString().slice(0, 10);
  return { from: first(local.getUTCMonth()), to: first(local.getUTCMonth() + 1) };
}
