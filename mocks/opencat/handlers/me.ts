/**
 * The caller itself: `GET /1/me` and `GET /1/me/usages` (router.go `HandleMe`, `HandleMeUsage`, c11824f), the
 * two routes any live user's token reaches.
 * @module
 */
import type { RequestContext } from '../../core/types.js';
import { emptyAnswer, errorText, goJson } from '../answers.js';
import type { Caller } from '../auth.js';
import { digest } from '../secrets.js';
import { userByToken, type OpenCatState } from '../state.js';
import { sumOfUser } from '../usage-sums.js';
import { usageRange } from '../usage-range.js';
import { trimmedUserView, usageView } from '../views.js';

type Ctx = RequestContext<OpenCatState>;

/**
 * `GET /1/me`: the caller in the trimmed shape. A token that got past the middleware without being a user's
 * (every bearer does once root's token is `Bearer `) is 200 `{"error":"record not found"}`: upstream writes that,
 * then panics on the nil user after the status is out.
 */
export function getMe(ctx: Ctx, caller: Caller): Response {
  const user = userByToken(ctx.state, digest(caller.token));
  return user ? goJson(trimmedUserView(ctx.state, user, caller.token)) : errorText('record not found');
}

/**
 * `GET /1/me/usages`: upstream looks the caller up by the whole header (`Bearer <token>`), so this is 403 with
 * an empty body, unless some live user's token is that whole header (a `?token=` reset can make one): then that
 * user's sums over the range.
 */
export function getMyUsages(ctx: Ctx, caller: Caller): Response {
  const { from, to } = usageRange(ctx);
  const user = userByToken(ctx.state, digest(caller.header));
  if (!user) return emptyAnswer(403);
  return goJson(usageView(sumOfUser(ctx.state.daily_usages, user.id, from, to)));
}
