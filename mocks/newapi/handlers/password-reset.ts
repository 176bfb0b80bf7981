/**
 * The password-reset pair (`controller.SendPasswordResetEmail` and `controller.ResetPassword`, JUL26):
 * `GET /api/reset_password?email=` mails a link with a 32-character token, `POST /api/user/reset {email, token}`
 * sets a new random 12-character password and answers it.
 * @module
 */
import { sendMessage } from '../../core/outbox.js';
import type { RequestContext } from '../../core/types.js';
import { fail, ok } from '../envelope.js';
import { isGoEmail } from '../../go/email.js';
import { goDecode } from '../../go/json-bind.js';
import { sqliteLower } from '../../go/sql-lower.js';
import { headerLang, t } from '../messages.js';
import type { NewApiState, UserRecord } from '../state.js';
import { deleteCode, normalizeEmail, PURPOSE, registerCode, VERIFICATION_VALID_MINUTES, verificationCode, verifyCode } from '../verification.js';

type Ctx = RequestContext<NewApiState>;

const RESET_REQUEST = { qualified: 'controller.PasswordResetRequest', name: 'PasswordResetRequest', fields: { email: 'string', token: 'string' } } as const;

/**
 * `GET /api/reset_password`: always the same success, whether or not the address belongs to anyone (JUL26; NOV25
 * said `该邮箱地址未注册`). Only an address held by exactly one live user gets a mail.
 */
export function requestPasswordReset(ctx: Ctx): Response {
  const email = normalizeEmail(ctx.query.get('email') ?? '');
  if (!isGoEmail(email)) return fail(t(headerLang(ctx.headers), 'common.invalid_params'));
  if (uniqueUserByEmail(ctx.state, email)) {
    const token = verificationCode(ctx.random, 0);
    registerCode(ctx.state, PURPOSE.passwordReset, email, token, ctx.clock.now());
    // `ServerAddress` is the front end's; an empty one means this server's own origin (as for the pay links).
    // The address goes into the link unescaped, as upstream writes it.
    const link = `${ctx.settings.ServerAddress || ctx.serverUrl}/user/reset?email=${email}&token=${token}`;
    const name = ctx.settings.SystemName;
    sendMessage(
      ctx.state,
      {
        channel: 'email',
        to: email,
        subject: `${name}密码重置`,
        body:
          `<p>您好，你正在进行${name}密码重置。</p>` +
          `<p>点击 <a href='${link}'>此处</a> 进行密码重置。</p>` +
          `<p>如果链接无法点击，请尝试点击下面的链接或将其复制到浏览器中打开：<br> ${link} </p>` +
          `<p>重置链接 ${VERIFICATION_VALID_MINUTES} 分钟内有效，如果不是本人操作，请忽略。</p>`,
        code: token,
      },
      ctx.clock.now(),
    );
  }
  return ok();
}

/** `POST /api/user/reset`: a bad body answers Go's decoder error verbatim (`common.ApiError(c, err)`). */
export async function resetPassword(ctx: Ctx): Promise<Response> {
  const lang = headerLang(ctx.headers);
  const decoded = goDecode(await ctx.readText(), RESET_REQUEST);
  if (!decoded.ok) return fail(decoded.error);
  const email = normalizeEmail(decoded.value.email);
  const { token } = decoded.value;
  if (email === '' || token === '') return fail(t(lang, 'common.invalid_params'));
  if (!verifyCode(ctx.state, PURPOSE.passwordReset, email, token, ctx.clock.now())) return fail(t(lang, 'user.password_reset_link_invalid'));
  const password = verificationCode(ctx.random, 12);
  // The address may have changed hands since the mail went out: no single live owner, no reset.
  const user = uniqueUserByEmail(ctx.state, email);
  if (!user) return fail(t(lang, 'user.password_reset_link_invalid'));
  user.password_hash = await ctx.hashPassword(password);
  deleteCode(ctx.state, PURPOSE.passwordReset, email);
  return ok(password);
}

/**
 * `model.GetUniqueUserByEmail`: scoped (deleted users are not found), and two owners are as good as none. The stored
 * address is folded as SQLite `LOWER()` folds it, ASCII only.
 */
function uniqueUserByEmail(state: NewApiState, email: string): UserRecord | undefined {
  const owners = state.users.filter((u) => u.deleted_at === null && sqliteLower(u.email) === email);
  return owners.length === 1 ? owners[0] : undefined;
}
