/**
 * The initial aether state, deterministic per seed (faker through `mocks/core/faker.js`): upstream's bootstrap admin
 * `admin@localhost` (username `admin`, quota $1000, which only the bootstrap may be called) with a generated
 * password, a second admin, four users (one inactive), their API keys (a standalone key of the bootstrap admin among
 * them) and a month of usage rows charged to them. Rows take their times from a fixed epoch, not the clock.
 * @module
 */
import type { Faker } from '@faker-js/faker';
import { createFaker } from '../core/faker.js';
import { ALPHANUMERIC } from '../core/random.js';
import { registerSealer } from '../core/sealer.js';
import type { SeedContext, SeededAccount } from '../core/types.js';
import { uuidV4 } from '../core/uuid.js';
import { createKey } from './keys.js';
import { seedHash } from './passwords.js';
import { seedGeneratedUsers } from './seed-users.js';
import { DEFAULT_SETTINGS, type AetherRole, type AetherSettings, type AetherApiKey, type AetherState, type AetherUsage, type AetherUser } from './state.js';

/** A seeded login: aether logs in by `email`; `role` says which seeded person it is. */
export interface AetherAccount extends SeededAccount<AetherAccountRole> {
  email: string;
  user_id: string;
}

/** The seeded people, by what they are for. */
export type AetherAccountRole = 'admin' | 'user' | 'inactive user';

/** The sealing namespace of the dialect (mocks/core/sealer.ts): API keys and the JWT signing key. */
export const SEAL_NAMESPACE = 'gatewaykit/aether';

/** The fixed epoch the seeded rows take their times from. */
export const SEED_EPOCH_MS = Date.UTC(2026, 5, 1);
const DAY_MS = 86_400_000;
const MODELS = ['claude-sonnet-4-5', 'gpt-4o-mini', 'gemini-2.5-flash'] as const;
const PROVIDERS: Record<(typeof MODELS)[number], [string, string]> = {
  'claude-sonnet-4-5': ['anthropic', 'CLAUDE'],
  'gpt-4o-mini': ['openai', 'OPENAI'],
  'gemini-2.5-flash': ['google', 'GEMINI'],
};

/**
 * Builds the seeded state and the accounts one can log in with.
 *
 * @example
 * const { state, accounts } = await seedAether(seedContext, { enable_registration: true });
 */
export async function seedAether(ctx: SeedContext, settings: Partial<AetherSettings>): Promise<{ state: AetherState; accounts: AetherAccount[] }> {
  registerSealer(ctx.random, ctx.seed, SEAL_NAMESPACE);
  const faker = createFaker(ctx.random.int(0x7fff_ffff));
  const state: AetherState = { settings: { ...DEFAULT_SETTINGS, ...settings }, outbox: [], users: [], api_keys: [], usages: [], revoked_tokens: {}, swept_at: {} };
  const plans: Array<[AetherAccountRole, AetherRole]> = [
    ['admin', 'admin'],
    ['admin', 'admin'],
    ['user', 'user'],
    ['user', 'user'],
    ['user', 'user'],
    ['inactive user', 'user'],
  ];
  const taken = new Set<string>();
  const people = plans.map(([account, role], index) => {
    const bootstrap = index === 0;
    const first = faker.person.firstName();
    const last = faker.person.lastName();
    const username = bootstrap ? 'admin' : unique(`${first}_${last}`.replace(/[^A-Za-z0-9_-]/g, '').toLowerCase().slice(0, 24), taken);
    const email = bootstrap ? 'admin@localhost' : `${username}@${faker.helpers.arrayElement(['gmail.com', 'outlook.com', 'proton.me', 'example.com'])}`;
    const password = ctx.random.string(12, ALPHANUMERIC);
    const created = SEED_EPOCH_MS + index * DAY_MS + faker.number.int(3_600_000);
    const user: AetherUser = {
      id: uuidV4(ctx.random),
      email,
      username,
      password_hash: '',
      role,
      allowed_providers: null,
      allowed_endpoints: null,
      allowed_models: index === 4 ? ['gpt-4o-mini'] : null,
      quota_usd: bootstrap ? 1000 : role === 'admin' ? null : faker.helpers.arrayElement([10, 25, 100]),
      used_usd: 0,
      total_usd: 0,
      is_active: account !== 'inactive user',
      created_at: created,
      updated_at: created,
      last_login_at: bootstrap ? null : created + DAY_MS,
    };
    return { account, user, password };
  });
  state.users.push(...people.map((p) => p.user));
  for (const { user } of people) await seedKeys(state, user, faker, ctx);
  seedUsages(state, faker, ctx);

  // Hash after every draw above, so the draw order (hence the state) does not depend on hashing.
  const hashes = await Promise.all(people.map((p) => seedHash(ctx.hashPassword, p.password)));
  people.forEach((p, i) => (p.user.password_hash = hashes[i]!));
  const accounts = people.map(({ account, user, password }): AetherAccount => ({ username: user.username, email: user.email, password, role: account, user_id: user.id }));
  // After every seeded row, so `--users` only appends: the seeded accounts are the same with or without it.
  await seedGeneratedUsers(state, ctx);
  return { state, accounts };
}

async function seedKeys(state: AetherState, user: AetherUser, faker: Faker, ctx: SeedContext): Promise<void> {
  const count = user.username === 'admin' ? 1 : faker.number.int({ min: 1, max: 2 });
  for (let n = 0; n < count; n++) {
    const at = user.created_at + (n + 1) * 3_600_000;
    const day = new Date(at).toISOString().slice(0, 10);
    const { record } = await createKey(ctx.random, at, { user_id: user.id, name: n === 0 ? `Key-${day}` : null, rate_limit: 100, expire_days: n === 1 ? 90 : null });
    state.api_keys.push(record);
  }
  if (user.username === 'admin') {
    // A standalone (prepaid) key the bootstrap admin issued: listed under /api/users/me/api-keys, never under the
    // admin's user keys, and deleted with its owner.
    const { record } = await createKey(ctx.random, user.created_at + 7_200_000, { user_id: user.id, name: 'standalone-demo', rate_limit: 60 });
    Object.assign(record, { is_standalone: true, current_balance_usd: 5 });
    state.api_keys.push(record);
  }
}

function seedUsages(state: AetherState, faker: Faker, ctx: SeedContext): void {
  const keys = state.api_keys.filter((key) => !key.is_standalone);
  for (let n = 0; n < 24; n++) {
    const key = faker.helpers.arrayElement(keys);
    const user = state.users.find((candidate) => candidate.id === key.user_id)!;
    chargeUsage(state, user, key, faker, ctx, { failed: n % 8 === 7, at: SEED_EPOCH_MS + 8 * DAY_MS + n * DAY_MS });
  }
}

/**
 * Appends one usage row of `key` (a random model and size, at a random time in the day from `at`) and charges it
 * to the user and the key, as the seed's month of usage does; the generated users (`--users N`) get theirs so.
 *
 * @example
 * chargeUsage(state, user, key, faker, ctx, { failed: false, at: dayStart });
 */
export function chargeUsage(state: AetherState, user: AetherUser, key: AetherApiKey, faker: Faker, ctx: SeedContext, row: { failed: boolean; at: number }): void {
  const failed = row.failed;
  const model = faker.helpers.arrayElement(MODELS);
  const [provider, format] = PROVIDERS[model];
  const input = faker.number.int({ min: 200, max: 4000 });
  const output = failed ? 0 : faker.number.int({ min: 50, max: 1500 });
  const cost = failed ? 0 : Math.round((input * 3 + output * 15) / 10) / 100_000;
  const usage: AetherUsage = {
    id: uuidV4(ctx.random),
    user_id: user.id,
    api_key_id: key.id,
    provider,
    provider_id: null,
    model,
    api_format: format,
    status: failed ? 'failed' : 'completed',
    status_code: failed ? 502 : 200,
    error_message: failed ? 'upstream timeout' : null,
    input_tokens: input,
    output_tokens: output,
    total_tokens: input + output,
    cache_creation_input_tokens: 0,
    cache_read_input_tokens: 0,
    total_cost_usd: cost,
    actual_total_cost_usd: cost,
    cache_creation_cost_usd: 0,
    cache_read_cost_usd: 0,
    response_time_ms: faker.number.int({ min: 300, max: 9000 }),
    created_at: row.at + faker.number.int(DAY_MS - 1),
  };
  state.usages.push(usage);
  user.used_usd += cost;
  user.total_usd += cost;
  key.total_requests += 1;
  key.total_cost_usd += cost;
  key.last_used_at = Math.max(key.last_used_at ?? 0, usage.created_at);
}

function unique(name: string, taken: Set<string>): string {
  let candidate = name.length >= 3 ? name : `${name}_user`;
  for (let n = 2; taken.has(candidate); n++) candidate = `${name}${n}`;
  taken.add(candidate);
  return candidate;
}
