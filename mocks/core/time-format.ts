/**
 * Timestamps as the upstream servers print them, from the server clock's milliseconds and a fixed UTC offset:
 * Go's `time.RFC3339` and `time.RFC3339Nano` (what `encoding/json` writes for a `time.Time`) and Python's
 * `datetime.isoformat()`.
 * @module
 */

/** A UTC offset in minutes east of Greenwich (`480` for `+08:00`). */
export type OffsetMinutes = number;

/**
 * Go's `t.Format(time.RFC3339)`: whole seconds, then `Z` for a zero offset or `±hh:mm`.
 *
 * @example
 * goRfc3339(Date.UTC(2023, 4, 28, 10, 47, 19, 711), 480); // '2023-05-28T18:47:19+08:00'
 */
export function goRfc3339(ms: number, offset: OffsetMinutes = 0): string {
  return `${wallClock(ms, offset)}${goZone(offset)}`;
}

/**
 * Go's `time.RFC3339Nano`, as `json.Marshal` writes a `time.Time`: the fraction's trailing zeros are dropped (no
 * dot when nothing is left), then `Z` or `±hh:mm`. The server clock counts milliseconds, so at most 3 digits.
 *
 * @example
 * goRfc3339Nano(Date.UTC(2023, 4, 28, 10, 47, 19, 710), 480); // '2023-05-28T18:47:19.71+08:00'
 * goRfc3339Nano(Date.UTC(2023, 4, 28, 10, 47, 19), 0);        // '2023-05-28T10:47:19Z'
 */
export function goRfc3339Nano(ms: number, offset: OffsetMinutes = 0): string {
  const fraction = String(millisOf(ms)).padStart(3, '0').replace(/0+$/, '');
  return `${wallClock(ms, offset)}${fraction ? `.${fraction}` : ''}${goZone(offset)}`;
}

/**
 * RFC 3339 as most other stacks print it (JavaScript's `toISOString` family): milliseconds always, `Z` for UTC.
 *
 * @example
 * rfc3339(Date.UTC(2024, 0, 2, 3, 4, 5, 6)); // '2024-01-02T03:04:05.006Z'
 */
export function rfc3339(ms: number, offset: OffsetMinutes = 0): string {
  return `${wallClock(ms, offset)}.${String(millisOf(ms)).padStart(3, '0')}${goZone(offset)}`;
}

/**
 * Python's `datetime.isoformat()`: microseconds (6 digits) only when nonzero; an aware datetime ends in `±hh:mm`,
 * UTC included (`+00:00`, never `Z`); `offset: null` is a naive datetime, with no offset at all.
 *
 * @example
 * pythonIsoformat(Date.UTC(2024, 0, 2, 3, 4, 5));      // '2024-01-02T03:04:05+00:00'
 * pythonIsoformat(Date.UTC(2024, 0, 2, 3, 4, 5, 60), null); // '2024-01-02T03:04:05.060000'
 */
export function pythonIsoformat(ms: number, offset: OffsetMinutes | null = 0): string {
  const millis = millisOf(ms);
  const micro = millis === 0 ? '' : `.${String(millis * 1000).padStart(6, '0')}`;
  return `${wallClock(ms, offset ?? 0)}${micro}${offset === null ? '' : numericZone(offset)}`;
}

/** `YYYY-MM-DDTHH:MM:SS` of the wall clock at `offset`. */
function wallClock(ms: number, offset: OffsetMinutes): string {
  if (!Number.isFinite(ms) || !Number.isInteger(offset) || Math.abs(offset) >= 24 * 60) {
    throw new RangeError(`Failed to format a time: ${ms} ms at offset ${offset} min is not a time. Please pass whole minutes under 24 hours.`);
  }
  const local = new Date(Math.floor(ms) + offset * 60_000);
  const year = local.getUTCFullYear();
  // Go refuses to marshal such a year, Python cannot hold one.
  if (year < 0 || year > 9999) throw new RangeError(`Failed to format a time: year ${year} is outside 0000–9999.`);
  const pad = (n: number, width = 2) => String(n).padStart(width, '0');
  return `${pad(year, 4)}-${pad(local.getUTCMonth() + 1)}-${pad(local.getUTCDate())}T${pad(local.getUTCHours())}:${pad(local.getUTCMinutes())}:${pad(local.getUTCSeconds())}`;
}

function millisOf(ms: number): number {
  return ((Math.floor(ms) % 1000) + 1000) % 1000;
}

function goZone(offset: OffsetMinutes): string {
  return offset === 0 ? 'Z' : numericZone(offset);
}

function numericZone(offset: OffsetMinutes): string {
  const sign = offset < 0 ? '-' : '+';
  const abs = Math.abs(offset);
  return `${sign}${String(Math.floor(abs / 60)).padStart(2, '0')}:${String(abs % 60).padStart(2, '0')}`;
}
