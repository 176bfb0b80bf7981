/**
 * `GET /api/verification?email=`: emails a 6-character registration code (`controller.SendEmailVerification`,
 * JUL26). The reference server's "mail server" is the outbox (`GET /__mock/outbox`).
 * @module
 */
import { sendMessage } from '../../core/outbox.js';
import type { RequestContext } from '../../core/types.js';
import { fail, ok } from '../envelope.js';
import { isGoEmail } from '../../go/email.js';
import { sqliteLower } from '../../go/sql-lower.js';
import { headerLang, t } from '../messages.js';
import type { NewApiState } from '../state.js';
import { normalizeEmail, PURPOSE, registerCode, VERIFICATION_VALID_MINUTES, verificationCode } from '../verification.js';

type Ctx = RequestContext<NewApiState>;

// Hard-coded in the controller, in every version.
const EMAIL_INVALID = '无效的邮箱地址';
const DOMAIN_NOT_ALLOWED =
  "The administrator has enabled the email domain name whitelist, and your email address is not allowed due to special symbols or it's not in the whitelist.";
const ALIAS_NOT_ALLOWED = '管理员已启用邮箱地址别名限制，您的邮箱地址由于包含特殊符号而被拒绝。';

/** `GET /api/verification`: no auth; the address must be free, even of deleted users. */
export function sendVerification(ctx: Ctx): Response {
  const lang = headerLang(ctx.headers);
  const email = normalizeEmail(ctx.query.get('email') ?? '');
  if (!isGoEmail(email)) return fail(t(lang, 'common.invalid_params'));
  // A quoted local part may hold another "@": the validator lets it through, this check does not.
  const parts = email.split('@');
  if (parts.length !== 2) return fail(EMAIL_INVALID);
  const [local, domain] = parts as [string, string];
  const { settings } = ctx;
  if (settings.EmailDomainRestrictionEnabled && !settings.EmailDomainWhitelist.includes(domain)) return fail(DOMAIN_NOT_ALLOWED);
  if (settings.EmailAliasRestrictionEnabled && (local.includes('+') || local.includes('.'))) return fail(ALIAS_NOT_ALLOWED);
  if (ctx.state.users.some((u) => sqliteLower(u.email) === email)) return fail(t(lang, 'user.email_already_taken'));

  const code = verificationCode(ctx.random, 6);
  registerCode(ctx.state, PURPOSE.emailVerification, email, code, ctx.clock.now());
  const name = settings.SystemName;
  sendMessage(
    ctx.state,
    {
      channel: 'email',
      to: email,
      subject: `${name}邮箱验证邮件`,
      body:
        `<p>您好，你正在进行${name}邮箱验证。</p>` +
        `<p>您的验证码为: <strong>${code}</strong></p>` +
        `<p>验证码 ${VERIFICATION_VALID_MINUTES} 分钟内有效，如果不是本人操作，请忽略。</p>`,
      code,
    },
    ctx.clock.now(),
  );
  return ok();
}
