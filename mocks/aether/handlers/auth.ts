/**
 * `/api/auth/*` (`src/api/auth/routes.py`): login by email, refresh (rotating), logout (revokes the access token),
 * register (closed by default), the token's user, and the password change with its minimum of 8.
 * @module
 */
import type { RequestContext } from '../../core/types.js';
import type { Caller } from '../auth.js';
import { ensureJsonBody } from '../body.js';
import { httpError, invalidRequest, json, systemError } from '../envelope.js';
import { sqlText } from '../lookup.js';
import { LOGIN } from '../messages.js';
import { LoginRequest, RefreshTokenRequest, RegisterRequest } from '../models.js';
import { checkUserPassword, hashUserPassword } from '../passwords.js';
import { pyLen } from '../pydantic.js';
import { LOGIN_LIMIT, REGISTER_LIMIT, throttle } from '../rate-limit.js';
import type { AetherState } from '../state.js';
import { issueTokens, revokeToken, verifyToken } from '../tokens.js';
import { loginValidationMessage } from '../translate.js';
import { createUser } from '../user-service.js';
import { authMe } from '../views.js';

type Ctx = RequestContext<AetherState>;

/** `POST /api/auth/login`: validation, then the per-address limit, then one answer for every wrong login. */
export async function login(ctx: Ctx): Promise<Response> {
  const parsed = LoginRequest(await ensureJsonBody(ctx));
  if (!parsed.ok) throw invalidRequest(loginValidationMessage(parsed.errors));
  throttle(ctx, LOGIN_LIMIT);
  const { email, password } = parsed.value as { email: string; password: string };
  const wanted = sqlText(email);
  const user = ctx.state.users.find((candidate) => candidate.email === wanted);
  const matches = await checkUserPassword(ctx, password, user?.password_hash ?? '');
  if (!user || !matches || !user.is_active) throw httpError(401, LOGIN.wrongCredentials);
  user.last_login_at = ctx.clock.now();
  user.updated_at = user.last_login_at;
  const tokens = await issueTokens(ctx, user);
  return json({ ...tokens, token_type: 'bearer', expires_in: 86400, user_id: user.id, email: user.email, username: user.username, role: user.role });
}

/** `POST /api/auth/refresh`: a body that fails validation is upstream's uncaught 500. */
export async function refresh(ctx: Ctx): Promise<Response> {
  const parsed = RefreshTokenRequest(await ensureJsonBody(ctx));
  if (!parsed.ok) throw systemError();
  const claims = await verifyToken(ctx, parsed.value.refresh_token as string, 'refresh');
  const user = claims.user_id ? ctx.state.users.find((candidate) => candidate.id === claims.user_id) : undefined;
  if (!user) throw httpError(401, LOGIN.invalidRefresh);
  if (!user.is_active) throw httpError(403, LOGIN.refreshInactive);
  return json({ ...(await issueTokens(ctx, user)), token_type: 'bearer', expires_in: 86400 });
}

/**
 * `POST /api/auth/logout`: the header must start with `Bearer ` exactly; every `Bearer ` in it is cut out, so a
 * token that then does not verify is "logged out" in upstream's degraded mode and nothing is revoked.
 */
export async function logout(ctx: Ctx, _caller: Caller): Promise<Response> {
  const header = ctx.headers.get('authorization');
  if (!header || !header.startsWith('Bearer ')) throw httpError(401, LOGIN.missingBearer);
  const revoked = await revokeToken(ctx, header.replaceAll('Bearer ', ''));
  return json(revoked ? { message: LOGIN.loggedOut, success: true } : { message: LOGIN.loggedOutDegraded, success: false });
}

/** `POST /api/auth/register`: validation (500 when it fails), the limit, the switch, then the service rules. */
export async function register(ctx: Ctx): Promise<Response> {
  const parsed = RegisterRequest(await ensureJsonBody(ctx));
  if (!parsed.ok) throw systemError();
  throttle(ctx, REGISTER_LIMIT);
  if (!ctx.settings.enable_registration) throw httpError(403, LOGIN.registrationClosed);
  const { email, username, password } = parsed.value as { email: string; username: string; password: string };
  const created = await createUser(ctx, { email, username, password, role: 'user', quota_usd: 10 });
  if (!created.ok) throw httpError(400, created.message);
  return json({ user_id: created.user.id, email, username, message: LOGIN.registered });
}

/** `GET /api/auth/me`. */
export function authMeHandler(_ctx: Ctx, caller: Caller): Response {
  return json(authMe(caller.user));
}

/**
 * `PATCH /api/auth/password`: read with `payload.get`, so anything but an object, and a truthy value that is not
 * text where text is used, is upstream's 500.
 */
export async function changeAuthPassword(ctx: Ctx, caller: Caller): Promise<Response> {
  const payload = await ensureJsonBody(ctx);
  if (typeof payload !== 'object' || payload === null || Array.isArray(payload)) throw systemError();
  const { old_password: oldPassword, new_password: newPassword } = payload as Record<string, unknown>;
  if (!pythonTruthy(oldPassword) || !pythonTruthy(newPassword)) throw httpError(400, LOGIN.passwordsRequired);
  if (typeof oldPassword !== 'string') throw systemError();
  if (!(await checkUserPassword(ctx, oldPassword, caller.user.password_hash))) throw httpError(400, LOGIN.wrongOldPassword);
  const length = pythonLen(newPassword);
  if (length === undefined) throw systemError();
  if (length < 8) throw invalidRequest(LOGIN.passwordTooShort8);
  if (typeof newPassword !== 'string') throw systemError();
  caller.user.password_hash = await hashUserPassword(ctx, newPassword);
  caller.user.updated_at = ctx.clock.now();
  return json({ message: LOGIN.passwordChanged });
}

function pythonTruthy(value: unknown): boolean {
  if (value === null || value === undefined || value === false || value === 0 || value === '') return false;
  if (Array.isArray(value)) return value.length > 0;
  if (typeof value === 'object') return Object.keys(value).length > 0;
  return true;
}

// Python's len(): text counts code points, lists and dicts their entries; numbers and booleans have none.
function pythonLen(value: unknown): number | undefined {
  if (typeof value === 'string') return pyLen(value);
  if (Array.isArray(value)) return value.length;
  if (typeof value === 'object' && value !== null) return Object.keys(value).length;
  return undefined;
}
