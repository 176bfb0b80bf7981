/**
 * How upstream turns pydantic's errors into messages (`src/core/exceptions.py` `translate_pydantic_error`): the first
 * `loc` item named through its field table, then the English message rewritten by the first pattern of its table
 * that matches (case-insensitively). And login's own format, which translates nothing.
 * @module
 */
import type { PydanticError } from './pydantic.js';

// Upstream's FIELD_NAME_TRANSLATIONS. `allowed_endpoints` is not in it, so that field is named in English.
const FIELD_NAMES: Record<string, string> = {
  password: '密码',
  username: '用户名',
  email: '邮箱',
  role: '角色',
  quota_usd: '配额',
  name: '名称',
  title: '标题',
  content: '内容',
  ip_address: 'IP地址',
  reason: '原因',
  ttl: '过期时间',
  enabled: '启用状态',
  fixed_limit: '固定限制',
  old_password: '旧密码',
  new_password: '新密码',
  allowed_providers: '允许的提供商',
  allowed_models: '允许的模型',
  rate_limit: '速率限制',
  expire_days: '过期天数',
  priority: '优先级',
  type: '类型',
  is_active: '激活状态',
  is_pinned: '置顶状态',
  start_time: '开始时间',
  end_time: '结束时间',
};

// Upstream's PYDANTIC_ERROR_TRANSLATIONS, in its order: the first pattern found in the message wins and replaces
// every match of itself (Python's re.search, then re.sub).
const PATTERNS: ReadonlyArray<[RegExp, string]> = [
  [/String should have at least (\d+) characters?/gi, '字符串长度至少需要 $1 个字符'],
  [/String should have at most (\d+) characters?/gi, '字符串长度最多 $1 个字符'],
  [/string_too_short/gi, '字符串长度不足'],
  [/string_too_long/gi, '字符串长度超出限制'],
  [/Field required/gi, '此字段为必填项'],
  [/field required/gi, '此字段为必填项'],
  [/missing/gi, '缺少必填字段'],
  [/Input should be a valid string/gi, '输入应为有效的字符串'],
  [/Input should be a valid integer/gi, '输入应为有效的整数'],
  [/Input should be a valid number/gi, '输入应为有效的数字'],
  [/Input should be a valid boolean/gi, '输入应为布尔值'],
  [/Input should be a valid email address/gi, '输入应为有效的邮箱地址'],
  [/Input should be a valid list/gi, '输入应为有效的列表'],
  [/Input should be a valid dictionary/gi, '输入应为有效的字典'],
  [/Input should be greater than (\d+)/gi, '数值应大于 $1'],
  [/Input should be greater than or equal to (\d+)/gi, '数值应大于或等于 $1'],
  [/Input should be less than (\d+)/gi, '数值应小于 $1'],
  [/Input should be less than or equal to (\d+)/gi, '数值应小于或等于 $1'],
  [/Input should be (.+)/gi, '输入应为 $1'],
  [/value is not a valid email address/gi, '邮箱地址格式无效'],
  [/invalid.*email/gi, '邮箱地址格式无效'],
  [/Extra inputs are not permitted/gi, '不允许额外的字段'],
  [/Value error, (.+)/gi, '$1'],
];

/**
 * Upstream's message for one pydantic error: `"<字段>: <消息>"`, or the message alone for an empty `loc`.
 *
 * @example
 * translatePydanticError({ type: 'missing', loc: ['password'], msg: 'Field required' }); // '密码: 此字段为必填项'
 */
export function translatePydanticError(error: PydanticError): string {
  const first = error.loc[0];
  const field = first === undefined ? '' : String(first);
  const named = Object.hasOwn(FIELD_NAMES, field) ? FIELD_NAMES[field]! : field;
  let message = error.msg;
  for (const [pattern, replacement] of PATTERNS) {
    pattern.lastIndex = 0;
    if (!pattern.test(message)) continue;
    pattern.lastIndex = 0;
    message = message.replace(pattern, replacement);
    break;
  }
  return named ? `${named}: ${message}` : message;
}

/**
 * Login's report of every error, untranslated: `"输入验证失败: email: Field required; password: Field required"`.
 *
 * @example
 * loginValidationMessage(errors);
 */
export function loginValidationMessage(errors: readonly PydanticError[]): string {
  return `输入验证失败: ${errors.map((error) => `${error.loc.map(String).join(' -> ')}: ${error.msg}`).join('; ')}`;
}
