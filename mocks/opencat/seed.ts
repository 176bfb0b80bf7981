/**
 * The initial opencat state: an initialised server (root is user 1 with a UUIDv4 token, as `POST /1/users/init`
 * leaves it), faker users with their tokens (one soft-deleted, whose usage stays), one key of each type, and a
 * month of daily usage rows ending today, so `GET /1/usages` without bounds has this month to show.
 * @module
 */
import { createFaker, uniqueUsername } from '../core/faker.js';
import { ALPHANUMERIC } from '../core/random.js';
import type { SeedContext, SeededAccount } from '../core/types.js';
import { uuidV4 } from '../core/uuid.js';
import { formatFixed } from '../go/fmt.js';
import { keyColumns } from './key-rules.js';
import { modelCost } from './prices.js';
import { seedGeneratedUsers } from './seed-users.js';
import { registerSecrets, storedKey, storedToken } from './secrets.js';
import { DEFAULT_SETTINGS, type DailyUsageRecord, type KeyRecord, type OpenCatSettings, type OpenCatState, type UserRecord } from './state.js';
import { localDate, zoneOffset } from './zone.js';

/**
 * A seeded account: opencat users have no password (`password` is `''`), only the bearer `token` they call with.
 * `role` is `root` for user 1, `user` for the others (who reach `/1/me*` only).
 */
export interface OpenCatAccount extends SeededAccount<'root' | 'user'> {
  token: string;
  user_id: number;
}

const DAY_MS = 86_400_000;
const USERS = 6;
const USAGE_DAYS = 30;
const MODELS = ['gpt-4o-mini', 'gpt-4o', 'gpt-3.5-turbo', 'claude-3-haiku', 'gemini-1.5-flash-latest'];
const KEY_BODIES = [
  { name: 'OpenAI-Main', api_type: '', endpoint: '' },
  { name: 'azure.gatewaykit-eastus', api_type: '', endpoint: 'https://gatewaykit-eastus.openai.azure.com/' },
  { name: 'claude.team', api_type: '', endpoint: '' },
  { name: 'google.gemini', api_type: '', endpoint: '' },
];

/**
 * Builds the seeded state and the accounts (root and every live user, with their tokens).
 *
 * @example
 * const { state, accounts } = await seedOpenCat(seedContext, { TimeZone: '+00:00' });
 */
export async function seedOpenCat(ctx: SeedContext, settings: Partial<OpenCatSettings>): Promise<{ state: OpenCatState; accounts: OpenCatAccount[] }> {
  const faker = createFaker(ctx.random.int(0x7fff_ffff));
  const merged: OpenCatSettings = { ...DEFAULT_SETTINGS, ...(settings.TimeZone === undefined ? {} : { TimeZone: settings.TimeZone }) };
  const offset = zoneOffset(merged.TimeZone);
  // Times are relative to the clock's day, so the usage month is the current one whenever the server starts.
  const now = ctx.clock.now();
  const today = Date.parse(`${localDate(now, offset)}T00:00:00Z`) - offset * 60_000;
  const people: { id: number; name: string; token: string; created: number; deleted: number | null }[] = [];
  const taken = new Set(['root']);
  const at = (days: number) => today - days * DAY_MS + faker.number.int(DAY_MS - 1);
  people.push({ id: 1, name: 'root', token: uuidV4(ctx.random), created: at(USAGE_DAYS + 10), deleted: null });
  for (let id = 2; id <= USERS + 1; id++) {
    const name = uniqueUsername(faker.internet.username({ firstName: faker.person.firstName(), lastName: faker.person.lastName() }), taken, 20);
    const created = at(USAGE_DAYS + 10 - id);
    // The last one is soft-deleted: its name stays taken and its usage still counts.
    people.push({ id, name, token: uuidV4(ctx.random), created, deleted: id === USERS + 1 ? created + DAY_MS : null });
  }
  const secrets = KEY_BODIES.map((body) => (body.name.startsWith('claude.') ? `sk-ant-${ctx.random.string(40, ALPHANUMERIC)}` : `sk-${ctx.random.string(48, ALPHANUMERIC)}`));
  const keyTimes = KEY_BODIES.map((_body, index) => at(USAGE_DAYS + 5 - index));
  const daily_usages: DailyUsageRecord[] = [];
  for (let day = USAGE_DAYS - 1; day >= 0; day--) {
    const date = localDate(today - day * DAY_MS, offset);
    for (const user of people) {
      if (faker.number.int(2) === 0) continue;
      const prompt = faker.number.int({ min: 50, max: 20_000 });
      const completion = faker.number.int({ min: 10, max: 5_000 });
      const cost = formatFixed(modelCost(faker.helpers.arrayElement(MODELS), prompt, completion), 6);
      daily_usages.push({ user_id: user.id, date, prompt_units: prompt, completion_units: completion, total_unit: prompt + completion, cost_micros: Number(cost.replace('.', '')) });
    }
  }
  // Sealing draws nothing from the random source, so it comes after every draw and changes none of them.
  registerSecrets(ctx.random, ctx.seed);
  const users: UserRecord[] = await Promise.all(
    people.map(async ({ id, name, token, created, deleted }) => ({ id, name, ...(await storedToken(ctx.random, token)), created_at: created, updated_at: created, deleted_at: deleted })),
  );
  const keys: KeyRecord[] = await Promise.all(
    KEY_BODIES.map(async (body, index) => {
      const { key, ...columns } = keyColumns({ ...body, key: secrets[index]! });
      return { id: index + 1, ...(await storedKey(ctx.random, key)), ...columns, deployment_name: '', created_at: keyTimes[index]!, updated_at: keyTimes[index]! };
    }),
  );
  const state: OpenCatState = {
    settings: merged,
    outbox: [],
    users,
    keys,
    daily_usages,
    next_user_id: USERS + 2,
    next_key_id: keys.length + 1,
    root_token_sha256: users[0]!.token_sha256,
  };
  // After every seeded row, so `--users` only appends: the seeded accounts are the same with or without it.
  await seedGeneratedUsers(state, ctx, today, offset);
  const accounts = people
    .filter((person) => person.deleted === null)
    .map((person): OpenCatAccount => ({ username: person.name, password: '', token: person.token, role: person.id === 1 ? 'root' : 'user', user_id: person.id }));
  return { state, accounts };
}
