/**
 * `POST /api/user/manage` (AdminAuth): disable, enable, delete, promote, demote and JUL26's add_quota, with
 * upstream's protections of root and its quirks (controller/user.go ManageUser at 5a6c53d49).
 * @module
 */
import type { RequestContext } from '../../core/types.js';
import { canManage, type Caller } from '../auth.js';
import { fail, ok } from '../envelope.js';
import { goDecode } from '../../go/json-bind.js';
import { DB, t } from '../messages.js';
import { exactQuota, QUOTA_RANGE_ERROR } from '../quota-range.js';
import { findUser, ROLE, STATUS, zeroUser, type NewApiState, type UserRecord } from '../state.js';
import { zeroUserView } from '../views.js';

type Ctx = RequestContext<NewApiState>;

/** `controller.ManageRequest`. `value` is a Go int: a fraction, an exponent or a number past int64 fails the decode. */
const MANAGE_REQUEST = {
  qualified: 'controller.ManageRequest',
  name: 'ManageRequest',
  fields: { id: 'int', action: 'string', value: 'int', mode: 'string' },
} as const;

/** `POST /api/user/manage`. */
export async function manageUser(ctx: Ctx, caller: Caller): Promise<Response> {
  const { lang } = caller;
  const decoded = goDecode(await ctx.readText(), MANAGE_REQUEST);
  if (!decoded.ok) return fail(t(lang, 'common.invalid_params'));
  const body = decoded.value;
  // `DB.Unscoped().Where(&User{Id: id}).First(&user)`: soft-deleted users are found, and id 0 means "no condition",
  // which picks the first user (root). Its error is ignored and a miss leaves `user` as it was: `User{Id: id}`, role 0.
  // So "User does not exist" needs id 0 on an empty table; an unknown id goes on against no row, and ends in the
  // scoped re-read's `record not found` (add_quota's UPDATE touches no row and succeeds).
  const target =
    body.id === 0
      ? [...ctx.state.users].sort((a, b) => a.id - b.id)[0]
      : (ctx.state.users.find((u) => u.id === body.id) ?? zeroUser({ id: body.id }));
  if (!target) return fail(t(lang, 'user.not_exists'));
  if (!canManage(caller.role, target.role)) return fail(t(lang, 'user.no_permission_higher_level'));

  let role = target.role;
  let status = target.status;
  switch (body.action) {
    case 'disable':
      if (target.role === ROLE.root) return fail(t(lang, 'user.cannot_disable_root_user'));
      status = STATUS.disabled;
      break;
    case 'enable':
      status = STATUS.enabled;
      break;
    case 'delete':
      if (target.role === ROLE.root) return fail(t(lang, 'user.cannot_delete_root_user'));
      if (target.deleted_at === null) target.deleted_at = ctx.clock.now();
      break;
    case 'promote':
      if (caller.role !== ROLE.root) return fail(t(lang, 'user.admin_cannot_promote'));
      if (target.role >= ROLE.admin) return fail(t(lang, 'user.already_admin'));
      role = ROLE.admin;
      break;
    case 'demote':
      if (target.role === ROLE.root) return fail(t(lang, 'user.cannot_demote_root_user'));
      if (target.role === ROLE.common) return fail(t(lang, 'user.already_common'));
      role = ROLE.common;
      break;
    case 'add_quota':
      return addQuota(ctx, target, body.mode, body.value, caller);
    default:
      // An unknown action changes nothing and still answers like a successful one.
      break;
  }
  // Then `user.Update(false)`, whose scoped re-read fails for a soft-deleted user. That includes the user "delete"
  // just soft-deleted: JUL26 deletes, then answers `record not found` (fixed after JUL26 by an early return).
  if (findUser(ctx.state, target.id) === undefined) return fail(DB.recordNotFound);
  target.role = role;
  target.status = status;
  return ok(zeroUserView(role, status));
}

/**
 * add_quota: add and subtract need a positive value; override writes any value, and subtract may go below zero, as
 * upstream (which checks only the sign of the change). A soft-deleted or unknown user is a silent no-op.
 */
function addQuota(ctx: Ctx, target: UserRecord, mode: string, value: number, caller: Caller): Response {
  if ((mode === 'add' || mode === 'subtract') && value <= 0) return fail(t(caller.lang, 'user.quota_change_zero'));
  if (mode !== 'add' && mode !== 'subtract' && mode !== 'override') return fail(t(caller.lang, 'common.invalid_params'));
  // The quota UPDATEs are scoped: they touch no row for a soft-deleted (or unknown) user, and report no error.
  if (findUser(ctx.state, target.id) !== target) return ok();
  // gatewaykit: past 2^53 − 1 the sum would be rounded; upstream's int64 column would keep it (docs/fidelity.md).
  const quota = mode === 'override' ? value : exactQuota(target.quota, mode === 'add' ? value : -value);
  if (quota === undefined) return fail(QUOTA_RANGE_ERROR);
  target.quota = quota;
  return ok();
}
