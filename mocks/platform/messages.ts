/**
 * The error codes of the platform contract (decision 009: `code = HTTP status × 100 + n`) with their messages in
 * English and Simplified Chinese. Messages never carry a secret: no password, token, key, code or id number.
 * @module
 */

/** The language of `message`: Chinese when `Accept-Language` prefers `zh`, English otherwise. */
export type Lang = 'en' | 'zh';

/** Every non-zero code the server answers, by name. */
export const CODE = {
  bad_request: 40000,
  validation_failed: 40001,
  wrong_old_password: 40002,
  rsa_key_unknown: 40010,
  rsa_key_expired: 40011,
  ciphertext_replayed: 40012,
  ciphertext_invalid: 40013,
  captcha_token_invalid: 40020,
  captcha_answer_wrong: 40021,
  captcha_invalid: 40022,
  email_code_invalid: 40030,
  invitation_invalid: 40040,
  unauthenticated: 40101,
  access_token_expired: 40102,
  refresh_token_invalid: 40103,
  invalid_credentials: 40104,
  forbidden: 40301,
  account_frozen: 40302,
  wrong_account_type: 40303,
  owner_protected: 40304,
  enterprise_not_verified: 40305,
  registration_closed: 40306,
  route_not_found: 40400,
  user_not_found: 40401,
  api_key_not_found: 40402,
  member_not_found: 40403,
  verification_not_found: 40404,
  email_taken: 40901,
  phone_taken: 40902,
  verification_conflict: 40903,
  membership_conflict: 40904,
  email_already_verified: 40905,
  api_key_limit: 40906,
  payload_too_large: 41300,
  password_policy: 42201,
  password_unchanged: 42202,
  rate_limited: 42901,
  email_code_cooldown: 42902,
  account_locked: 42903,
  internal_error: 50000,
  bad_gateway: 50200,
  service_unavailable: 50300,
  gateway_timeout: 50400,
} as const;

/** One of the codes above. */
export type ErrorCode = (typeof CODE)[keyof typeof CODE];

const MESSAGES: Record<number, readonly [en: string, zh: string]> = {
  40000: ['The request body must be a JSON object.', '请求体必须是 JSON 对象。'],
  40001: ['Invalid request.', '请求参数无效。'],
  40002: ['The current password is incorrect.', '当前密码错误。'],
  40010: ['Unknown public key. Please fetch a new one.', '公钥标识无效，请重新获取公钥。'],
  40011: ['The public key has expired. Please fetch a new one.', '公钥已过期，请重新获取公钥。'],
  40012: ['This encrypted password was already used. Please encrypt it again.', '该加密密码已被使用，请重新加密。'],
  40013: ['The encrypted password could not be decrypted.', '加密密码无法解密。'],
  40020: ['The captcha token is invalid or has expired.', '图形验证码 Token 无效或已过期。'],
  40021: ['Wrong captcha answer. Please request a new captcha.', '图形验证码错误，请重新获取。'],
  40022: ['The captcha is invalid, expired or already used.', '图形验证码无效、已过期或已使用。'],
  40030: ['The verification code is invalid or has expired.', '验证码无效或已过期。'],
  40040: ['The invitation is invalid or has expired.', '邀请无效或已过期。'],
  40101: ['Authentication required.', '请先登录。'],
  40102: ['The access token has expired.', '访问令牌已过期。'],
  40103: ['The refresh token is invalid. Please log in again.', '刷新令牌无效，请重新登录。'],
  40104: ['Incorrect account or password.', '账号或密码错误。'],
  40301: ['You do not have permission to do this.', '无权进行此操作。'],
  40302: ['This account is frozen.', '该账号已被冻结。'],
  40303: ['This route is not available for this account type.', '当前账号类型不支持此操作。'],
  40304: ['The enterprise owner cannot be removed, demoted or given a quota.', '企业主账号不能被移除、降级或设置配额。'],
  40305: ['The enterprise must be verified before inviting members.', '企业认证通过后才能邀请成员。'],
  40306: ['Registration is closed.', '暂不开放注册。'],
  40400: ['Route not found.', '接口不存在。'],
  40401: ['User not found.', '用户不存在。'],
  40402: ['API key not found.', 'API Key 不存在。'],
  40403: ['Member not found.', '成员不存在。'],
  40404: ['Verification submission not found.', '认证申请不存在。'],
  40901: ['This email is already registered.', '邮箱已注册。'],
  40902: ['This phone number is already registered.', '手机号已注册。'],
  40903: ['A verification is already pending or approved, or this submission is no longer pending.', '已有待审核或已通过的认证，或该申请已审核。'],
  40904: ['This account already belongs to an enterprise or is an enterprise account.', '该账号已属于企业或为企业账号。'],
  40905: ['This email is already verified.', '邮箱已验证。'],
  40906: ['You already have the maximum number of API keys (50).', 'API Key 数量已达上限（50）。'],
  41300: ['Request body too large.', '请求体过大。'],
  42201: ['The password must be 8-32 characters and contain letters and digits.', '密码须为 8-32 位，且包含字母和数字。'],
  42202: ['The new password must differ from the current one.', '新密码不能与当前密码相同。'],
  42901: ['Too many requests. Please try again later.', '请求过于频繁，请稍后再试。'],
  42902: ['Too many codes sent to this address. Please try again later.', '验证码发送过于频繁，请稍后再试。'],
  42903: ['Too many failed attempts. Please try again in 15 minutes.', '失败次数过多，请 15 分钟后再试。'],
  50000: ['Internal server error.', '服务器内部错误。'],
  50200: ['Bad gateway.', '网关错误。'],
  50300: ['Service unavailable.', '服务暂不可用。'],
  50400: ['Gateway timeout.', '网关超时。'],
};

/**
 * The message of `code` in `lang` (a generic one for codes without their own text).
 *
 * @example
 * messageOf(40104, 'zh'); // '账号或密码错误。'
 */
export function messageOf(code: number, lang: Lang): string {
  const pair = MESSAGES[code];
  if (pair) return lang === 'zh' ? pair[1] : pair[0];
  return lang === 'zh' ? '请求失败。' : 'Request failed.';
}

/**
 * The language `Accept-Language` prefers: `zh` when its highest-weighted tag is Chinese.
 *
 * @example
 * langOf(new Headers({ 'accept-language': 'zh-CN,zh;q=0.9,en;q=0.8' })); // 'zh'
 */
export function langOf(headers: Headers): Lang {
  const header = headers.get('accept-language');
  if (!header) return 'en';
  let best: { tag: string; q: number } | undefined;
  for (const part of header.split(',')) {
    const [rawTag, ...params] = part.trim().split(';');
    const tag = (rawTag ?? '').trim().toLowerCase();
    if (tag === '') continue;
    const qParam = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
    const q = qParam ? Number(qParam.slice(2)) : 1;
    if (Number.isFinite(q) && (!best || q > best.q)) best = { tag, q };
  }
  return best?.tag.startsWith('zh') ? 'zh' : 'en';
}
