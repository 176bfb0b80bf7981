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

/**
 * {@link parseWith} for schemas with async checks (a state schema that imports keys with WebCrypto).
 *
 * @example
 * const parsed = await parseWithAsync(dialect.stateSchema, body);
 */
export async function parseWithAsync<T>(schema: ZodType<T>, body: unknown): Promise<{ ok: true; value: T } | { ok: false; error: string }> {
  const parsed = await schema.safeParseAsync(body);
  return parsed.success ? { ok: true, value: parsed.data } : { ok: false, error: z.prettifyError(parsed.error) };
}
