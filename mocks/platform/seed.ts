/**
 * The initial platform state, deterministic per seed (faker through `mocks/core/faker.js`): a personal user,
 * an enterprise owner with an admin and a plain member, a second enterprise with its own admin, and a platform
 * admin, all with plaintext passwords in `accounts`; plus the first RSA key, made now so the first request
 * does not wait for key generation.
 * @module
 */
import type { Faker } from '@faker-js/faker';
import { createFaker } from '../core/faker.js';
import type { SeedContext, SeededAccount } from '../core/types.js';
import { creditCodeCheck } from './checks.js';
import { chinaDay, newId } from './ids.js';
import { joinEnterprise } from './membership.js';
import { newEnterprise, newUserRecord } from './records.js';
import { createKey } from './rsa-keys.js';
import { seedApiKeys, seedVerifications } from './seed-extras.js';
import { seedGeneratedUsers } from './seed-users.js';
import { DEFAULT_SETTINGS, type EnterpriseRecord, type PlatformSettings, type PlatformState, type UserRecord } from './state.js';

/** A seeded login: `username` is the email; `role` says which seeded person it is. */
export interface PlatformAccount extends SeededAccount<PlatformRole> {
  email: string;
  phone: string | null;
  user_id: string;
  user_type: UserRecord['user_type'];
}

/** The seeded people, by what they are for in tests. */
export type PlatformRole =
  | 'personal'
  | 'enterprise owner'
  | 'enterprise admin'
  | 'enterprise member'
  | 'other enterprise owner'
  | 'other enterprise admin'
  | 'platform admin';

/**
 * The seeded platform admin's login, the same for every seed (the sandbox banner and the README print it).
 *
 * @example
 * await client.auth.login({ account: PLATFORM_ADMIN_LOGIN.email, password: PLATFORM_ADMIN_LOGIN.password, ... });
 */
export const PLATFORM_ADMIN_LOGIN = Object.freeze({ email: 'admin@platform.example', password: 'Admin123456' });

// Seeded rows get times from a fixed epoch, not the clock, so one seed always gives the same rows.
const SEED_EPOCH_MS = Date.UTC(2026, 6, 1);
const DAY_MS = 86_400_000;
const ENTERPRISE_NAMES = ['星河智能科技有限公司', '云杉数据有限公司', '青岚网络科技有限公司', '北辰软件有限公司', '海岳信息技术有限公司'];
const CREDIT_ALPHABET = '0123456789ABCDEFGHJKLMNPQRTUWXY';

/**
 * Builds the seeded state and the accounts one can log in with.
 *
 * @example
 * const { state, accounts } = await seedPlatform(seedContext, { RegisterEnabled: false });
 */
export async function seedPlatform(ctx: SeedContext, settings: Partial<PlatformSettings>): Promise<{ state: PlatformState; accounts: PlatformAccount[] }> {
  const faker = createFaker(ctx.random.int(0x7fff_ffff));
  const state: PlatformState = {
    settings: { ...DEFAULT_SETTINGS, ...settings },
    outbox: [],
    rsa_keys: [],
    retired_key_ids: [],
    captchas: {},
    captcha_tokens: {},
    users: [],
    enterprises: [],
    sessions: {},
    swept_at: {},
    access_tokens: {},
    refresh_tokens: {},
    login_failures: {},
    email_codes: {},
    email_sends: {},
    api_keys: [],
    invitations: [],
    verifications: [],
  };
  const plans: Array<[PlatformRole, UserRecord['user_type']]> = [
    ['platform admin', 'personal'],
    ['personal', 'personal'],
    ['enterprise owner', 'enterprise'],
    ['enterprise admin', 'member'],
    ['enterprise member', 'member'],
    ['other enterprise owner', 'enterprise'],
    ['other enterprise admin', 'member'],
  ];
  const taken = new Set<string>();
  const people = plans.map(([role, userType], index) => {
    const at = SEED_EPOCH_MS + index * DAY_MS + faker.number.int(3_600_000);
    const first = faker.person.firstName();
    const last = faker.person.lastName();
    const password = `${faker.string.alpha({ length: 6, casing: 'mixed' })}${faker.string.numeric(4)}`;
    const phone = `1${faker.helpers.arrayElement(['3', '5', '7', '8', '9'])}${faker.string.numeric(9)}`;
    const email = uniqueEmail(faker.internet.email({ firstName: first, lastName: last }).toLowerCase(), taken);
    const user = newUserRecord({ email, phone, user_type: userType, password_hash: '', nickname: `${first} ${last}`.slice(0, 32), email_verified: true }, at, ctx.random);
    user.last_login_at = at + DAY_MS;
    return { role, user, password };
  });
  const byRole = (role: PlatformRole) => people.find((p) => p.role === role)!.user;
  const admin = byRole('platform admin');
  admin.platform_role = 'admin';
  // A fixed, documented admin login, as new-api's root/123456: set after the draws, so no other row shifts.
  if (!taken.has(PLATFORM_ADMIN_LOGIN.email)) {
    admin.email = PLATFORM_ADMIN_LOGIN.email;
    people.find((p) => p.role === 'platform admin')!.password = PLATFORM_ADMIN_LOGIN.password;
  }
  Object.assign(byRole('personal'), { membership_level: 'basic', membership_expires_at: SEED_EPOCH_MS + 365 * DAY_MS - 1000 });

  const today = chinaDay(ctx.clock.now());
  const [nameA, nameB] = faker.helpers.arrayElements(ENTERPRISE_NAMES, 2) as [string, string];
  const a = verifiedEnterprise(byRole('enterprise owner'), nameA, faker, ctx);
  const b = verifiedEnterprise(byRole('other enterprise owner'), nameB, faker, ctx);
  state.enterprises.push(a, b);
  joinEnterprise(byRole('enterprise admin'), a, 'admin', byRole('enterprise admin').created_at);
  joinEnterprise(byRole('enterprise member'), a, 'member', byRole('enterprise member').created_at);
  joinEnterprise(byRole('other enterprise admin'), b, 'admin', byRole('other enterprise admin').created_at);
  Object.assign(byRole('enterprise member').quota, { tokens_per_day: 500_000, requests_per_day: 1_000, tokens_used: 12_000, requests_used: 37, usage_day: today });
  for (const { user } of people) state.users.push(user);
  seedVerifications(state, { personal: byRole('personal'), admin, enterprises: [a, b] }, faker, ctx.random);
  await seedApiKeys(state, byRole('personal'), ctx.random);

  // Hash after every draw above, so the draw order (hence the state) does not depend on hashing.
  const hashes = await Promise.all(people.map((p) => ctx.hashPassword(p.password)));
  people.forEach((p, i) => (p.user.password_hash = hashes[i]!));
  state.rsa_keys.push(await createKey(state, ctx.clock.now(), ctx.seed));

  const accounts = people.map(({ role, user, password }): PlatformAccount => ({
    username: user.email,
    password,
    role,
    email: user.email,
    phone: user.phone,
    user_id: user.user_id,
    user_type: user.user_type,
  }));
  // After every seeded row, so `--users` only appends: the seeded accounts are the same with or without it.
  await seedGeneratedUsers(state, ctx, SEED_EPOCH_MS);
  return { state, accounts };
}

function verifiedEnterprise(owner: UserRecord, name: string, faker: Faker, ctx: SeedContext): EnterpriseRecord {
  const enterprise = newEnterprise(owner, name, owner.created_at, ctx.random);
  const first17 = `91${faker.string.numeric(6)}${faker.helpers.multiple(() => faker.helpers.arrayElement([...CREDIT_ALPHABET]), { count: 9 }).join('')}`;
  Object.assign(enterprise, {
    credit_code: first17 + creditCodeCheck(first17),
    license_image: `https://oss.example.com/licenses/${newId('', owner.created_at, ctx.random).toLowerCase()}.jpg`,
    verify_status: 'verified',
    verified_at: owner.created_at + 3_600_000,
    contact_name: `${faker.person.firstName()} ${faker.person.lastName()}`.slice(0, 32),
    contact_phone: `139${faker.string.numeric(8)}`,
  });
  return enterprise;
}

function uniqueEmail(raw: string, taken: Set<string>): string {
  let email = raw;
  for (let n = 2; taken.has(email); n++) email = raw.replace('@', `${n}@`);
  taken.add(email);
  return email;
}
