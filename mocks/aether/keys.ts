/**
 * API keys as upstream makes and shows them (`ApiKey.generate_key`, `get_display_key`, `ApiKeyService.create_api_key`):
 * `sk-` + 32 letters and digits, stored as SHA-256 (what authentication looks up) and encrypted (here: sealed by
 * the server, so a state export carries no key), shown whole once, then masked as the first 10 characters, `...`
 * and the last 4; `sk-****` when the stored key cannot be opened.
 * @module
 */
import { sha256Hex } from '../core/encoding.js';
import type { Random } from '../core/random.js';
import { seal, unseal } from '../core/sealer.js';
import { uuidV4 } from '../core/uuid.js';
import { systemError } from './envelope.js';
import { sqlText } from './lookup.js';
import { pyLen } from './pydantic.js';
import type { AetherApiKey } from './state.js';

const KEY_ALPHABET = 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789';
const SEAL_LABEL = 'api-key';
const DAY_MS = 86_400_000;

/** What a new key takes; the rest gets upstream's defaults. */
export interface NewKey {
  user_id: string;
  name: string | null;
  allowed_providers?: string[] | null;
  allowed_models?: string[] | null;
  rate_limit?: number;
  expire_days?: number | null;
}

/**
 * A new key row and its plaintext (`create_api_key`): the default name `API Key %Y%m%d%H%M%S` (UTC), empty lists
 * stored as `null`, `expires_at` only for a non-zero `expire_days` (a negative one lies in the past).
 *
 * @example
 * const { record, plain } = await createKey(ctx.random, ctx.clock.now(), { user_id: user.id, name: 'ci' });
 */
export async function createKey(random: Random, now: number, input: NewKey): Promise<{ record: AetherApiKey; plain: string }> {
  // The models set no length, but the column is String(100): PostgreSQL refuses the commit, an unhandled error
  // (as the driver refuses a NUL byte).
  if (input.name && pyLen(sqlText(input.name)) > 100) throw systemError();
  const plain = `sk-${random.string(32, KEY_ALPHABET)}`;
  const record = keyRecord(uuidV4(random), { key_hash: await sha256Hex(plain), key_encrypted: await seal(random, plain, SEAL_LABEL) }, now, input);
  return { record, plain };
}

/**
 * A key row around a secret already stored (`key_hash`, `key_encrypted`): what {@link createKey} builds, and what
 * the generated users (`--users N`) get with a derived secret, without a WebCrypto call per key.
 *
 * @example
 * const record = keyRecord(uuidV4(ctx.random), { key_hash, key_encrypted }, at, { user_id: user.id, name: 'default' });
 */
export function keyRecord(id: string, stored: Pick<AetherApiKey, 'key_hash' | 'key_encrypted'>, now: number, input: NewKey): AetherApiKey {
  return {
    id,
    user_id: input.user_id,
    ...stored,
    name: input.name || defaultName(now),
    total_requests: 0,
    total_cost_usd: 0,
    balance_used_usd: 0,
    current_balance_usd: null,
    is_standalone: false,
    allowed_providers: emptyToNull(input.allowed_providers),
    allowed_endpoints: null,
    allowed_api_formats: null,
    allowed_models: emptyToNull(input.allowed_models),
    rate_limit: input.rate_limit ?? 100,
    concurrent_limit: 5,
    force_capabilities: null,
    is_active: true,
    last_used_at: null,
    expires_at: input.expire_days ? now + input.expire_days * DAY_MS : null,
    auto_delete_on_expiry: false,
    created_at: now,
    updated_at: now,
  };
}

/**
 * The full key of a stored row, or `undefined` when it was stored without one or another server sealed it.
 *
 * @example
 * const full = await openKey(ctx.random, key);
 */
export async function openKey(random: Random, key: Pick<AetherApiKey, 'key_encrypted'>): Promise<string | undefined> {
  return key.key_encrypted === null ? undefined : unseal(random, key.key_encrypted, SEAL_LABEL);
}

/**
 * `get_display_key()`.
 *
 * @example
 * await displayKey(ctx.random, key); // 'sk-SpJ3yQ7...sdf4'
 */
export async function displayKey(random: Random, key: Pick<AetherApiKey, 'key_encrypted'>): Promise<string> {
  const full = await openKey(random, key);
  if (full === undefined) return 'sk-****';
  const prefix = full.length >= 10 ? full.slice(0, 10) : full.slice(0, Math.floor(full.length / 2));
  const suffix = full.length >= 4 ? full.slice(-4) : '';
  return `${prefix}...${suffix}`;
}

function defaultName(now: number): string {
  const at = new Date(now);
  const two = (n: number) => String(n).padStart(2, '0');
  return `API Key ${at.getUTCFullYear()}${two(at.getUTCMonth() + 1)}${two(at.getUTCDate())}${two(at.getUTCHours())}${two(at.getUTCMinutes())}${two(at.getUTCSeconds())}`;
}

function emptyToNull(list: string[] | null | undefined): string[] | null {
  return list && list.length > 0 ? [...list] : null;
}
