/**
 * The initial new-api state: the root account upstream creates on first start (`root` / `123456`), then faker
 * users (deterministic per seed): an admin, common users, a disabled user and a soft-deleted one, plus a small
 * abilities table so `GET /api/user/models` has something to list.
 * @module
 */
import { createFaker, uniqueUsername } from '../core/faker.js';
import type { SeedContext, SeededAccount } from '../core/types.js';
import { newUserSetting } from './setting.js';
import { registerSealer } from '../core/sealer.js';
import { seedTokens } from './tokens.js';
import { seedGeneratedUsers } from './seed-users.js';
import {
  DEFAULT_SETTINGS,
  defaultGroups,
  newAffCode,
  newUserRecord,
  ROLE,
  STATUS,
  type AbilityRecord,
  type NewApiSettings,
  type NewApiState,
  type UserRecord,
} from './state.js';

// Seeded rows get timestamps from a fixed epoch, not the clock, so one seed always gives byte-identical state.
const SEED_EPOCH_SECONDS = Date.UTC(2026, 6, 1) / 1000;
const QUOTA_PER_UNIT = 500_000;

const ABILITIES: ReadonlyArray<[group: string, model: string, enabled: boolean]> = [
  ['default', 'gpt-4o-mini', true],
  ['default', 'gpt-4o', true],
  ['default', 'claude-3-5-haiku-20241022', true],
  ['vip', 'gpt-4o', true],
  ['vip', 'claude-sonnet-4-20250514', true],
  ['vip', 'o3-mini', false],
  ['svip', 'o3', true],
];

interface Plan {
  role: number;
  status: number;
  deleted: boolean;
  group: string;
}

const PLANS: readonly Plan[] = [
  { role: ROLE.admin, status: STATUS.enabled, deleted: false, group: 'default' },
  { role: ROLE.common, status: STATUS.enabled, deleted: false, group: 'default' },
  { role: ROLE.common, status: STATUS.enabled, deleted: false, group: 'vip' },
  { role: ROLE.common, status: STATUS.enabled, deleted: false, group: 'default' },
  { role: ROLE.common, status: STATUS.disabled, deleted: false, group: 'default' },
  { role: ROLE.common, status: STATUS.enabled, deleted: true, group: 'default' },
];

/**
 * Builds the seeded state and the accounts one can log in with (root, the admin, the enabled common users).
 *
 * @example
 * const { state, accounts } = await seedNewApi(seedContext, { RegisterEnabled: false });
 */
export async function seedNewApi(ctx: SeedContext, settings: Partial<NewApiSettings>): Promise<{ state: NewApiState; accounts: SeededAccount<number>[] }> {
  const faker = createFaker(ctx.random.int(0x7fff_ffff));
  const state: NewApiState = {
    // A deep copy: list settings (EmailDomainWhitelist) must not be shared between servers.
    settings: structuredClone({ ...DEFAULT_SETTINGS, ...settings }),
    outbox: [],
    users: [],
    sessions: {},
    abilities: ABILITIES.map(([group, model, enabled], i): AbilityRecord => ({ group, model, channel_id: i + 1, enabled })),
    groups: defaultGroups(),
    verification_codes: {},
    swept_at: {},
    next_user_id: 1,
    redemptions: [],
    next_redemption_id: 1,
    top_ups: [],
    next_top_up_id: 1,
    tokens: [],
    next_token_id: 1,
  };
  const passwords: string[] = ['123456'];
  // createRootAccountIfNeed: no aff code, no setting, quota 100000000.
  state.users.push(newUserRecord(state, { username: 'root', role: ROLE.root, display_name: 'Root User', quota: 100_000_000, created_at: SEED_EPOCH_SECONDS }));

  const taken = new Set(['root']);
  for (const [index, plan] of PLANS.entries()) {
    const first = faker.person.firstName();
    const last = faker.person.lastName();
    const username = uniqueUsername(faker.internet.username({ firstName: first, lastName: last }), taken, 16);
    const created = SEED_EPOCH_SECONDS + (index + 1) * 86_400 + faker.number.int(3_600);
    passwords.push(faker.internet.password({ length: 12, pattern: /[A-Za-z0-9]/ }));
    const user: UserRecord = newUserRecord(state, {
      username,
      display_name: `${first} ${last}`.slice(0, 20),
      role: plan.role,
      status: plan.status,
      email: faker.internet.email({ firstName: first, lastName: last }).toLowerCase().slice(0, 50),
      group: plan.group,
      quota: faker.number.int({ min: 1, max: 40 }) * QUOTA_PER_UNIT,
      used_quota: faker.number.int({ min: 0, max: 10 }) * QUOTA_PER_UNIT,
      request_count: faker.number.int({ min: 0, max: 5_000 }),
      aff_code: newAffCode(state, ctx.random),
      setting: newUserSetting(plan.role),
      created_at: created,
      last_login_at: plan.status === STATUS.enabled ? created + faker.number.int({ min: 60, max: 7 * 86_400 }) : 0,
      deleted_at: plan.deleted ? (created + 86_400) * 1000 : null,
    });
    state.users.push(user);
  }
  // Hash after every random draw above, so the draw order (hence the state) does not depend on hashing.
  const hashes = await Promise.all(passwords.map((password) => ctx.hashPassword(password)));
  state.users.forEach((user, i) => (user.password_hash = hashes[i]!));
  // Last, so the draws above (hence usernames, passwords and salts) do not depend on the tokens.
  registerSealer(ctx.random, ctx.seed, 'gatewaykit/newapi/token-keys');
  await seedTokens(state, ctx.random);

  const accounts = state.users
    .map((user, i) => ({ user, password: passwords[i]! }))
    .filter(({ user }) => user.status === STATUS.enabled && user.deleted_at === null)
    .map(({ user, password }) => ({ username: user.username, password, role: user.role }));
  // After every seeded row, so `--users` only appends: the seeded accounts are the same with or without it.
  await seedGeneratedUsers(state, ctx, SEED_EPOCH_SECONDS);
  return { state, accounts };
}
