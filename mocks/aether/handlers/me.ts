/**
 * `/api/users/me` and `/api/users/me/password` (`src/api/user_me/routes.py`): the caller's profile with its
 * preferences and spending, the email/username change (uniqueness only), and the password change with its
 * minimum of 6.
 * @module
 */
import type { RequestContext } from '../../core/types.js';
import type { Caller } from '../auth.js';
import { ensureJsonBody } from '../body.js';
import { invalidRequest, json, systemError } from '../envelope.js';
import { sqlText } from '../lookup.js';
import { LOGIN, ME } from '../messages.js';
import { ChangePasswordRequest, UpdateProfileRequest } from '../models.js';
import { checkUserPassword, hashUserPassword } from '../passwords.js';
import { pyLen } from '../pydantic.js';
import type { AetherState } from '../state.js';
import { translatePydanticError } from '../translate.js';
import { myProfile } from '../views.js';

type Ctx = RequestContext<AetherState>;

/** `GET /api/users/me`: `api_keys_count` counts every key the user owns, standalone ones included. */
export function getMyProfile(ctx: Ctx, caller: Caller): Response {
  const count = ctx.state.api_keys.filter((key) => key.user_id === caller.user.id).length;
  return json(myProfile(caller.user, count));
}

/** `PUT /api/users/me`: empty values are skipped; another user's email or username is refused. */
export async function updateMyProfile(ctx: Ctx, caller: Caller): Promise<Response> {
  const parsed = UpdateProfileRequest(await ensureJsonBody(ctx));
  if (!parsed.ok) throw invalidRequest(translatePydanticError(parsed.errors[0]!));
  const { email, username } = parsed.value as { email: string | null; username: string | null };
  const { user } = caller;
  const others = ctx.state.users.filter((candidate) => candidate.id !== user.id);
  if (email) {
    sqlText(email);
    if (others.some((other) => other.email === email)) throw invalidRequest(ME.emailTaken);
    user.email = email;
  }
  if (username) {
    sqlText(username);
    if (others.some((other) => other.username === username)) throw invalidRequest(ME.usernameTaken);
    user.username = username;
  }
  // No length rule in the model; the columns (String(255), String(100)) refuse the commit, an unhandled error.
  if (pyLen(user.email) > 255 || pyLen(user.username) > 100) throw systemError();
  user.updated_at = ctx.clock.now();
  return json({ message: ME.profileUpdated });
}

/** `PATCH /api/users/me/password`: validated first, then the old password, then the length. */
export async function changeMyPassword(ctx: Ctx, caller: Caller): Promise<Response> {
  const parsed = ChangePasswordRequest(await ensureJsonBody(ctx));
  if (!parsed.ok) throw invalidRequest(translatePydanticError(parsed.errors[0]!));
  const { old_password: oldPassword, new_password: newPassword } = parsed.value as { old_password: string; new_password: string };
  if (!(await checkUserPassword(ctx, oldPassword, caller.user.password_hash))) throw invalidRequest(LOGIN.wrongOldPassword);
  if (pyLen(newPassword) < 6) throw invalidRequest(ME.passwordTooShort6);
  caller.user.password_hash = await hashUserPassword(ctx, newPassword);
  caller.user.updated_at = ctx.clock.now();
  return json({ message: LOGIN.passwordChanged });
}
