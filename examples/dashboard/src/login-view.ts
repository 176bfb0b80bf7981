/**
 * The login form: username and password for a new-api session (`POST /api/user/login`).
 * @module
 */
import type { NewApiClient } from 'gatewaykit/newapi';
import { h, messageOf } from './dom.js';

/** The account every new-api sandbox seeds (new-api's own first-run root). */
const SEEDED = { username: 'root', password: '123456' };

/**
 * Shows the form in `root`, prefilled with the seeded root login; calls `onLogin` once the session is up.
 * @example
 * renderLogin(document.body, client, () => renderDashboard(document.body, client, ...));
 */
export function renderLogin(root: HTMLElement, client: NewApiClient, onLogin: () => void): void {
  const username = h('input', { id: 'username', name: 'username', autocomplete: 'username', required: true });
  const password = h('input', { id: 'password', name: 'password', type: 'password', autocomplete: 'current-password', required: true });
  username.value = SEEDED.username;
  password.value = SEEDED.password;
  const status = h('p', { role: 'alert', class: 'error' });
  const submit = h('button', { type: 'submit' }, 'Log in');
  const form = h(
    'form',
    {
      onsubmit: (event) => {
        event.preventDefault();
        submit.disabled = true;
        status.textContent = '';
        client.auth
          .login({ username: username.value, password: password.value })
          .then(onLogin, (error: unknown) => {
            status.textContent = messageOf(error);
            submit.disabled = false;
          });
      },
    },
    h('h1', {}, 'Log in'),
    h('p', { class: 'hint' }, `The sandbox seeds ${SEEDED.username} / ${SEEDED.password}.`),
    h('label', { for: 'username' }, 'Username'),
    username,
    h('label', { for: 'password' }, 'Password'),
    password,
    submit,
    status,
  );
  root.replaceChildren(form);
}
