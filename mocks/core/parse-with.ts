/**
 * Runs a dialect's settings or state schema for the control API, so no dialect parses those bodies by hand.
 * @module
 */
import { z, type ZodType } from 'zod';

/**
 * `body` checked by `schema`, or zod's readable account of what is wrong.
 *
 * @example
 * const parsed = parseWith(dialect.settingsSchema, body);
 * if (!parsed.ok) return badRequest(parsed.error);
 */
export function parseWith<T>(schema: ZodType<T>, body: unknown): { ok: true; value: T } | { ok: false; error: string } {
  const parsed = schema.safeParse(body);
  return parsed.success ? { ok: true, value: parsed.data } : { ok: false, error: z.prettifyError(parsed.error) };
}
