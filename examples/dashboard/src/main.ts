/**
 * The dashboard's entry: picks the backend by Vite mode, then shows the dashboard if the session from before a
 * reload is still good, else the login form.
 * @module
 */
import { isAuthenticationError } from 'gatewaykit';
import { NewApiClient } from 'gatewaykit/newapi';
import { renderDashboard } from './dashboard-view.js';
import { h, messageOf } from './dom.js';
import { renderLogin } from './login-view.js';

/**
 * The logged-in user's id, kept for this tab. The browser keeps the session cookie across a reload, but new-api
 * also wants the id in `New-Api-User` on every call, and only the login answer says it.
 */
const USER_ID = 'gatewaykit-dashboard:user-id';

async function main(root: HTMLElement): Promise<void> {
  const msw = import.meta.env.MODE === 'msw';
  if (msw) await (await import('./mock-worker.js')).startMockWorker();
  // Same origin in both modes: through Vite's proxy, or intercepted by the worker.
  const saved = Number(sessionStorage.getItem(USER_ID)) || undefined;
  const client = new NewApiClient({ baseURL: location.origin, userId: saved });
  const view = h('div');
  const fail = (error: unknown) => view.replaceChildren(h('p', { role: 'alert', class: 'error' }, messageOf(error)));
  const showDashboard = () => renderDashboard(view, client, showLogin);
  function showLogin() {
    sessionStorage.removeItem(USER_ID);
    renderLogin(view, client, () => {
      sessionStorage.setItem(USER_ID, String(client.userId));
      showDashboard().catch(fail);
    });
  }
  root.replaceChildren(h('p', { class: 'backend' }, `Backend: ${msw ? 'reference server in the page (msw)' : 'HTTP sandbox via the Vite proxy'}`), view);
  root.removeAttribute('aria-busy');
  if (saved === undefined) return showLogin();
  // A session that ended meanwhile (logged out elsewhere, a restarted sandbox, msw's server rebuilt by the reload).
  await showDashboard().catch((error: unknown) => (isAuthenticationError(error) ? showLogin() : fail(error)));
}

const root = document.querySelector<HTMLElement>('#app')!;
main(root).catch((error: unknown) => root.replaceChildren(h('p', { role: 'alert', class: 'error' }, messageOf(error))));
