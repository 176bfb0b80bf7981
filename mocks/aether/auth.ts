/**
 * The pipeline's authentication (`src/api/base/pipeline.py`): a bearer access JWT, then the user's row, read on
 * every request, so a deleted or deactivated user is refused at once and the role is never the token's.
 * @module
 */
import type { RequestContext } from '../core/types.js';
import { httpError } from './envelope.js';
import { AUTH } from './messages.js';
import type { AetherState, AetherUser } from './state.js';
import { verifyToken } from './tokens.js';

type Ctx = RequestContext<AetherState>;

/** Who is calling, and with which token (logout revokes it). */
export interface Caller {
  user: AetherUser;
  /** The token as the pipeline read it: `authorization[7:].strip()`. */
  token: string;
}

/**
 * `_authenticate_admin` / `_authenticate_user`: the two differ only in their messages.
 *
 * @example
 * const caller = await authenticate(ctx, 'admin');
 */
export async function authenticate(ctx: Ctx, mode: 'admin' | 'user'): Promise<Caller> {
  const header = ctx.headers.get('authorization');
  if (!header || !header.toLowerCase().startsWith('bearer ')) throw httpError(401, mode === 'admin' ? AUTH.missingAdmin : AUTH.missingUser);
  const token = header.slice(7).trim();
  const claims = await verifyToken(ctx, token, 'access');
  const userId = claims.user_id;
  if (!userId) throw httpError(401, mode === 'admin' ? AUTH.invalidAdminToken : AUTH.invalidUserToken);
  const user = ctx.state.users.find((candidate) => candidate.id === userId);
  if (!user || !user.is_active) throw httpError(403, AUTH.inactive);
  return { user, token };
}
