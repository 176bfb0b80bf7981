/**
 * pydantic's reading of a `datetime` from a string (its `speedate` parser), for the usage routes' `start_date` and
 * `end_date`: a whole number or decimal is a Unix timestamp (milliseconds past 2e10); otherwise `YYYY-MM-DD`,
 * optionally followed by `T`, `t`, `_` or a space, `HH:MM[:SS[.fraction]]` and `Z` or `±HH:MM`/`±HHMM`. A naive value
 * is taken as UTC, as PostgreSQL compares it under a UTC session. A refusal carries the date parser's reason, as
 * pydantic reports it (`datetime_from_date_parsing`).
 * @module
 */

/** The instant in epoch milliseconds, or pydantic's reason. */
export type ParsedDatetime = { ok: true; ms: number } | { ok: false; error: string };

const TIMESTAMP = /^-?\d+(?:\.\d+)?$/;
const DATETIME = /^(\d{4})-(\d{2})-(\d{2})[Tt _](\d{2}):(\d{2})(?::(\d{2})(?:\.(\d+))?)?(?:([Zz])|([+-])(\d{2}):?(\d{2}))?$/;

/**
 * @example
 * parsePythonDatetime('2025-01-01'); // { ok: true, ms: 1735689600000 }
 * parsePythonDatetime('not-a-date'); // { ok: false, error: 'invalid character in year' }
 */
export function parsePythonDatetime(text: string): ParsedDatetime {
  if (TIMESTAMP.test(text)) {
    const value = Number(text);
    return { ok: true, ms: Math.abs(value) > 2e10 ? value : value * 1000 };
  }
  const full = DATETIME.exec(text);
  if (full) {
    const [, y, mo, d, h, mi, s = '0', fraction = '', zulu, sign, oh, om] = full;
    const date = checkDate(Number(y), Number(mo), Number(d));
    if (date === undefined && Number(h) < 24 && Number(mi) < 60 && Number(s) < 60 && (oh === undefined || Number(oh) < 24)) {
      const micros = Number(fraction.slice(0, 6).padEnd(6, '0'));
      const offset = zulu || sign === undefined ? 0 : (sign === '-' ? -1 : 1) * (Number(oh) * 60 + Number(om));
      return { ok: true, ms: Date.UTC(Number(y), Number(mo) - 1, Number(d), Number(h), Number(mi), Number(s)) + Math.floor(micros / 1000) - offset * 60_000 };
    }
  }
  return parseDate(text);
}

function parseDate(text: string): ParsedDatetime {
  if (text.length < 10) return { ok: false, error: 'input is too short' };
  if (!/^\d{4}$/.test(text.slice(0, 4))) return { ok: false, error: 'invalid character in year' };
  if (text[4] !== '-') return { ok: false, error: 'invalid date separator, expected `-`' };
  if (!/^\d{2}$/.test(text.slice(5, 7))) return { ok: false, error: 'invalid character in month' };
  if (text[7] !== '-') return { ok: false, error: 'invalid date separator, expected `-`' };
  if (!/^\d{2}$/.test(text.slice(8, 10))) return { ok: false, error: 'invalid character in day' };
  const problem = checkDate(Number(text.slice(0, 4)), Number(text.slice(5, 7)), Number(text.slice(8, 10)));
  if (problem) return { ok: false, error: problem };
  if (text.length > 10) return { ok: false, error: 'unexpected extra characters at the end of the input' };
  return { ok: true, ms: Date.UTC(Number(text.slice(0, 4)), Number(text.slice(5, 7)) - 1, Number(text.slice(8, 10))) };
}

function checkDate(year: number, month: number, day: number): string | undefined {
  if (month < 1 || month > 12) return 'month value is outside expected range of 1-12';
  const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
  const days = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1]!;
  if (day < 1 || day > days) return 'day value is outside expected range';
  return undefined;
}
