/**
 * The new-api route table (router/api-router.go at JUL26, the user routes built so far). Static paths beat
 * `/api/user/:id` whatever the order here; the router sees to that.
 * @module
 */
import type { Route } from '../core/types.js';
import { authed } from './auth.js';
import { getAffCode, transferAffQuota } from './handlers/aff.js';
import { epayNotify } from './handlers/epay-notify.js';
import { requestAmount, requestEpay } from './handlers/pay.js';
import {
  createRedemptions,
  deleteInvalidRedemptions,
  deleteRedemption,
  getRedemption,
  listRedemptions,
  searchRedemptions,
  updateRedemption,
} from './handlers/redemptions.js';
import { redeem, topUpInfo } from './handlers/topup.js';
import { login, loginTwoFa, logout, publicGroups, register } from './handlers/auth.js';
import { manageUser } from './handlers/manage.js';
import { requestPasswordReset, resetPassword } from './handlers/password-reset.js';
import { deleteSelf, generateAccessToken, getModels, getSelf, getSelfGroups, updateSelf } from './handlers/self.js';
import { updateUserSetting } from './handlers/setting.js';
import { createToken, updateToken } from './handlers/token-write.js';
import { deleteToken, deleteTokens, getToken, listTokens, revealTokenKey, revealTokenKeys, searchTokens } from './handlers/tokens.js';
import {
  adminDisableTwoFactor,
  disableTwoFactor,
  enableTwoFactor,
  regenerateBackupCodes,
  setupTwoFactor,
  twoFactorStats,
  twoFactorStatus,
} from './handlers/two-factor.js';
import { createUser, deleteUser, getUser, listUsers, searchUsers, updateUser } from './handlers/users.js';
import { sendVerification } from './handlers/verification.js';
import { critical, emailVerificationLimited, searchLimited } from './rate-limit.js';
import { epaySandboxRoutes } from './sandbox/epay.js';
import { ROLE, type NewApiState } from './state.js';

const user = (handler: Parameters<typeof authed>[1]) => authed(ROLE.common, handler);
const admin = (handler: Parameters<typeof authed>[1]) => authed(ROLE.admin, handler);

/** Every new-api route the reference server answers. */
export const newApiRoutes: ReadonlyArray<Route<NewApiState>> = [
  { method: 'POST', path: '/api/user/register', handler: critical(register) },
  { method: 'POST', path: '/api/user/login', handler: critical(login) },
  { method: 'POST', path: '/api/user/login/2fa', handler: critical(loginTwoFa) },
  { method: 'GET', path: '/api/user/logout', handler: logout, mutates: true },
  { method: 'GET', path: '/api/user/groups', handler: publicGroups },
  { method: 'GET', path: '/api/verification', handler: emailVerificationLimited(sendVerification), mutates: true },
  { method: 'GET', path: '/api/reset_password', handler: critical(requestPasswordReset), mutates: true },
  { method: 'POST', path: '/api/user/reset', handler: critical(resetPassword) },
  { method: 'GET', path: '/api/user/epay/notify', handler: epayNotify, mutates: true },
  { method: 'POST', path: '/api/user/epay/notify', handler: epayNotify },

  { method: 'GET', path: '/api/user/self/groups', handler: user(getSelfGroups) },
  { method: 'GET', path: '/api/user/self', handler: user(getSelf) },
  { method: 'GET', path: '/api/user/models', handler: user(getModels) },
  { method: 'PUT', path: '/api/user/self', handler: user(critical(updateSelf)) },
  { method: 'DELETE', path: '/api/user/self', handler: user(deleteSelf) },
  { method: 'GET', path: '/api/user/token', handler: user(generateAccessToken), mutates: true, secretAnswerKeys: ['data'] },
  { method: 'PUT', path: '/api/user/setting', handler: user(updateUserSetting) },
  { method: 'GET', path: '/api/user/aff', handler: user(getAffCode), mutates: true },
  { method: 'POST', path: '/api/user/aff_transfer', handler: user(transferAffQuota) },
  { method: 'GET', path: '/api/user/topup/info', handler: user(topUpInfo) },
  { method: 'POST', path: '/api/user/topup', handler: user(critical(redeem)) },
  { method: 'POST', path: '/api/user/pay', handler: user(critical(requestEpay)) },
  { method: 'POST', path: '/api/user/amount', handler: user(requestAmount) },

  { method: 'GET', path: '/api/user/', handler: admin((ctx) => listUsers(ctx)) },
  { method: 'GET', path: '/api/user/search', handler: admin((ctx) => searchUsers(ctx)) },
  { method: 'GET', path: '/api/user/:id', handler: admin(getUser) },
  { method: 'POST', path: '/api/user/', handler: admin(createUser) },
  { method: 'POST', path: '/api/user/manage', handler: admin(manageUser) },
  { method: 'PUT', path: '/api/user/', handler: admin(updateUser) },
  { method: 'DELETE', path: '/api/user/:id', handler: admin(deleteUser) },

  { method: 'GET', path: '/api/user/2fa/status', handler: user(twoFactorStatus) },
  { method: 'POST', path: '/api/user/2fa/setup', handler: user(setupTwoFactor) },
  { method: 'POST', path: '/api/user/2fa/enable', handler: user(enableTwoFactor) },
  { method: 'POST', path: '/api/user/2fa/disable', handler: user(disableTwoFactor) },
  { method: 'POST', path: '/api/user/2fa/backup_codes', handler: user(regenerateBackupCodes) },
  { method: 'GET', path: '/api/user/2fa/stats', handler: admin((ctx) => twoFactorStats(ctx)) },
  { method: 'DELETE', path: '/api/user/:id/2fa', handler: admin(adminDisableTwoFactor) },

  { method: 'GET', path: '/api/token/', handler: user(listTokens) },
  { method: 'GET', path: '/api/token/search', handler: user(searchLimited(searchTokens)) },
  { method: 'GET', path: '/api/token/:id', handler: user(getToken) },
  { method: 'POST', path: '/api/token/:id/key', handler: user(critical(revealTokenKey)) },
  { method: 'POST', path: '/api/token/', handler: user(createToken) },
  { method: 'PUT', path: '/api/token/', handler: user(updateToken) },
  { method: 'DELETE', path: '/api/token/:id', handler: user(deleteToken) },
  { method: 'POST', path: '/api/token/batch', handler: user(deleteTokens) },
  { method: 'POST', path: '/api/token/batch/keys', handler: user(critical(revealTokenKeys)) },

  { method: 'GET', path: '/api/redemption/', handler: admin((ctx) => listRedemptions(ctx)) },
  { method: 'GET', path: '/api/redemption/search', handler: admin((ctx) => searchRedemptions(ctx)) },
  { method: 'GET', path: '/api/redemption/:id', handler: admin((ctx) => getRedemption(ctx)) },
  { method: 'POST', path: '/api/redemption/', handler: admin(createRedemptions), secretAnswerKeys: ['data'] },
  { method: 'PUT', path: '/api/redemption/', handler: admin(updateRedemption) },
  { method: 'DELETE', path: '/api/redemption/invalid', handler: admin((ctx) => deleteInvalidRedemptions(ctx)) },
  { method: 'DELETE', path: '/api/redemption/:id', handler: admin((ctx) => deleteRedemption(ctx)) },

  // The sandbox payment provider (not upstream's): the pages PayAddress points at by default.
  ...epaySandboxRoutes,
];
