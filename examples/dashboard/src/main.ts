/**
 * The dashboard's entry: picks the backend by Vite mode, then shows the login form.
 * @module
 */
import { NewApiClient } from 'gatewaykit/newapi';
import { renderDashboard } from './dashboard-view.js';
import { h, messageOf } from './dom.js';
import { renderLogin } from './login-view.js';

async function main(root: HTMLElement): Promise<void> {
  if (import.meta.env.MODE === 'msw') await (await import('./mock-worker.js')).startMockWorker();
  // Same origin in both modes: through Vite's proxy, or intercepted by the worker. The browser keeps the session
  // cookie; the client adds the New-Api-User header new-api wants beside it.
  const client = new NewApiClient({ baseURL: location.origin });
  const backend = import.meta.env.MODE === 'msw' ? 'reference server in the page (msw)' : 'HTTP sandbox via the Vite proxy';
  const showLogin = () => renderLogin(view, client, () => void renderDashboard(view, client, showLogin).catch(fail));
  const view = h('div');
  const fail = (error: unknown) => view.replaceChildren(h('p', { role: 'alert', class: 'error' }, messageOf(error)));
  root.replaceChildren(h('p', { class: 'backend' }, `Backend: ${backend}`), view);
  root.removeAttribute('aria-busy');
  showLogin();
}

const root = document.querySelector<HTMLElement>('#app')!;
main(root).catch((error: unknown) => root.replaceChildren(h('p', { role: 'alert', class: 'error' }, messageOf(error))));
