/**
 * Bounds on the free-text columns a client writes. Upstream's `tokens.model_limits` and `users.setting` are `text`:
 * 65,535 bytes on MySQL, unbounded on SQLite and PostgreSQL (and `allow_ips`, `group` are `longtext` on MySQL). The
 * reference server holds every one of them to MySQL's `text` size, so no client grows the state by a mebibyte a
 * row, and refuses a longer value as upstream on MySQL does: with the driver's error (see docs/fidelity.md).
 * @module
 */

/** MySQL's `text`: the most bytes a client-written text column holds. */
export const TEXT_COLUMN_MAX_BYTES = 65_535;

/**
 * The first column in `values` (in the order given) whose UTF-8 bytes exceed {@link TEXT_COLUMN_MAX_BYTES}.
 *
 * @example
 * const column = tooLongColumn({ model_limits: value.model_limits, allow_ips: value.allow_ips });
 * if (column) return fail(dataTooLong(column));
 */
export function tooLongColumn(values: Record<string, string | null>): string | undefined {
  const encoder = new TextEncoder();
  for (const [column, value] of Object.entries(values)) {
    // A UTF-8 byte is at most one UTF-16 unit, and a unit at most 3 bytes: most values need no encoding.
    if (value === null || value.length * 3 <= TEXT_COLUMN_MAX_BYTES) continue;
    if (value.length > TEXT_COLUMN_MAX_BYTES || encoder.encode(value).length > TEXT_COLUMN_MAX_BYTES) return column;
  }
  return undefined;
}

/**
 * go-sql-driver/mysql's error for a value past its column (`ER_DATA_TOO_LONG`, strict mode), as `err.Error()` reads.
 *
 * @example
 * dataTooLong('model_limits'); // "Error 1406 (22001): Data too long for column 'model_limits' at row 1"
 */
export function dataTooLong(column: string): string {
  return `Error 1406 (22001): Data too long for column '${column}' at row 1`;
}
