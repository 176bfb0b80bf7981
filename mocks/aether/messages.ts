/**
 * Upstream's messages at 2b1d197, word for word (they are facts of the API: clients show and match them). Grouped
 * by where upstream raises them.
 * @module
 */

/** The pipeline's bearer check and the token service (`src/api/base/pipeline.py`, `src/services/auth/service.py`). */
export const AUTH = {
  missingAdmin: '缺少管理员凭证',
  missingUser: '缺少用户凭证',
  invalidToken: '无效的Token',
  expired: 'Token已过期',
  revoked: 'Token已被撤销',
  wrongType: (expected: string, actual: unknown) => `Token类型错误: 期望 ${expected}, 实际 ${pythonStr(actual)}`,
  invalidAdminToken: '无效的管理员令牌',
  invalidUserToken: '无效的用户令牌',
  inactive: '用户不存在或已禁用',
  notAdmin: '需要管理员权限',
} as const;

/** `src/api/auth/routes.py`. */
export const LOGIN = {
  validation: '输入验证失败: ',
  tooMany: (seconds: number) => `登录请求过于频繁，请在 ${seconds} 秒后重试`,
  registerTooMany: (seconds: number) => `注册请求过于频繁，请在 ${seconds} 秒后重试`,
  wrongCredentials: '邮箱或密码错误',
  invalidRefresh: '无效的刷新令牌',
  refreshInactive: '用户已禁用',
  refreshFailed: '刷新令牌失败',
  registrationClosed: '系统暂不开放注册',
  registered: '注册成功',
  loggedOut: '登出成功',
  loggedOutDegraded: '登出成功（降级模式）',
  missingBearer: '缺少认证令牌',
  passwordsRequired: '必须提供旧密码和新密码',
  wrongOldPassword: '旧密码错误',
  passwordTooShort8: '密码长度至少8位',
  passwordChanged: '密码修改成功',
} as const;

/** `src/api/user_me/routes.py`. */
export const ME = {
  emailTaken: '邮箱已被使用',
  usernameTaken: '用户名已被使用',
  profileUpdated: '个人信息更新成功',
  passwordTooShort6: '密码长度至少6位',
  keyNotFound: 'API密钥不存在',
  keyCreated: 'API密钥创建成功',
  keyDeleted: 'API密钥已删除',
  keyToggled: (active: boolean) => `API密钥已${active ? '启用' : '禁用'}`,
  noStoredKey: '该密钥没有存储完整密钥信息',
  decryptFailed: '解密密钥失败',
} as const;

/** `src/api/admin/users/routes.py` and `src/services/user/service.py`. */
export const ADMIN = {
  userNotFound: '用户不存在',
  invalidRole: '角色参数不合法',
  userDeleted: '用户删除成功',
  lastAdmin: '不能删除最后一个管理员账户',
  quotaReset: '配额已重置',
  keyNotOwned: 'API Key不存在或不属于该用户',
  keyDeleted: 'API Key已删除',
  keyCreated: 'API Key创建成功，请妥善保存完整密钥',
  emailExists: (email: string) => `邮箱已存在: ${email}`,
  usernameExists: (username: string) => `用户名已存在: ${username}`,
  validationFailed: '请求数据验证失败',
} as const;

/** `src/api/base/context.py`: the body. */
export const BODY = {
  empty: '请求体不能为空',
  invalidJson: '请求体必须是合法的JSON',
  /** gatewaykit's own: upstream reads any size (see docs/fidelity.md). */
  tooLarge: '请求体过大: 参考服务器最多读取 1 MiB',
} as const;

/** `src/core/exceptions.py` and `src/core/resilience.py`: the unhandled-exception answer. */
export const SYSTEM = {
  unknown: '系统遇到未知错误，请稍后重试或联系管理员',
  database: '数据库连接异常，正在重试...',
  recovery: '请稍后重试，如问题持续请联系管理员',
  /** The 502/503/504 an injected fault answers (gatewaykit's; upstream has no such answer of its own). */
  unavailable: '服务暂时不可用，请稍后重试',
} as const;

/** `src/api/admin/usage/routes.py`. */
export const USAGE = {
  badGroupBy: (value: string) => `Invalid group_by value: ${value}. Must be one of: model, user, provider, api_format`,
} as const;

/** How Python's f-string prints a claim it read from a token (`None`, `True`, numbers, strings bare). */
function pythonStr(value: unknown): string {
  if (value === undefined || value === null) return 'None';
  if (value === true) return 'True';
  if (value === false) return 'False';
  if (typeof value === 'string') return value;
  if (typeof value === 'number') return Number.isInteger(value) ? String(value) : String(value);
  return JSON.stringify(value);
}
