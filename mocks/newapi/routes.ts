/**
 * The new-api route table (router/api-router.go at JUL26, the user routes built so far). Static paths beat
 * `/api/user/:id` whatever the order here; the router sees to that.
 * @module
 */
import type { Route } from '../core/types.js';
import { authed } from './auth.js';
import { login, loginTwoFa, logout, publicGroups, register } from './handlers/auth.js';
import { manageUser } from './handlers/manage.js';
import { deleteSelf, generateAccessToken, getModels, getSelf, getSelfGroups, updateSelf } from './handlers/self.js';
import { createUser, deleteUser, getUser, listUsers, searchUsers, updateUser } from './handlers/users.js';
import { ROLE, type NewApiState } from './state.js';

const user = (handler: Parameters<typeof authed>[1]) => authed(ROLE.common, handler);
const admin = (handler: Parameters<typeof authed>[1]) => authed(ROLE.admin, handler);

/** Every new-api route the reference server answers. */
export const newApiRoutes: ReadonlyArray<Route<NewApiState>> = [
  { method: 'POST', path: '/api/user/register', handler: register },
  { method: 'POST', path: '/api/user/login', handler: login },
  { method: 'POST', path: '/api/user/login/2fa', handler: loginTwoFa },
  { method: 'GET', path: '/api/user/logout', handler: logout, mutates: true },
  { method: 'GET', path: '/api/user/groups', handler: publicGroups },

  { method: 'GET', path: '/api/user/self/groups', handler: user(getSelfGroups) },
  { method: 'GET', path: '/api/user/self', handler: user(getSelf) },
  { method: 'GET', path: '/api/user/models', handler: user(getModels) },
  { method: 'PUT', path: '/api/user/self', handler: user(updateSelf) },
  { method: 'DELETE', path: '/api/user/self', handler: user(deleteSelf) },
  { method: 'GET', path: '/api/user/token', handler: user(generateAccessToken), mutates: true },

  { method: 'GET', path: '/api/user/', handler: admin((ctx) => listUsers(ctx)) },
  { method: 'GET', path: '/api/user/search', handler: admin((ctx) => searchUsers(ctx)) },
  { method: 'GET', path: '/api/user/:id', handler: admin(getUser) },
  { method: 'POST', path: '/api/user/', handler: admin(createUser) },
  { method: 'POST', path: '/api/user/manage', handler: admin(manageUser) },
  { method: 'PUT', path: '/api/user/', handler: admin(updateUser) },
  { method: 'DELETE', path: '/api/user/:id', handler: admin(deleteUser) },
];
