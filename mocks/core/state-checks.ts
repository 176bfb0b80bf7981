/**
 * Field checks both dialects' state-import schemas share: values the server derives work from, which a type alone
 * does not make usable (a string is not yet a hash the server can verify).
 * @module
 */
import { z } from 'zod';
import { unverifiableHash } from './password.js';

/**
 * A stored password hash the server can verify ({@link unverifiableHash}); `''` too where the dialect reads it as
 * "no password set" (new-api: accounts made through OAuth).
 *
 * @example
 * const user = z.looseObject({ password_hash: passwordHashSchema({ allowEmpty: true }) });
 */
export function passwordHashSchema(options: { allowEmpty: boolean }): z.ZodType<string> {
  return z.string().superRefine((stored, ctx) => {
    if (stored === '' && options.allowEmpty) return;
    const reason = unverifiableHash(stored);
    if (reason) ctx.addIssue({ code: 'custom', message: `password_hash ${reason}` });
  });
}
