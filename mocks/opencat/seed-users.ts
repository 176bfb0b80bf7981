/**
 * `--users N` for opencat: N faker users after the seeded ones, each with a v4 UUID token (opencat users have no
 * password) and, for every other one, a daily usage row this month. The tokens are derived from the server's root
 * (mocks/core/sealer.ts), so the state stores a digest and a derivation note, never a token.
 * @module
 */
import { createFaker } from '../core/faker.js';
import { generatedName } from '../core/generated-users.js';
import { derivedSecrets } from '../core/sealer.js';
import type { SeedContext } from '../core/types.js';
import { formatFixed } from '../go/fmt.js';
import { modelCost } from './prices.js';
import { digest } from './secrets.js';
import type { OpenCatState } from './state.js';
import { localDate } from './zone.js';

const DAY_MS = 86_400_000;
/** The seed's own name bound (`uniqueUsername(…, 20)` in seed.ts). */
const NAME_MAX = 20;
/** A v4 UUID takes 16 derived bytes. */
const TOKEN_BYTES = 16;
const MODELS = ['gpt-4o-mini', 'gpt-4o', 'claude-3-haiku'];

/**
 * Appends `ctx.users` generated users (ids after the seeded ones) and their usage rows, dated in the zone
 * `offset` (minutes) from the local day starting at `today`. Every draw comes after the seed's own.
 *
 * @example
 * await seedGeneratedUsers(state, ctx, today, offset);
 */
export async function seedGeneratedUsers(state: OpenCatState, ctx: SeedContext, today: number, offset: number): Promise<void> {
  if (ctx.users === 0) return;
  const faker = createFaker(ctx.random.int(0x7fff_ffff));
  const names = new Set(state.users.map((u) => u.name));
  const derive = await derivedSecrets(ctx.random);
  for (let n = 1; n <= ctx.users; n++) {
    const id = state.next_user_id++;
    const name = generatedName(`${faker.person.firstName()}_${faker.person.lastName()}`, n, NAME_MAX, names);
    const { secret, sealed } = derive(id, TOKEN_BYTES, 'user-token');
    const created = today - 20 * DAY_MS + faker.number.int(DAY_MS - 1);
    state.users.push({ id, name, token_sha256: digest(secret), token_sealed: sealed, created_at: created, updated_at: created, deleted_at: null });
    if (n % 2 === 1) continue;
    const prompt = faker.number.int({ min: 50, max: 20_000 });
    const completion = faker.number.int({ min: 10, max: 5_000 });
    const cost = formatFixed(modelCost(faker.helpers.arrayElement(MODELS), prompt, completion), 6);
    const date = localDate(today - faker.number.int(19) * DAY_MS, offset);
    state.daily_usages.push({ user_id: id, date, prompt_units: prompt, completion_units: completion, total_unit: prompt + completion, cost_micros: Number(cost.replace('.', '')) });
  }
}
