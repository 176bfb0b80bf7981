/**
 * `UserService.create_user`, which admin create and register share: the service validators in upstream's order
 * (email, username, password), then uniqueness (email, then username; exact, case-sensitive comparisons), then the
 * new row. A refusal is the bare message; each route wraps it in its own error type.
 * @module
 */
import type { RequestContext } from '../core/types.js';
import { uuidV4 } from '../core/uuid.js';
import { ADMIN } from './messages.js';
import { hashUserPassword } from './passwords.js';
import type { AetherRole, AetherState, AetherUser } from './state.js';
import { emailProblem, passwordProblem, usernameProblem } from './validators.js';

type Ctx = Pick<RequestContext<AetherState>, 'state' | 'clock' | 'random' | 'hashPassword'>;

/** What a new user takes. */
export interface NewUser {
  email: string;
  username: string;
  password: string;
  role: AetherRole;
  quota_usd: number | null;
}

/**
 * The new user, added to the state, or the first rule it breaks.
 *
 * @example
 * const created = await createUser(ctx, { email, username, password, role: 'user', quota_usd: 10 });
 * if (!created.ok) throw invalidRequest(created.message);
 */
export async function createUser(ctx: Ctx, input: NewUser): Promise<{ ok: true; user: AetherUser } | { ok: false; message: string }> {
  const problem =
    emailProblem(input.email) ??
    usernameProblem(input.username) ??
    passwordProblem(input.password) ??
    (ctx.state.users.some((user) => user.email === input.email) ? ADMIN.emailExists(input.email) : undefined) ??
    (ctx.state.users.some((user) => user.username === input.username) ? ADMIN.usernameExists(input.username) : undefined);
  if (problem) return { ok: false, message: problem };
  // Hash before drawing the id: the handler may run again after the password work, and must draw the same id.
  const password_hash = await hashUserPassword(ctx, input.password);
  const now = ctx.clock.now();
  const user: AetherUser = {
    id: uuidV4(ctx.random),
    email: input.email,
    username: input.username,
    password_hash,
    role: input.role,
    allowed_providers: null,
    allowed_endpoints: null,
    allowed_models: null,
    quota_usd: input.quota_usd,
    used_usd: 0,
    total_usd: 0,
    is_active: true,
    created_at: now,
    updated_at: now,
    last_login_at: null,
  };
  ctx.state.users.push(user);
  return { ok: true, user };
}
