/**
 * The platform route table: every operation of `openapi/platform.yaml`, plus the dialect's control route
 * `GET /__mock/captchas/:captcha_id` that lets tests read a captcha's answer.
 * @module
 */
import { jsonResponse } from '../core/response.js';
import type { Route } from '../core/types.js';
import { authed, platformAdmin } from './auth.js';
import { freezeUser, getUser, listUsers, unfreezeUser } from './handlers/admin-users.js';
import { approveVerification, getVerification, listVerifications, rejectVerification } from './handlers/admin-verifications.js';
import { createApiKey, deleteApiKey, getApiKey, listApiKeys, updateApiKey } from './handlers/apikeys.js';
import { createCaptcha, getPublicKey, login, logout, refresh, verifyCaptcha } from './handlers/auth.js';
import { confirmCode, sendCode } from './handlers/email.js';
import { getProfile, updateProfile } from './handlers/enterprise.js';
import { acceptInvitation, invite } from './handlers/invitations.js';
import { changeRole, getQuota, listMembers, removeMember, setQuota } from './handlers/members.js';
import { changePassword, getMe, register, updateMe } from './handlers/users.js';
import { getRealname, submitEnterprise, submitRealname } from './handlers/verification.js';
import { iso } from './ids.js';
import type { PlatformState } from './state.js';

/** Every platform route the reference server answers. */
export const platformRoutes: ReadonlyArray<Route<PlatformState>> = [
  // Rotation is lazy: the first request after 24 h makes the new key, so this GET writes state.
  { method: 'GET', path: '/api/v1/auth/public-key', handler: getPublicKey, mutates: true },
  { method: 'POST', path: '/api/v1/auth/captcha', handler: createCaptcha },
  { method: 'POST', path: '/api/v1/auth/captcha/verify', handler: verifyCaptcha },
  { method: 'POST', path: '/api/v1/auth/login', handler: login },
  { method: 'POST', path: '/api/v1/auth/refresh', handler: refresh },
  { method: 'POST', path: '/api/v1/auth/logout', handler: authed(logout) },

  { method: 'POST', path: '/api/v1/users/register', handler: register },
  { method: 'GET', path: '/api/v1/users/me', handler: authed(getMe) },
  { method: 'PUT', path: '/api/v1/users/me', handler: authed(updateMe) },
  { method: 'PUT', path: '/api/v1/users/me/password', handler: authed(changePassword) },
  { method: 'POST', path: '/api/v1/users/me/verify/email', handler: sendCode },
  { method: 'POST', path: '/api/v1/users/me/verify/email/confirm', handler: confirmCode },

  { method: 'GET', path: '/api/v1/users/me/apikeys', handler: authed(listApiKeys) },
  { method: 'POST', path: '/api/v1/users/me/apikeys', handler: authed(createApiKey) },
  { method: 'GET', path: '/api/v1/users/me/apikeys/:key_id', handler: authed(getApiKey) },
  { method: 'PUT', path: '/api/v1/users/me/apikeys/:key_id', handler: authed(updateApiKey) },
  { method: 'DELETE', path: '/api/v1/users/me/apikeys/:key_id', handler: authed(deleteApiKey) },

  { method: 'POST', path: '/api/v1/users/me/verify/realname', handler: authed(submitRealname) },
  { method: 'GET', path: '/api/v1/users/me/verify/realname', handler: authed(getRealname) },
  { method: 'POST', path: '/api/v1/users/me/verify/enterprise', handler: authed(submitEnterprise) },

  { method: 'GET', path: '/api/v1/enterprise/profile', handler: authed(getProfile) },
  { method: 'PUT', path: '/api/v1/enterprise/profile', handler: authed(updateProfile) },
  { method: 'GET', path: '/api/v1/enterprise/members', handler: authed(listMembers) },
  { method: 'POST', path: '/api/v1/enterprise/members/invite', handler: authed(invite) },
  { method: 'POST', path: '/api/v1/enterprise/invitations/accept', handler: acceptInvitation },
  { method: 'DELETE', path: '/api/v1/enterprise/members/:member_id', handler: authed(removeMember) },
  { method: 'GET', path: '/api/v1/enterprise/members/:member_id/quota', handler: authed(getQuota) },
  { method: 'PUT', path: '/api/v1/enterprise/members/:member_id/quota', handler: authed(setQuota) },
  { method: 'PUT', path: '/api/v1/enterprise/members/:member_id/role', handler: authed(changeRole) },

  { method: 'GET', path: '/admin/v1/users', handler: platformAdmin(listUsers) },
  { method: 'GET', path: '/admin/v1/users/:user_id', handler: platformAdmin(getUser) },
  { method: 'POST', path: '/admin/v1/users/:user_id/freeze', handler: platformAdmin(freezeUser) },
  { method: 'POST', path: '/admin/v1/users/:user_id/unfreeze', handler: platformAdmin(unfreezeUser) },
  { method: 'GET', path: '/admin/v1/verifications', handler: platformAdmin(listVerifications) },
  { method: 'GET', path: '/admin/v1/verifications/:verification_id', handler: platformAdmin(getVerification) },
  { method: 'POST', path: '/admin/v1/verifications/:verification_id/approve', handler: platformAdmin(approveVerification) },
  { method: 'POST', path: '/admin/v1/verifications/:verification_id/reject', handler: platformAdmin(rejectVerification) },

  // Control API (openapi/control.yaml, tagged platform): the answer of a live captcha, so tests and sandbox users can solve it.
  {
    method: 'GET',
    path: '/__mock/captchas/:captcha_id',
    handler: (ctx) => {
      const id = ctx.params.captcha_id ?? '';
      const captcha = Object.hasOwn(ctx.state.captchas, id) ? ctx.state.captchas[id] : undefined;
      if (!captcha) return jsonResponse({ error: 'Failed to find the captcha: it is unknown, expired or already answered.' }, { status: 404 });
      return jsonResponse({ captcha_id: id, answer: captcha.answer, expires_at: iso(captcha.expires_at) });
    },
  },
];
