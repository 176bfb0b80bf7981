/**
 * `--users N` for Aether: N faker users after the seeded ones, each with one API key and a few usage rows charged
 * to it, logging in by email with the shared generated password (mocks/core/generated-users.ts).
 * @module
 */
import { createFaker } from '../core/faker.js';
import { sha256HexSync } from '../core/encoding.js';
import { GENERATED_USER_PASSWORD, generatedName } from '../core/generated-users.js';
import { derivedSecrets } from '../core/sealer.js';
import type { SeedContext } from '../core/types.js';
import { uuidV4 } from '../core/uuid.js';
import { keyRecord } from './keys.js';
import { seedHash } from './passwords.js';
import { chargeUsage, SEED_EPOCH_MS } from './seed.js';
import type { AetherState, AetherUser } from './state.js';

const DAY_MS = 86_400_000;
const DOMAINS = ['gmail.com', 'outlook.com', 'proton.me', 'example.com'];
/** Upstream's username rule is 3 to 30 of letters, digits, `_` and `-` (validators.ts). */
const USERNAME_MAX = 30;
const KEY_LENGTH = 32;

/**
 * Appends `ctx.users` generated users, their keys and usage rows. Every draw comes after the seed's own, so the
 * same seed and count give the same state and the seeded accounts are the same with or without them.
 *
 * @example
 * await seedGeneratedUsers(state, ctx);
 */
export async function seedGeneratedUsers(state: AetherState, ctx: SeedContext): Promise<void> {
  if (ctx.users === 0) return;
  const faker = createFaker(ctx.random.int(0x7fff_ffff));
  const names = new Set(state.users.map((u) => u.username));
  // Derived, not drawn and sealed: sealing 100,000 keys through WebCrypto alone takes over ten seconds.
  const derive = await derivedSecrets(ctx.random);
  // One bcrypt-truncated hash for everyone, salt included.
  const passwordHash = await seedHash(ctx.hashPassword, GENERATED_USER_PASSWORD);
  for (let n = 1; n <= ctx.users; n++) {
    const username = generatedName(`${faker.person.firstName()}_${faker.person.lastName()}`, n, USERNAME_MAX, names);
    const created = SEED_EPOCH_MS + 40 * DAY_MS + n * 60_000;
    const user: AetherUser = {
      id: uuidV4(ctx.random),
      email: [username, DOMAINS[n % DOMAINS.length]].join('@'),
      username,
      password_hash: passwordHash,
      role: 'user',
      allowed_providers: null,
      allowed_endpoints: null,
      allowed_models: null,
      quota_usd: faker.helpers.arrayElement([10, 25, 100, null]),
      used_usd: 0,
      total_usd: 0,
      is_active: n % 50 !== 0,
      created_at: created,
      updated_at: created,
      last_login_at: null,
    };
    state.users.push(user);
    const { secret, sealed } = derive(n, KEY_LENGTH, 'api-key');
    const key = keyRecord(uuidV4(ctx.random), { key_hash: sha256HexSync(secret), key_encrypted: sealed }, created + 3_600_000, { user_id: user.id, name: 'default' });
    state.api_keys.push(key);
    const rows = faker.number.int({ min: 0, max: 3 });
    for (let r = 0; r < rows; r++) chargeUsage(state, user, key, faker, ctx, { failed: r === 2, at: created + (r + 1) * DAY_MS });
  }
}
