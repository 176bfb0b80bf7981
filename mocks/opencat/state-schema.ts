/**
 * The checks the control API runs on opencat settings (`PATCH /__mock/settings`) and on an imported state
 * (`PUT /__mock/state`): every column a handler reads, typed, so an import can never make one throw.
 * @module
 */
import { z, type ZodType } from 'zod';
import type { OpenCatSettings, OpenCatState } from './state.js';
import { isZone } from './zone.js';

/** `PATCH /__mock/settings`: a partial, strict object. */
export const openCatSettingsSchema = z
  .strictObject({ TimeZone: z.string().refine(isZone, 'a fixed offset such as +08:00') } satisfies Record<keyof OpenCatSettings, z.ZodType>)
  .partial();

const integer = z.number().int().min(Number.MIN_SAFE_INTEGER).max(Number.MAX_SAFE_INTEGER);
const time = z.number().int().min(-62_135_596_800_000).max(253_402_300_799_999);
const text = z.string();
const sha256 = z.string().regex(/^[0-9a-f]{64}$/);
// Sealed by AES-GCM, or derived (`--users N`: `derived$<index>$<length>$<tag>`, mocks/core/sealer.ts); either
// opens only on a server with the same seed, and nothing else is stored.
const sealed = z.union([z.string().regex(/^aesgcm\$[A-Za-z0-9+/=]+\$[A-Za-z0-9+/=]+$/), z.string().regex(/^derived\$\d{1,16}\$\d{1,3}\$[0-9a-f]{16}$/)]);

/** `PUT /__mock/state`: rough on purpose (extra keys pass), strict on what the handlers read. */
export const openCatStateSchema = z.looseObject({
  settings: openCatSettingsSchema.required(),
  outbox: z.array(z.looseObject({ id: z.number().int() })),
  users: z.array(z.looseObject({ id: integer, name: text, token_sha256: sha256, token_sealed: sealed, created_at: time, updated_at: time, deleted_at: time.nullable() })),
  keys: z.array(
    z.looseObject({
      id: integer, key_sha256: sha256, key_sealed: sealed, name: text, api_type: text, endpoint: text, resource_name: text, deployment_name: text, created_at: time, updated_at: time,
    }),
  ),
  daily_usages: z.array(
    z.looseObject({
      user_id: integer, date: z.string().regex(/^\d{4}-\d{2}-\d{2}$/), prompt_units: integer, completion_units: integer, total_unit: integer,
      cost_micros: integer,
    }),
  ),
  next_user_id: z.number().int().positive(),
  next_key_id: z.number().int().positive(),
  root_token_sha256: z.union([z.literal(''), sha256]),
}) as unknown as ZodType<OpenCatState>;
