/**
 * `PUT /api/user/setting` (UserAuth): the quota-warning notification settings (`controller.UpdateUserSetting`,
 * JUL26). The answer writes a brand-new `dto.UserSetting`, so whatever else the blob held (`sidebar_modules`,
 * `language`, `billing_preference`) is gone afterwards: upstream's quirk, kept.
 * @module
 */
import type { RequestContext } from '../../core/types.js';
import type { Caller } from '../auth.js';
import { tooLongColumn } from '../columns.js';
import { fail, ok } from '../envelope.js';
import { parsesAsRequestUri } from '../../go/url.js';
import { DB, t, type MessageKey } from '../messages.js';
import { decodeBody, userSettingSchema, type UserSettingBody } from '../schemas.js';
import { parseSetting, stringifySetting, type UserSetting } from '../setting.js';
import { findUser, ROLE, type NewApiState } from '../state.js';

type Ctx = RequestContext<NewApiState>;
type Body = UserSettingBody;

const NOTIFY_TYPES: ReadonlySet<string> = new Set(['email', 'webhook', 'bark', 'gotify']);
const DEFAULT_GOTIFY_PRIORITY = 5;

/** `PUT /api/user/setting`. */
export async function updateUserSetting(ctx: Ctx, caller: Caller): Promise<Response> {
  const body = await decodeBody(ctx, userSettingSchema);
  if (!body) return fail(t(caller.lang, 'common.invalid_params'));
  const invalid = validate(body);
  if (invalid) return fail(t(caller.lang, invalid));
  const user = findUser(ctx.state, caller.id);
  if (!user) return fail(DB.recordNotFound);

  // Only administrators may change this one; for everyone else the stored value survives the rewrite.
  let upstreamNotify = parseSetting(user.setting).upstream_model_update_notify_enabled;
  if (user.role >= ROLE.admin && typeof body.upstream_model_update_notify_enabled === 'boolean') {
    upstreamNotify = body.upstream_model_update_notify_enabled;
  }
  const setting: UserSetting = {
    notify_type: body.notify_type,
    quota_warning_threshold: body.quota_warning_threshold,
    upstream_model_update_notify_enabled: upstreamNotify,
    accept_unset_model_ratio_model: body.accept_unset_model_ratio_model,
    record_ip_log: body.record_ip_log,
  };
  // Each channel keeps only its own fields; the others' are dropped.
  if (body.notify_type === 'webhook') {
    setting.webhook_url = body.webhook_url;
    setting.webhook_secret = body.webhook_secret;
  }
  if (body.notify_type === 'email') setting.notification_email = body.notification_email;
  if (body.notify_type === 'bark') setting.bark_url = body.bark_url;
  if (body.notify_type === 'gotify') {
    setting.gotify_url = body.gotify_url;
    setting.gotify_token = body.gotify_token;
    const priority = body.gotify_priority;
    setting.gotify_priority = priority < 0 || priority > 10 ? DEFAULT_GOTIFY_PRIORITY : priority;
  }
  const text = stringifySetting(setting);
  // `UpdateUserSetting` failing (on MySQL) answers this, whatever the database said.
  if (tooLongColumn({ setting: text })) return fail(t(caller.lang, 'common.update_failed'));
  user.setting = text;
  return ok(null, t(caller.lang, 'setting.saved'));
}

/** The checks, in upstream's order; the message key of the first that fails. */
function validate(body: Body): MessageKey | undefined {
  if (!NOTIFY_TYPES.has(body.notify_type)) return 'setting.invalid_type';
  if (!(body.quota_warning_threshold > 0)) return 'quota.threshold_gt_zero';
  switch (body.notify_type) {
    case 'webhook':
      if (body.webhook_url === '') return 'setting.webhook_empty';
      if (!parsesAsRequestUri(body.webhook_url)) return 'setting.webhook_invalid';
      return undefined;
    case 'email':
      // Only a given address is checked, and only for an "@".
      return body.notification_email !== '' && !body.notification_email.includes('@') ? 'setting.email_invalid' : undefined;
    case 'bark':
      if (body.bark_url === '') return 'setting.bark_url_empty';
      if (!parsesAsRequestUri(body.bark_url)) return 'setting.bark_url_invalid';
      return isHttp(body.bark_url) ? undefined : 'setting.url_must_http';
    default:
      if (body.gotify_url === '') return 'setting.gotify_url_empty';
      if (body.gotify_token === '') return 'setting.gotify_token_empty';
      if (!parsesAsRequestUri(body.gotify_url)) return 'setting.gotify_url_invalid';
      return isHttp(body.gotify_url) ? undefined : 'setting.url_must_http';
  }
}

/** `strings.HasPrefix` on both schemes: case-sensitive, so `HTTPS://` fails. */
function isHttp(url: string): boolean {
  return url.startsWith('https://') || url.startsWith('http://');
}
