/**
 * Seed data around the seeded people: the reviewed submissions behind their verified statuses, and API keys
 * for the personal user (one production key in use, one disabled test key).
 * @module
 */
import type { Faker } from '@faker-js/faker';
import { sha256Hex } from '../core/encoding.js';
import type { Random } from '../core/random.js';
import { newId } from './ids.js';
import type { EnterpriseRecord, PlatformState, UserRecord } from './state.js';

const REAL_NAMES = ['张三', '李四', '王小明', '陈晓华', '刘洋', '赵静'];
const KEY_ALPHABET = 'abcdefghijklmnopqrstuvwxyz0123456789';
const HOUR_MS = 3_600_000;

/**
 * A verified real name for the personal user and a verified submission per enterprise, all reviewed by `admin`.
 *
 * @example
 * seedVerifications(state, { personal, admin, enterprises: [a, b] }, faker, ctx.random);
 */
export function seedVerifications(
  state: PlatformState,
  people: { personal: UserRecord; admin: UserRecord; enterprises: EnterpriseRecord[] },
  faker: Faker,
  random: Random,
): void {
  const { personal, admin } = people;
  const realName = faker.helpers.arrayElement(REAL_NAMES);
  const submitted = personal.created_at + HOUR_MS;
  personal.realname = { status: 'verified', real_name: realName, id_card_sha256: null, submitted_at: submitted, verified_at: submitted + HOUR_MS, reject_reason: null };
  const review = (at: number) => ({ status: 'verified' as const, submitted_at: at, reviewed_at: at + HOUR_MS, reviewed_by: admin.user_id, reject_reason: null });
  state.verifications.push({
    type: 'realname',
    verification_id: newId('ver_', submitted, random),
    user_id: personal.user_id,
    real_name: realName,
    id_card_front: 'https://oss.example.com/id_cards/front.jpg',
    id_card_back: 'https://oss.example.com/id_cards/back.jpg',
    ...review(submitted),
  });
  for (const enterprise of people.enterprises) {
    const at = enterprise.created_at + HOUR_MS / 2;
    state.verifications.push({
      type: 'enterprise',
      verification_id: newId('ver_', at, random),
      user_id: enterprise.owner_id,
      enterprise_id: enterprise.enterprise_id,
      enterprise_name: enterprise.enterprise_name,
      credit_code: enterprise.credit_code!,
      license_image: enterprise.license_image!,
      contact_name: enterprise.contact_name!,
      contact_phone: enterprise.contact_phone!,
      ...review(at),
    });
  }
}

/**
 * Two keys for `user`. Their full values are not kept anywhere (as on a real server), only hashes.
 *
 * @example
 * await seedApiKeys(state, personal, ctx.random);
 */
export async function seedApiKeys(state: PlatformState, user: UserRecord, random: Random): Promise<void> {
  const plans = [
    { name: 'Production', key_type: 'production', prefix: 'sk-prod-', status: 'active', used: true },
    { name: 'CI tests', key_type: 'test', prefix: 'sk-test-', status: 'disabled', used: false },
  ] as const;
  for (const [index, plan] of plans.entries()) {
    const created = user.created_at + (index + 1) * HOUR_MS;
    const secret = random.string(32, KEY_ALPHABET);
    const keyId = newId('key_', created, random);
    state.api_keys.push({
      key_id: keyId,
      user_id: user.user_id,
      name: plan.name,
      key_type: plan.key_type,
      // The digest of the key the seed drew and forgot, as a created key stores it: an export holds no secret.
      key_sha256: await sha256Hex(plan.prefix + secret),
      key_head: plan.prefix + secret.slice(0, 4),
      last4: secret.slice(-4),
      status: plan.status,
      allowed_models: plan.used ? ['gpt-4o', 'gpt-4o-mini'] : [],
      allowed_ips: plan.used ? ['10.0.0.0/8'] : [],
      last_used_at: plan.used ? created + 2 * HOUR_MS : null,
      expires_at: null,
      created_at: created,
    });
  }
}
