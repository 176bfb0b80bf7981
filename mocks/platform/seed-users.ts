/**
 * `--users N` for platform: N faker personal users after the seeded ones, logging in by email with the shared
 * generated password (mocks/core/generated-users.ts), each with one active production key. Platform keeps only a
 * key's digest (it never shows a key again), so the keys are drawn, not derived, and nothing is sealed.
 * @module
 */
import { createFaker } from '../core/faker.js';
import { sha256HexSync } from '../core/encoding.js';
import { GENERATED_USER_PASSWORD, generatedName } from '../core/generated-users.js';
import type { SeedContext } from '../core/types.js';
import { newId } from './ids.js';
import { newUserRecord } from './records.js';
import type { PlatformState } from './state.js';

const DAY_MS = 86_400_000;
const HOUR_MS = 3_600_000;
const KEY_ALPHABET = 'abcdefghijklmnopqrstuvwxyz0123456789';
const KEY_PREFIX = 'sk-prod-';
const DOMAINS = ['gmail.com', 'outlook.com', 'qq.com', '163.com', 'example.com'];
/** The email's local part: short enough for any mailbox rule. */
const LOCAL_MAX = 32;

/**
 * Appends `ctx.users` generated users and their keys after every seeded row, times from `epochMs` on.
 *
 * @example
 * await seedGeneratedUsers(state, ctx, SEED_EPOCH_MS);
 */
export async function seedGeneratedUsers(state: PlatformState, ctx: SeedContext, epochMs: number): Promise<void> {
  if (ctx.users === 0) return;
  const faker = createFaker(ctx.random.int(0x7fff_ffff));
  const locals = new Set(state.users.map((u) => u.email.split('@')[0]!));
  const passwordHash = await ctx.hashPassword(GENERATED_USER_PASSWORD);
  for (let n = 1; n <= ctx.users; n++) {
    const first = faker.person.firstName();
    const last = faker.person.lastName();
    const email = [generatedName(`${first}.${last}`, n, LOCAL_MAX, locals), DOMAINS[n % DOMAINS.length]].join('@');
    const created = epochMs + 30 * DAY_MS + n * 60_000;
    const user = newUserRecord({ email, user_type: 'personal', password_hash: passwordHash, nickname: [first, last].join(' ').slice(0, 32), email_verified: true }, created, ctx.random);
    state.users.push(user);
    const secret = ctx.random.string(32, KEY_ALPHABET);
    const at = created + HOUR_MS;
    state.api_keys.push({
      key_id: newId('key_', at, ctx.random),
      user_id: user.user_id,
      name: 'Default',
      key_type: 'production',
      // The digest of a key drawn and forgotten, as the seeded keys: an export holds no secret.
      key_sha256: sha256HexSync(KEY_PREFIX + secret),
      key_head: KEY_PREFIX + secret.slice(0, 4),
      last4: secret.slice(-4),
      status: 'active',
      allowed_models: [],
      allowed_ips: [],
      last_used_at: null,
      expires_at: null,
      created_at: at,
    });
  }
}
