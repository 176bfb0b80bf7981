/**
 * `--users N` for new-api: N faker users after the seeded ones, each with one enabled API key, logging in with
 * the shared generated password (mocks/core/generated-users.ts). new-api's state keeps no usage logs, so there
 * are no usage rows to add.
 * @module
 */
import { createFaker } from '../core/faker.js';
import { GENERATED_USER_PASSWORD, generatedName } from '../core/generated-users.js';
import { sha256HexSync } from '../core/encoding.js';
import { ALPHANUMERIC } from '../core/random.js';
import { derivedSecrets } from '../core/sealer.js';
import type { SeedContext } from '../core/types.js';
import { newUserSetting } from './setting.js';
import { newUserRecord, ROLE, STATUS, type NewApiState } from './state.js';
import { maskKey, TOKEN_KEY_LENGTH } from './token-keys.js';
import { newTokenRecord } from './tokens.js';

const QUOTA_PER_UNIT = 500_000;
const DOMAINS = ['gmail.com', 'outlook.com', 'qq.com', '163.com', 'example.com'];
const GROUPS = ['default', 'default', 'default', 'vip', 'svip'];

/**
 * Appends `ctx.users` generated users (ids after the seeded ones, so the table stays in id order) and their keys.
 * Every draw comes from the server's random source after the seed's own, so
 * the same seed and count give the same state, and a count of 0 changes nothing.
 *
 * @example
 * await seedGeneratedUsers(state, ctx, epochSeconds);
 */
export async function seedGeneratedUsers(state: NewApiState, ctx: SeedContext, epochSeconds: number): Promise<void> {
  if (ctx.users === 0) return;
  const faker = createFaker(ctx.random.int(0x7fff_ffff));
  const names = new Set(state.users.map((u) => u.username));
  const affCodes = new Set(state.users.map((u) => u.aff_code));
  // Derived, not drawn and sealed: sealing 100,000 keys through WebCrypto alone takes over ten seconds.
  const derive = await derivedSecrets(ctx.random);
  // One hash for everyone, salt included: a hundred thousand PBKDF2 runs would take minutes.
  const passwordHash = await ctx.hashPassword(GENERATED_USER_PASSWORD);
  const setting = newUserSetting(ROLE.common);
  for (let n = 1; n <= ctx.users; n++) {
    const first = faker.person.firstName();
    const last = faker.person.lastName();
    const username = generatedName(`${first}_${last}`, n, 20, names);
    let affCode: string;
    do affCode = ctx.random.string(4, ALPHANUMERIC);
    while (affCodes.has(affCode));
    affCodes.add(affCode);
    const created = epochSeconds + 30 * 86_400 + n * 60;
    const disabled = n % 50 === 0;
    const user = newUserRecord(state, {
      username,
      password_hash: passwordHash,
      display_name: [first, last].join(' ').slice(0, 20),
      // Joined: a template would leave a rope per row (see toHex).
      email: [username, DOMAINS[n % DOMAINS.length]].join('@'),
      status: disabled ? STATUS.disabled : STATUS.enabled,
      group: GROUPS[n % GROUPS.length]!,
      quota: faker.number.int({ min: 1, max: 40 }) * QUOTA_PER_UNIT,
      used_quota: faker.number.int({ min: 0, max: 10 }) * QUOTA_PER_UNIT,
      request_count: faker.number.int({ min: 0, max: 5_000 }),
      aff_code: affCode,
      setting,
      created_at: created,
      last_login_at: disabled ? 0 : created + faker.number.int({ min: 60, max: 7 * 86_400 }),
    });
    state.users.push(user);
    const id = state.next_token_id;
    // 285 random bits: no two keys collide, so upstream's unique index needs no check here.
    const { secret, sealed } = derive(id, TOKEN_KEY_LENGTH, 'token-key');
    const stored = { key_sha256: sha256HexSync(secret), key_masked: maskKey(secret), key_sealed: sealed };
    state.tokens.push(newTokenRecord(state, stored, { user_id: user.id, name: 'default', unlimited_quota: true, created_time: created + 3_600 }));
  }
}
