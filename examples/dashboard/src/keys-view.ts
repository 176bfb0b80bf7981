/**
 * The caller's API keys (new-api "tokens"): listed masked, created with the full key shown once, revoked.
 * Routes under `/api/token/`.
 * @module
 */
import type { NewApiClient, Token, TokenWithKey } from 'gatewaykit/newapi';
import { h, messageOf } from './dom.js';

/** new-api's token statuses. */
const STATUSES: Record<number, string> = { 1: 'enabled', 2: 'disabled', 3: 'expired', 4: 'exhausted' };

/**
 * The keys section; it loads the list itself and reloads it after every change.
 * @example
 * main.append(keysSection(client));
 */
export function keysSection(client: NewApiClient): HTMLElement {
  const list = h('tbody');
  const revealed = h('div', { 'aria-live': 'polite' });
  const status = h('p', { role: 'alert', class: 'error' });
  const fail = (error: unknown) => void (status.textContent = messageOf(error));

  const reload = async () => {
    const tokens: Token[] = [];
    for await (const token of client.tokens.list({ pageSize: 100 })) tokens.push(token);
    list.replaceChildren(...(tokens.length ? tokens.map((token) => keyRow(client, token, () => reload().catch(fail), fail)) : [emptyRow()]));
  };

  const name = h('input', { id: 'key-name', name: 'name', required: true, maxlength: '50', placeholder: 'ci' });
  const create = h('button', { type: 'submit' }, 'Create key');
  const form = h(
    'form',
    {
      class: 'inline',
      onsubmit: (event) => {
        event.preventDefault();
        create.disabled = true;
        status.textContent = '';
        client.tokens
          .create({ name: name.value, unlimited_quota: true })
          .then((token) => {
            revealed.replaceChildren(secretNotice(token, () => revealed.replaceChildren()));
            name.value = '';
            return reload();
          })
          .catch(fail)
          .finally(() => (create.disabled = false));
      },
    },
    h('label', { for: 'key-name' }, 'New key name'),
    name,
    create,
  );

  reload().catch(fail);
  return h(
    'section',
    { 'aria-label': 'API keys' },
    h('h2', {}, 'API keys'),
    form,
    revealed,
    status,
    h('table', {}, h('thead', {}, h('tr', {}, h('th', {}, 'Name'), h('th', {}, 'Key'), h('th', {}, 'Status'), h('th', {}, ''))), list),
  );
}

function keyRow(client: NewApiClient, token: Token, reload: () => void, fail: (error: unknown) => void): HTMLElement {
  const revoke = h('button', { type: 'button', 'aria-label': `Revoke ${token.name}` }, 'Revoke');
  revoke.addEventListener('click', () => {
    revoke.disabled = true;
    client.tokens.delete(token.id).then(reload, (error: unknown) => {
      fail(error);
      revoke.disabled = false;
    });
  });
  // The list answers keys masked (abcd**********wxyz); the full key is only ever shown right after creation.
  return h('tr', {}, h('td', {}, token.name), h('td', {}, h('code', {}, `sk-${token.key}`)), h('td', {}, STATUSES[token.status] ?? String(token.status)), h('td', {}, revoke));
}

function emptyRow(): HTMLElement {
  return h('tr', {}, h('td', { colspan: '4', class: 'hint' }, 'No keys yet.'));
}

/** The one place the full key appears: the app keeps no copy once this is dismissed. */
function secretNotice(token: TokenWithKey, dismiss: () => void): HTMLElement {
  return h(
    'div',
    { class: 'notice', role: 'status' },
    h('p', {}, `Key “${token.name}” created. Copy it now: it is not shown again.`),
    h('code', { 'data-testid': 'new-key' }, `sk-${token.key}`),
    h('button', { type: 'button', onclick: dismiss }, 'Done'),
  );
}
