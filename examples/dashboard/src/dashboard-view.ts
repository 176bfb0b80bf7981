/**
 * The page after login: the account, its keys, and a way out.
 * @module
 */
import type { NewApiClient } from 'gatewaykit/newapi';
import { h, messageOf } from './dom.js';
import { keysSection } from './keys-view.js';
import { userCard } from './user-view.js';

/**
 * Renders the dashboard into `root`; `onLogout` runs once the session has ended.
 * @example
 * await renderDashboard(root, client, () => renderLogin(root, client, ...));
 */
export async function renderDashboard(root: HTMLElement, client: NewApiClient, onLogout: () => void): Promise<void> {
  const user = await client.self.retrieve();
  const status = h('p', { role: 'alert', class: 'error' });
  const logout = h('button', { type: 'button', class: 'secondary' }, 'Log out');
  logout.addEventListener('click', () => {
    client.auth.logout().then(onLogout, (error: unknown) => void (status.textContent = messageOf(error)));
  });
  root.replaceChildren(h('header', {}, h('h1', {}, 'Dashboard'), logout), status, userCard(client, user), keysSection(client));
}
