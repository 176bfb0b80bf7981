/**
 * Who is logged in: `GET /api/user/self`.
 * @module
 */
import type { NewApiClient, SelfUser } from 'gatewaykit/newapi';
import { h } from './dom.js';

/** new-api's role numbers (common 1, admin 10, root 100). */
const ROLES: Record<number, string> = { 1: 'user', 10: 'admin', 100: 'root' };

/**
 * The user card: name, id, role, group and the quota left in USD.
 * @example
 * section.append(userCard(client, await client.self.retrieve()));
 */
export function userCard(client: NewApiClient, user: SelfUser): HTMLElement {
  const row = (label: string, value: string | number) => [h('dt', {}, label), h('dd', {}, value)];
  return h(
    'section',
    { 'aria-label': 'Account' },
    h('h2', {}, user.display_name || user.username),
    h(
      'dl',
      {},
      ...row('Username', user.username),
      ...row('User id', user.id),
      ...row('Role', ROLES[user.role] ?? String(user.role)),
      ...row('Group', user.group),
      ...row('Quota left', `$${client.quotaToUsd(user.quota).toFixed(2)}`),
    ),
  );
}
