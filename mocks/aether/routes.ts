/**
 * The aether route table: every operation of `openapi/aether.yaml`, registered in upstream's order (a path's first
 * route names the method of Starlette's 405 `Allow`), plus the control route `POST /__mock/usages`.
 * @module
 */
import type { Route } from '../core/types.js';
import { addUsages } from './handlers/control-usages.js';
import { authMeHandler, changeAuthPassword, login, logout, refresh, register } from './handlers/auth.js';
import { createMyApiKey, deleteMyApiKey, getMyApiKey, listMyApiKeys, toggleMyApiKey } from './handlers/me-api-keys.js';
import { changeMyPassword, getMyProfile, updateMyProfile } from './handlers/me.js';
import { AGGREGATION_QUERY, checkGroupBy, getUsageAggregation, getUsageStats, STATS_QUERY } from './handlers/usage.js';
import { createUserApiKey, deleteUserApiKey, listUserApiKeys } from './handlers/user-api-keys.js';
import { createUserHandler, deleteUser, getUser, LIST_USERS_QUERY, listUsers, resetUserQuota, updateUser } from './handlers/users.js';
import { asAdmin, asPublic, asUser } from './pipeline.js';
import type { AetherState } from './state.js';

/** Every aether route the reference server answers. */
export const aetherRoutes: ReadonlyArray<Route<AetherState>> = [
  { method: 'POST', path: '/api/auth/login', handler: asPublic(login) },
  { method: 'POST', path: '/api/auth/refresh', handler: asPublic(refresh) },
  { method: 'POST', path: '/api/auth/register', handler: asPublic(register) },
  { method: 'GET', path: '/api/auth/me', handler: asUser(authMeHandler) },
  { method: 'PATCH', path: '/api/auth/password', handler: asUser(changeAuthPassword) },
  { method: 'POST', path: '/api/auth/logout', handler: asUser(logout) },

  { method: 'GET', path: '/api/users/me', handler: asUser(getMyProfile) },
  { method: 'PUT', path: '/api/users/me', handler: asUser(updateMyProfile) },
  { method: 'PATCH', path: '/api/users/me/password', handler: asUser(changeMyPassword) },
  { method: 'GET', path: '/api/users/me/api-keys', handler: asUser(listMyApiKeys) },
  { method: 'POST', path: '/api/users/me/api-keys', handler: asUser(createMyApiKey) },
  { method: 'GET', path: '/api/users/me/api-keys/:key_id', handler: asUser(getMyApiKey, { include_key: { kind: 'bool' } }) },
  { method: 'DELETE', path: '/api/users/me/api-keys/:key_id', handler: asUser(deleteMyApiKey) },
  { method: 'PATCH', path: '/api/users/me/api-keys/:key_id', handler: asUser(toggleMyApiKey) },

  { method: 'POST', path: '/api/admin/users', handler: asAdmin(createUserHandler) },
  { method: 'GET', path: '/api/admin/users', handler: asAdmin(listUsers, LIST_USERS_QUERY) },
  { method: 'GET', path: '/api/admin/users/:user_id', handler: asAdmin(getUser) },
  { method: 'PUT', path: '/api/admin/users/:user_id', handler: asAdmin(updateUser) },
  { method: 'DELETE', path: '/api/admin/users/:user_id', handler: asAdmin(deleteUser) },
  { method: 'PATCH', path: '/api/admin/users/:user_id/quota', handler: asAdmin(resetUserQuota) },
  { method: 'GET', path: '/api/admin/users/:user_id/api-keys', handler: asAdmin(listUserApiKeys, { is_active: { kind: 'bool' } }) },
  { method: 'POST', path: '/api/admin/users/:user_id/api-keys', handler: asAdmin(createUserApiKey) },
  { method: 'DELETE', path: '/api/admin/users/:user_id/api-keys/:key_id', handler: asAdmin(deleteUserApiKey) },

  { method: 'GET', path: '/api/admin/usage/aggregation/stats', handler: asAdmin(getUsageAggregation, AGGREGATION_QUERY, { beforeAuth: checkGroupBy }) },
  { method: 'GET', path: '/api/admin/usage/stats', handler: asAdmin(getUsageStats, STATS_QUERY) },

  // Control API (openapi/control.yaml, tagged aether): usage rows as upstream's proxy would record them.
  { method: 'POST', path: '/__mock/usages', handler: addUsages },
];
