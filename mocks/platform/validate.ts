/**
 * Validation at the boundary: the body must be a JSON object (40000), then fit its zod schema (40001 with
 * `data.fields`); over 1 MiB is 41300. Query strings go through the same field reporting.
 * @module
 */
import type { z } from 'zod';
import { BodyError } from '../core/body.js';
import type { RequestContext } from '../core/types.js';
import { fail, invalid, type FieldError } from './envelope.js';
import { CODE } from './messages.js';
import type { PlatformState } from './state.js';

type Ctx = RequestContext<PlatformState>;

/** A parsed value, or the answer that refuses the request. */
export type Parsed<T> = { ok: true; value: T } | { ok: false; response: Response };

/**
 * Reads the body and parses it with `schema`. Unknown fields are ignored (the schemas strip them).
 *
 * @example
 * const body = await readBody(ctx, loginSchema);
 * if (!body.ok) return body.response;
 */
export async function readBody<T>(ctx: Ctx, schema: z.ZodType<T>, options: { optional?: boolean } = {}): Promise<Parsed<T>> {
  let raw: unknown;
  try {
    const text = await ctx.readText();
    // An optional body (logout) may be absent; a present one must still be a JSON object.
    raw = options.optional && text.trim() === '' ? {} : await ctx.readJson();
  } catch (error) {
    if (error instanceof BodyError && error.kind === 'too_large') return { ok: false, response: fail(ctx, CODE.payload_too_large) };
    return { ok: false, response: fail(ctx, CODE.bad_request) };
  }
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) return { ok: false, response: fail(ctx, CODE.bad_request) };
  return check(ctx, schema, raw);
}

/**
 * Parses the query string (first value of each name) with `schema`.
 *
 * @example
 * const query = readQuery(ctx, apiKeyListQuery);
 */
export function readQuery<T>(ctx: Ctx, schema: z.ZodType<T>): Parsed<T> {
  const raw: Record<string, string> = {};
  for (const [name, value] of ctx.query) if (!(name in raw)) raw[name] = value;
  return check(ctx, schema, raw);
}

function check<T>(ctx: Ctx, schema: z.ZodType<T>, raw: unknown): Parsed<T> {
  const parsed = schema.safeParse(raw);
  if (parsed.success) return { ok: true, value: parsed.data };
  return { ok: false, response: invalid(ctx, toFields(parsed.error.issues)) };
}

/**
 * zod issues as the contract's `FieldError`s: `allowed_ips[2]`-style paths and short English reasons.
 *
 * @example
 * toFields(result.error.issues); // [{ field: 'email', reason: 'is required' }]
 */
export function toFields(issues: ReadonlyArray<z.core.$ZodIssue>): FieldError[] {
  const seen = new Set<string>();
  const fields: FieldError[] = [];
  for (const issue of issues) {
    const field = issue.path.reduce<string>((out, part) => (typeof part === 'number' ? `${out}[${part}]` : out ? `${out}.${String(part)}` : String(part)), '') || 'body';
    if (seen.has(field)) continue;
    seen.add(field);
    fields.push({ field, reason: reasonOf(issue) });
  }
  return fields;
}

function reasonOf(issue: z.core.$ZodIssue): string {
  // Reasons written in the schemas are lower-case sentences ("must be …"); zod's own start with a capital.
  if (/^[a-z]/.test(issue.message)) return issue.message;
  switch (issue.code) {
    case 'invalid_type':
      return /received undefined$/.test(issue.message) ? 'is required' : `must be ${article(issue.expected)}`;
    case 'too_small':
      return issue.origin === 'string' ? `must be at least ${String(issue.minimum)} characters` : issue.origin === 'array' ? `must have at least ${String(issue.minimum)} items` : `must be at least ${String(issue.minimum)}`;
    case 'too_big':
      return issue.origin === 'string' ? `must be at most ${String(issue.maximum)} characters` : issue.origin === 'array' ? `must have at most ${String(issue.maximum)} items` : `must be at most ${String(issue.maximum)}`;
    case 'invalid_value':
      return `must be one of ${issue.values.map((v) => String(v)).join(', ')}`;
    case 'invalid_format':
      return issue.format === 'email' ? 'must be a valid email address' : issue.format === 'datetime' ? 'must be an RFC 3339 date-time' : 'has an invalid format';
    default:
      return 'is invalid';
  }
}

function article(type: string): string {
  const noun = type === 'int' ? 'integer' : type;
  return /^[aeiou]/.test(noun) ? `an ${noun}` : `a ${noun}`;
}
