/**
 * Upstream's service validators (`src/core/validators.py`), which admin create and register run after pydantic, in
 * the order email, username, password. Each returns upstream's message, or `undefined` when the value passes.
 * Python's `len()` counts code points and its `$` also matches before a final newline; both are kept.
 * @module
 */
import { pyLen } from './pydantic.js';

const EMAIL = /^[a-zA-Z0-9._%+-]+@[a-zA-Z0-9.-]+\.[a-zA-Z]{2,}\n?$/;
const USERNAME = /^[a-zA-Z0-9_-]+\n?$/;
const RESERVED_USERNAMES = new Set(['admin', 'root', 'system', 'api', 'test', 'demo', 'user', 'guest', 'bot', 'webhook', 'support']);
const WEAK_PASSWORDS = new Set(['password123', 'admin123', '12345678', 'qwerty123', 'password@123', 'admin@123', 'password123!', 'admin123!']);

/**
 * `EmailValidator.validate`.
 *
 * @example
 * emailProblem('x@example.c'); // '邮箱格式不正确'
 */
export function emailProblem(email: string): string | undefined {
  if (!email) return '邮箱不能为空';
  if (pyLen(email) > 255) return '邮箱长度不能超过255个字符';
  if (!EMAIL.test(email)) return '邮箱格式不正确';
  return undefined;
}

/**
 * `UsernameValidator.validate`: 3 to 30 of `[a-zA-Z0-9_-]`, not a reserved name (any case).
 *
 * @example
 * usernameProblem('Admin'); // '该用户名为系统保留用户名'
 */
export function usernameProblem(username: string): string | undefined {
  if (!username) return '用户名不能为空';
  const length = pyLen(username);
  if (length < 3) return '用户名长度至少为3个字符';
  if (length > 30) return '用户名长度不能超过30个字符';
  if (!USERNAME.test(username)) return '用户名只能包含字母、数字、下划线和连字符';
  if (RESERVED_USERNAMES.has(username.toLowerCase())) return '该用户名为系统保留用户名';
  return undefined;
}

/**
 * `PasswordValidator.validate`: 6 to 128 characters and not a weak password (any case). No complexity rule.
 *
 * @example
 * passwordProblem('ADMIN@123'); // '密码过于简单，请使用更复杂的密码'
 */
export function passwordProblem(password: string): string | undefined {
  if (!password) return '密码不能为空';
  const length = pyLen(password);
  if (length < 6) return '密码长度至少为6个字符';
  if (length > 128) return '密码长度不能超过128个字符';
  if (WEAK_PASSWORDS.has(password.toLowerCase())) return '密码过于简单，请使用更复杂的密码';
  return undefined;
}

/**
 * The admin update's username check (`src/models/admin_requests.py`): the character set only.
 *
 * @example
 * isUpdateUsername('bad name'); // false
 */
export function isUpdateUsername(username: string): boolean {
  return USERNAME.test(username);
}

/**
 * The email pattern both validators share.
 *
 * @example
 * isEmail('a@b.co'); // true
 */
export function isEmail(email: string): boolean {
  return EMAIL.test(email);
}
