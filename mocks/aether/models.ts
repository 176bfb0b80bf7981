/**
 * Upstream's request models at 2b1d197 (`src/models/api.py`, `src/models/admin_requests.py`), field for field and in
 * declaration order, as pydantic validates them. Validators written in the wrong decorator order upstream
 * (`@classmethod` above `@field_validator`) never run, so they are left out here too.
 * @module
 */
import { bool, enumOf, float, int, listOfStr, model, optional, str, ValueError, withValidator } from './pydantic.js';
import { isEmail, isUpdateUsername } from './validators.js';

/** `LoginRequest`. */
export const LoginRequest = model('LoginRequest', {
  email: { check: str({ min: 3, max: 255 }) },
  password: { check: str({ min: 1, max: 128 }) },
});

/** `RefreshTokenRequest`. */
export const RefreshTokenRequest = model('RefreshTokenRequest', { refresh_token: { check: str() } });

/** `RegisterRequest`. */
export const RegisterRequest = model('RegisterRequest', {
  email: { check: str({ min: 3, max: 255 }) },
  username: { check: str({ min: 2, max: 50 }) },
  password: { check: str({ min: 6, max: 128 }) },
});

// The one working validator of CreateUserRequest: numbers must lie in 0..10000; anything else goes on to float
// parsing untouched, so the string "20000" passes as 20000.0.
const createQuota = withValidator(optional(float()), {
  before(value) {
    if (value === null) return null;
    if (typeof value === 'number' || typeof value === 'boolean') {
      const number = Number(value);
      if (number >= 0 && number <= 10000) return number;
      throw new ValueError('配额必须在 0-10000 范围内');
    }
    return value;
  },
});

/** `CreateUserRequest` (admin create). Has no `allowed_*` fields: the console's are ignored. */
export const CreateUserRequest = model('CreateUserRequest', {
  username: { check: str({ min: 2, max: 50 }) },
  password: { check: str({ min: 6, max: 128 }) },
  email: { check: str({ min: 3, max: 255 }) },
  role: { check: optional(enumOf(['admin', 'user'])), default: 'user' },
  quota_usd: { check: createQuota, default: 10 },
});

/** The admin `UpdateUserRequest` of `src/models/admin_requests.py`. No `password` field: it is dropped. */
export const UpdateUserRequest = model('UpdateUserRequest', {
  username: {
    check: withValidator(optional(str({ min: 1, max: 50 })), {
      after(value) {
        if (typeof value === 'string' && !isUpdateUsername(value)) throw new ValueError('用户名只能包含字母、数字、下划线和连字符');
        return value;
      },
    }),
    default: null,
  },
  email: {
    check: withValidator(optional(str({ max: 100 })), {
      after(value) {
        if (typeof value !== 'string') return value;
        if (!isEmail(value)) throw new ValueError('邮箱格式不正确');
        return value.toLowerCase();
      },
    }),
    default: null,
  },
  quota_usd: { check: optional(float({ ge: 0 })), default: null },
  is_active: { check: optional(bool()), default: null },
  role: {
    check: withValidator(optional(str()), {
      after(value) {
        if (typeof value === 'string' && value !== 'admin' && value !== 'user') throw new ValueError('无效的角色，有效值为: admin, user');
        return value;
      },
    }),
    default: null,
  },
  allowed_providers: { check: optional(listOfStr()), default: null },
  allowed_endpoints: { check: optional(listOfStr()), default: null },
  allowed_models: { check: optional(listOfStr()), default: null },
});

/** `CreateApiKeyRequest` (admin, for a user). */
export const CreateApiKeyRequest = model('CreateApiKeyRequest', {
  name: { check: optional(str()), default: null },
  allowed_providers: { check: optional(listOfStr()), default: null },
  allowed_endpoints: { check: optional(listOfStr()), default: null },
  allowed_api_formats: { check: optional(listOfStr()), default: null },
  allowed_models: { check: optional(listOfStr()), default: null },
  rate_limit: { check: optional(int()), default: 100 },
  expire_days: { check: optional(int()), default: null },
  initial_balance_usd: { check: optional(float()), default: null },
  is_standalone: { check: bool(), default: false },
  auto_delete_on_expiry: { check: bool(), default: false },
});

/** `UpdateProfileRequest` (`PUT /api/users/me`). */
export const UpdateProfileRequest = model('UpdateProfileRequest', {
  email: { check: optional(str()), default: null },
  username: { check: optional(str()), default: null },
});

/** `ChangePasswordRequest` (`PATCH /api/users/me/password`). */
export const ChangePasswordRequest = model('ChangePasswordRequest', {
  old_password: { check: str() },
  new_password: { check: str() },
});

/** `CreateMyApiKeyRequest` (`POST /api/users/me/api-keys`). */
export const CreateMyApiKeyRequest = model('CreateMyApiKeyRequest', { name: { check: str() } });
