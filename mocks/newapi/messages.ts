/**
 * new-api's messages, copied from `i18n/locales/{en,zh-CN,zh-TW}.yaml` at JUL26 (5a6c53d49), and the strings that
 * are hard-coded Chinese in every version (2FA, model-layer errors).
 * @module
 */

/** The languages JUL26 translates into. */
export type Lang = 'en' | 'zh-CN' | 'zh-TW';

const TABLE = {
  'common.invalid_params': ['Invalid parameters', '无效的参数', '無效的參數'],
  'common.database_error': ['Database error, please contact the administrator', '数据库出错，请联系管理员', '資料庫出錯，請聯繫管理員'],
  'common.generate_failed': ['Generation failed', '生成失败', '生成失敗'],
  'common.update_success': ['Update successful', '更新成功', '更新成功'],
  'common.update_failed': ['Update failed', '更新失败', '更新失敗'],
  'common.uuid_duplicate': ['Please retry, the system generated a duplicate UUID!', '请重试，系统生成的 UUID 竟然重复了！', '請重試，系統生成的 UUID 竟然重複了！'],
  'common.invalid_input': ['Invalid input', '输入不合法', '輸入不合法'],
  'auth.not_logged_in': ['Unauthorized, not logged in and no access token provided', '无权进行此操作，未登录且未提供 access token', '無權進行此操作，未登入且未提供 access token'],
  'auth.access_token_invalid': ['Unauthorized, invalid access token', '无权进行此操作，access token 无效', '無權進行此操作，access token 無效'],
  'auth.user_info_invalid': ['Unauthorized, invalid user info', '无权进行此操作，用户信息无效', '無權進行此操作，使用者資訊無效'],
  'auth.user_id_not_provided': ['Unauthorized, New-Api-User header not provided', '无权进行此操作，未提供 New-Api-User', '無權進行此操作，未提供 New-Api-User'],
  'auth.user_id_format_error': ['Unauthorized, New-Api-User header format error', '无权进行此操作，New-Api-User 格式错误', '無權進行此操作，New-Api-User 格式錯誤'],
  'auth.user_id_mismatch': ['Unauthorized, New-Api-User does not match logged in user', '无权进行此操作，New-Api-User 与登录用户不匹配', '無權進行此操作，New-Api-User 與登入使用者不匹配'],
  'auth.user_banned': ['User has been banned', '用户已被封禁', '使用者已被封禁'],
  'auth.insufficient_privilege': ['Unauthorized, insufficient privileges', '无权进行此操作，权限不足', '無權進行此操作，權限不足'],
  'user.password_login_disabled': ['Password login has been disabled by administrator', '管理员关闭了密码登录', '管理員關閉了密碼登錄'],
  'user.register_disabled': ['New user registration has been disabled by administrator', '管理员关闭了新用户注册', '管理員關閉了新使用者註冊'],
  'user.password_register_disabled': ['Password registration has been disabled by administrator, please use third-party account verification', '管理员关闭了通过密码进行注册，请使用第三方账户验证的形式进行注册', '管理員關閉了通過密碼進行註冊，請使用第三方帳號驗證的形式進行註冊'],
  'user.username_or_password_error': ['Username or password is incorrect, or user has been banned', '用户名或密码错误，或用户已被封禁', '使用者名或密碼錯誤，或使用者已被封禁'],
  'user.exists': ['Username already exists or has been deleted', '用户名已存在，或已注销', '使用者名已存在，或已註銷'],
  'user.not_exists': ['User does not exist', '用户不存在', '使用者不存在'],
  'user.require_2fa': ['Please enter two-factor authentication code', '请输入两步验证码', '請輸入雙重驗證碼'],
  'user.email_verification_required': ['Email verification is enabled, please enter email address and verification code', '管理员开启了邮箱验证，请输入邮箱地址和验证码', '管理員開啟了信箱驗證，請輸入信箱位址和驗證碼'],
  'user.verification_code_error': ['Verification code is incorrect or has expired', '验证码错误或已过期', '驗證碼錯誤或已過期'],
  'user.email_already_taken': ['Email address is already in use', '邮箱地址已被占用', '信箱位址已被占用'],
  'user.password_unset': ['This account has no password set. Please use password reset or contact an administrator to reset it.', '当前账号未设置密码，请使用密码重置或联系管理员重置密码', '目前帳號未設定密碼，請使用密碼重置或聯繫管理員重置密碼'],
  'user.input_invalid': ['Invalid input {{.Error}}', '输入不合法 {{.Error}}', '輸入不合法 {{.Error}}'],
  'user.no_permission_same_level': ['No permission to access users of same or higher level', '无权获取同级或更高等级用户的信息', '無權獲取同級或更高等級使用者的資訊'],
  'user.no_permission_higher_level': ['No permission to update users of same or higher permission level', '无权更新同权限等级或更高权限等级的用户信息', '無權更新同權限等級或更高權限等級的使用者資訊'],
  'user.cannot_create_higher_level': ['Cannot create users with permission level equal to or higher than yourself', '无法创建权限大于等于自己的用户', '無法建立權限大於等於自己的使用者'],
  'user.cannot_delete_root_user': ['Cannot delete super administrator account', '不能删除超级管理员账户', '不能刪除超級管理員帳號'],
  'user.cannot_disable_root_user': ['Cannot disable super administrator user', '无法禁用超级管理员用户', '無法禁用超級管理員使用者'],
  'user.cannot_demote_root_user': ['Cannot demote super administrator user', '无法降级超级管理员用户', '無法降級超級管理員使用者'],
  'user.already_admin': ['This user is already an administrator', '该用户已经是管理员', '該使用者已經是管理員'],
  'user.already_common': ['This user is already a common user', '该用户已经是普通用户', '該使用者已經是普通使用者'],
  'user.admin_cannot_promote': ['Regular administrators cannot promote other users to administrator', '普通管理员用户无法提升其他用户为管理员', '普通管理員使用者無法提升其他使用者為管理員'],
  'user.original_password_error': ['Original password is incorrect', '原密码错误', '原密碼錯誤'],
  'user.password_reset_link_invalid': ['Password reset link is invalid or has expired', '重置链接非法或已过期', '重置連結非法或已過期'],
  'quota.threshold_gt_zero': ['Warning threshold must be greater than 0', '预警阈值必须大于0', '預警閾值必須大於0'],
  'setting.invalid_type': ['Invalid warning type', '无效的预警类型', '無效的預警類型'],
  'setting.webhook_empty': ['Webhook URL cannot be empty', 'Webhook地址不能为空', 'Webhook位址不能為空'],
  'setting.webhook_invalid': ['Invalid Webhook URL', '无效的Webhook地址', '無效的Webhook位址'],
  'setting.email_invalid': ['Invalid email address', '无效的邮箱地址', '無效的信箱位址'],
  'setting.bark_url_empty': ['Bark push URL cannot be empty', 'Bark推送URL不能为空', 'Bark推送URL不能為空'],
  'setting.bark_url_invalid': ['Invalid Bark push URL', '无效的Bark推送URL', '無效的Bark推送URL'],
  'setting.gotify_url_empty': ['Gotify server URL cannot be empty', 'Gotify服务器地址不能为空', 'Gotify伺服器位址不能為空'],
  'setting.gotify_token_empty': ['Gotify token cannot be empty', 'Gotify令牌不能为空', 'Gotify令牌不能為空'],
  'setting.gotify_url_invalid': ['Invalid Gotify server URL', '无效的Gotify服务器地址', '無效的Gotify伺服器位址'],
  'setting.url_must_http': ['URL must start with http:// or https://', 'URL必须以http://或https://开头', 'URL必須以http://或https://開頭'],
  'setting.saved': ['Settings updated', '设置已更新', '設定已更新'],
  'user.quota_change_zero': ['Quota change amount cannot be zero', '额度变更量不能为0', '額度變更量不能為0'],
  'user.transfer_success': ['Transfer successful', '划转成功', '劃轉成功'],
  'user.transfer_failed': ['Transfer failed {{.Error}}', '划转失败 {{.Error}}', '劃轉失敗 {{.Error}}'],
  'redeem.failed': ['Redemption failed, please try again later', '兑换失败，请稍后重试', '兌換失敗，請稍後重試'],
  'redemption.name_length': ['Redemption code name length must be between 1-20', '兑换码名称长度必须在1-20之间', '兌換碼名稱長度必須在1-20之間'],
  'redemption.count_positive': ['Redemption code count must be greater than 0', '兑换码个数必须大于0', '兌換碼個數必須大於0'],
  'redemption.count_max': ['Maximum 100 redemption codes can be generated at once', '一次兑换码批量生成的个数不能大于 100', '一次兌換碼批量生成的個數不能大於 100'],
  'redemption.expire_time_invalid': ['Expiration time cannot be earlier than current time', '过期时间不能早于当前时间', '過期時間不能早於當前時間'],
  'quota.negative': ['Quota cannot be negative!', '额度不能为负数！', '額度不能為負數！'],
  'payment.compliance_required': [
    'Payment, redemption, subscription, and invitation reward features are disabled. The administrator must confirm compliance terms before enabling them.',
    '支付、兑换码、订阅计划和邀请返利功能已禁用。管理员需先确认合规声明后方可启用。',
    '支付、兌換碼、訂閱方案和邀請返利功能已停用。管理員需先確認合規聲明後方可啟用。',
  ],
  'common.batch_too_many': ['Too many items in batch request, maximum is {{.Max}}', '批量请求数量过多，最多 {{.Max}} 条', '批次請求數量過多，最多 {{.Max}} 條'],
  'token.name_too_long': ['Token name is too long', '令牌名称过长', '令牌名稱過長'],
  'token.quota_negative': ['Quota value cannot be negative', '额度值不能为负数', '額度值不能為負數'],
  'token.quota_exceed_max': ['Quota value exceeds valid range, maximum is {{.Max}}', '额度值超出有效范围，最大值为 {{.Max}}', '額度值超出有效範圍，最大值為 {{.Max}}'],
  'token.expired_cannot_enable': [
    'Token has expired and cannot be enabled. Please modify the expiration time or set it to never expire',
    '令牌已过期，无法启用，请先修改令牌过期时间，或者设置为永不过期',
    '令牌已過期，無法啟用，請先修改令牌過期時間，或者設定為永不過期',
  ],
  'token.exhausted_cannot_enable': [
    'Token quota is exhausted and cannot be enabled. Please modify the remaining quota or set it to unlimited',
    '令牌可用额度已用尽，无法启用，请先修改令牌剩余额度，或者设置为无限额度',
    '令牌可用額度已用盡，無法啟用，請先修改令牌剩餘額度，或者設定為無限額度',
  ],
} as const satisfies Record<string, readonly [string, string, string]>;

/** An i18n'd message key. */
export type MessageKey = keyof typeof TABLE;

/** Every i18n'd key, for tests that walk the whole table. */
export const MESSAGE_KEYS = Object.keys(TABLE) as MessageKey[];

const COLUMN: Record<Lang, 0 | 1 | 2> = { en: 0, 'zh-CN': 1, 'zh-TW': 2 };

/**
 * The message for `key` in `lang`, with go-i18n's `{{.Name}}` placeholders filled from `vars`.
 *
 * @example
 * t('en', 'user.input_invalid', { Error: "Key: 'User.Password' ..." });
 */
export function t(lang: Lang, key: MessageKey, vars?: Record<string, string>): string {
  const text: string = TABLE[key][COLUMN[lang]];
  return vars ? text.replace(/\{\{\.(\w+)\}\}/g, (_, name: string) => vars[name] ?? '') : text;
}

/**
 * `i18n.normalizeLang`: `zh-tw*` → zh-TW, `zh*` → zh-CN, anything else → en.
 *
 * @example
 * normalizeLang('zh-Hans'); // 'zh-CN'
 */
export function normalizeLang(value: string): Lang {
  const lang = value.trim().toLowerCase();
  if (lang.startsWith('zh-tw')) return 'zh-TW';
  if (lang.startsWith('zh')) return 'zh-CN';
  return 'en';
}

/**
 * The language of a request before the user is known: the first tag of `Accept-Language`, else en.
 *
 * @example
 * headerLang(new Headers({ 'accept-language': 'zh-CN,zh;q=0.9' })); // 'zh-CN'
 */
export function headerLang(headers: Headers): Lang {
  const header = headers.get('accept-language');
  if (!header) return 'en';
  const first = header.split(',')[0]!.split(';')[0]!;
  return normalizeLang(first);
}

/** Raw database errors upstream passes through `ApiError(c, err)`. */
export const DB = {
  /** GORM's answer when a scoped lookup finds nothing (e.g. the caller was deleted after logging in). */
  recordNotFound: 'record not found',
  /** The unique-index violation on `users.username`, as SQLite (upstream's default database) words it. */
  usernameTaken: 'UNIQUE constraint failed: users.username',
} as const;

/** Strings that are Chinese in every version (controller/twofa.go, model errors). */
export const ZH = {
  paramError: '参数错误',
  sessionExpired: '会话已过期，请重新登录',
  sessionInvalid: '会话数据无效，请重新登录',
  userNotFound: '用户不存在',
  twoFaNotEnabled: '用户未启用2FA',
  codeOrBackupIncorrect: '验证码或备用码不正确',
  codeOrBackupWrong: '验证码或备用码错误，请重试',
  idEmpty: 'id 为空！',
  /** `账户已被锁定，请在<time>后重试`. */
  locked: (time: string) => `账户已被锁定，请在${time}后重试`,
} as const;
