const pad = (n: number, width = 2) => String(n).padStart(width, '0');

/**
 * Unix seconds as ISO 8601 (`2023-11-14T22:13:20.000Z`), the same text as `new Date(s * 1000).toISOString()` for the
 * years 0000-9999, at a fraction of its cost: a list maps one date per item (civil-from-days, H. Hinnant).
 */
export function isoFromUnixSeconds(seconds: number): string {
  const days = Math.floor(seconds / 86_400);
  const rest = seconds - days * 86_400;
  const z = days + 719_468;
  const era = Math.floor(z / 146_097);
  const doe = z - era * 146_097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36_524) - Math.floor(doe / 146_096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const day = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const month = mp < 10 ? mp + 3 : mp - 9;
  const year = yoe + era * 400 + (month <= 2 ? 1 : 0);
  const ms = Math.round((rest % 1) * 1000);
  const whole = Math.floor(rest);
  return `${pad(year, 4)}-${pad(month)}-${pad(day)}T${pad(Math.floor(whole / 3600))}:${pad(Math.floor(whole / 60) % 60)}:${pad(whole % 60)}.${pad(ms, 3)}Z`;
}
