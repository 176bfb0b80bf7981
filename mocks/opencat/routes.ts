/**
 * The opencat route table (opencat.go, c11824f): init on the engine, the rest in the `/1` group behind the
 * middleware, plus the control route that records usage.
 * @module
 */
import type { Route } from '../core/types.js';
import { authed } from './auth.js';
import { createKey, deleteKey, listKeys } from './handlers/keys.js';
import { getMe, getMyUsages } from './handlers/me.js';
import { recordUsage } from './handlers/mock-usages.js';
import { listUsages } from './handlers/usages.js';
import { createUser, deleteUser, initUsers, listUsers, resetUserToken } from './handlers/users.js';
import { trailingSlashRedirects } from './redirects.js';
import type { OpenCatState } from './state.js';

const API_ROUTES: ReadonlyArray<Route<OpenCatState>> = [
  // r.POST on the engine, not the group: the middleware never runs for it.
  { method: 'POST', path: '/1/users/init', handler: initUsers },
  { method: 'GET', path: '/1/me', handler: authed(getMe, { me: true }) },
  { method: 'GET', path: '/1/me/usages', handler: authed(getMyUsages, { me: true }) },
  { method: 'GET', path: '/1/keys', handler: authed(listKeys) },
  { method: 'GET', path: '/1/users', handler: authed(listUsers) },
  { method: 'GET', path: '/1/usages', handler: authed(listUsages) },
  { method: 'POST', path: '/1/keys', handler: authed(createKey) },
  { method: 'DELETE', path: '/1/keys/:id', handler: authed(deleteKey) },
  { method: 'POST', path: '/1/users', handler: authed(createUser) },
  { method: 'DELETE', path: '/1/users/:id', handler: authed(deleteUser) },
  { method: 'POST', path: '/1/users/:id/reset', handler: authed(resetUserToken) },
];

/** Every route the opencat reference server answers. */
export const openCatRoutes: ReadonlyArray<Route<OpenCatState>> = [
  ...API_ROUTES,
  ...trailingSlashRedirects(API_ROUTES),
  // Control API (openapi/control.yaml, tagged opencat): what upstream's proxy records after a relayed request.
  { method: 'POST', path: '/__mock/usages', handler: recordUsage },
];
