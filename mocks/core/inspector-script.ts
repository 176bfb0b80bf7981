/**
 * The inspector page's script (`GET /__mock/`), as the text the page inlines: plain browser JavaScript, no build
 * step, no framework. It draws every section from the control API with `fetch` on relative URLs and writes data
 * only through `textContent` and attributes, never as HTML: outbox addresses and request paths come from whoever
 * called the sandbox. It is a string, not a function's source: a transpiler's helpers (`__name`) would leak
 * into `Function#toString` and break the page.
 * @module
 */

/** The inline script of the inspector page; its SHA-256 is the page's only `script-src`. */
export const INSPECTOR_SCRIPT = String.raw`
'use strict';
(() => {
  const TOKEN_KEY = 'gatewaykit-control-token';
  const $ = (id) => document.getElementById(id);
  const status = $('status');

  // A token given once as #token=... moves into sessionStorage: a fragment never reaches the server (no log, no
  // journal, no Referer), and the address bar forgets it at once.
  const given = /(?:^#|&)token=([^&]+)/.exec(location.hash);
  if (given) {
    // The banner encodes the token; one typed in by hand may hold a bare % (a token may), which is then itself.
    let token = given[1];
    try { token = decodeURIComponent(token); } catch {}
    sessionStorage.setItem(TOKEN_KEY, token);
    history.replaceState(null, '', location.pathname + location.search);
  }

  async function call(method, path, body) {
    const headers = { accept: 'application/json' };
    const token = sessionStorage.getItem(TOKEN_KEY);
    if (token) headers['x-gatewaykit-control-token'] = token;
    const init = { method, headers, cache: 'no-store' };
    if (body !== undefined) {
      headers['content-type'] = 'application/json';
      init.body = JSON.stringify(body);
    }
    const res = await fetch(path, init);
    if (res.status === 401) {
      $('token-form').hidden = false;
      throw new Error('This sandbox listens beyond loopback: enter the control token it printed at start.');
    }
    const data = await res.json().catch(() => undefined);
    if (!res.ok) throw new Error(data && typeof data.error === 'string' ? data.error : 'HTTP ' + res.status);
    return data;
  }

  function el(tag, text, attrs) {
    const node = document.createElement(tag);
    if (text !== undefined && text !== null) node.textContent = String(text);
    for (const [name, value] of Object.entries(attrs || {})) node.setAttribute(name, value);
    return node;
  }
  const cell = (content) => (content instanceof Node ? wrap('td', content) : el('td', content));
  function wrap(tag, ...children) {
    const node = el(tag);
    node.append(...children);
    return node;
  }
  const row = (cells) => wrap('tr', ...cells.map(cell));
  const time = (ms) => new Date(ms).toISOString().replace('T', ' ').replace(/\.\d+Z$/, ' UTC');
  const show = (message, failed) => {
    status.textContent = message;
    status.className = failed ? 'failed' : '';
  };

  // Only http(s) links become anchors: a mail body may hold any scheme, javascript: included.
  function links(text) {
    const hrefs = new Set();
    for (const found of String(text).match(/https?:\/\/[^\s<>"']+/g) || []) {
      let url;
      try { url = new URL(found); } catch { continue; }
      if (url.protocol !== 'http:' && url.protocol !== 'https:') continue;
      hrefs.add(url.href);
    }
    return [...hrefs].map((href) => el('a', href, { href, rel: 'noopener noreferrer', target: '_blank' }));
  }
  function details(summary, text) {
    return wrap('details', el('summary', summary), el('pre', text));
  }

  // Each section redraws only when its data changed, so an open <details> survives the auto-refresh.
  const drawn = new Map();
  function draw(id, data, render) {
    const text = JSON.stringify(data);
    if (drawn.get(id) === text) return;
    drawn.set(id, text);
    render(data);
  }

  function renderClock({ now }) {
    const clock = $('clock');
    clock.textContent = time(now);
    clock.dataset.now = String(now);
  }
  const ACCOUNT_COLUMNS = ['username', 'email', 'password', 'token', 'role', 'role_name'];
  function renderAccounts({ accounts }) {
    const columns = ACCOUNT_COLUMNS.filter((key) => accounts.some((a) => a[key] !== undefined));
    $('accounts-head').replaceChildren(...columns.map((key) => el('th', key)));
    const value = (account, key) => account[key] === undefined ? '' : key === 'password' || key === 'token' ? el('code', account[key]) : account[key];
    $('accounts').replaceChildren(...accounts.map((account) => row(columns.map((key) => value(account, key)))));
  }
  function renderOutbox({ messages }) {
    $('outbox-empty').hidden = messages.length > 0;
    // Newest first, one card each: who and when, the code large, the links, the body behind its subject.
    $('outbox').replaceChildren(...messages.slice().reverse().map((m) => {
      const card = wrap('article', el('p', m.channel + ' to ' + m.to + ' · ' + time(m.sent_at), { class: 'meta' }), details(m.subject, m.body));
      if (m.code !== undefined) card.append(el('code', m.code, { class: 'code' }));
      card.append(...links(m.body));
      card.dataset.id = String(m.id);
      return card;
    }));
  }
  function renderRequests({ requests }) {
    $('requests-empty').hidden = requests.length > 0;
    $('requests').replaceChildren(...requests.map((r) => {
      const sent = JSON.stringify(r.request.headers, null, 2) + (r.request.body ? '\n\n' + r.request.body : '');
      const got = JSON.stringify(r.response.headers, null, 2) + (r.response.body ? '\n\n' + r.response.body : '');
      const tr = row([time(r.at), r.method, details(r.path, 'request\n' + sent + '\n\nresponse\n' + got), el('span', r.status, { class: 'http' + String(r.status)[0] })]);
      return tr;
    }));
  }
  let faults = {};
  function renderFaults(current) {
    faults = current;
    $('fault-errors').checked = current.error_rate === 1;
    $('faults-json').value = JSON.stringify(current, null, 2);
    $('faults-state').textContent = Object.keys(current).length === 0 ? 'off' : 'on';
  }
  function renderSettings(settings) {
    $('settings').replaceChildren(...Object.entries(settings).map(([key, value]) => {
      let input;
      if (typeof value === 'boolean') {
        input = el('input', null, { type: 'checkbox' });
        input.checked = value;
      } else {
        input = el('input', null, { type: typeof value === 'number' ? 'number' : 'text', step: 'any' });
        input.value = typeof value === 'string' ? value : JSON.stringify(value);
      }
      input.name = key;
      input.setAttribute('aria-label', key);
      input.addEventListener('change', () => act('Saved ' + key + '.', async () => {
        const next = input.type === 'checkbox' ? input.checked : input.type === 'number' ? Number(input.value) : typeof value === 'string' ? input.value : JSON.parse(input.value);
        draw('settings', await call('PATCH', 'settings', { [key]: next }), renderSettings);
      }, 'settings'));
      return row([el('code', key), input]);
    }));
  }

  const live = [['clock', renderClock], ['outbox', renderOutbox], ['requests?limit=50', renderRequests]];
  const all = [...live, ['accounts', renderAccounts], ['faults', renderFaults], ['settings', renderSettings]];
  async function refresh(sections) {
    const answers = await Promise.all(sections.map(([path]) => call('GET', path)));
    answers.forEach((data, i) => draw(sections[i][0], data, sections[i][1]));
  }
  // On failure, the section named by 'edited' is drawn again from the server: the input the user changed would
  // otherwise keep showing a value the server refused.
  async function act(done, work, edited) {
    try {
      await work();
      await refresh(all);
      show(done, false);
    } catch (error) {
      if (edited) {
        drawn.delete(edited);
        await refresh(all).catch(() => undefined);
      }
      show(error.message, true);
    }
  }

  for (const button of document.querySelectorAll('[data-advance]')) {
    button.addEventListener('click', () => act('Moved the clock ' + button.textContent + '.', async () => draw('clock', await call('POST', 'clock', { advance_ms: Number(button.dataset.advance) }), renderClock)));
  }
  $('refresh').addEventListener('click', () => act('Refreshed.', async () => undefined));
  $('reset').addEventListener('click', () => act('Back to the seeded state.', () => call('POST', 'reset')));
  $('outbox-clear').addEventListener('click', () => act('Emptied the outbox.', () => call('DELETE', 'outbox')));
  $('requests-clear').addEventListener('click', () => act('Emptied the request journal.', () => call('DELETE', 'requests')));
  $('faults-clear').addEventListener('click', () => act('Faults off.', () => call('DELETE', 'faults')));
  $('faults-apply').addEventListener('click', () => act('Faults set.', () => call('PUT', 'faults', JSON.parse($('faults-json').value || '{}'))));
  $('fault-errors').addEventListener('change', (event) => act(event.target.checked ? 'Every dialect request now fails with a 500.' : 'Requests no longer fail at random.', () => {
    const next = { ...faults };
    if (event.target.checked) next.error_rate = 1;
    else delete next.error_rate;
    return call('PUT', 'faults', next);
  }, 'faults'));
  $('token-form').addEventListener('submit', (event) => {
    event.preventDefault();
    sessionStorage.setItem(TOKEN_KEY, $('token-input').value);
    $('token-input').value = '';
    $('token-form').hidden = true;
    act('Token kept for this tab.', async () => undefined);
  });
  // On loopback the link downloads by itself; with a token the state comes through fetch, which can send it.
  $('download').addEventListener('click', (event) => {
    if (!sessionStorage.getItem(TOKEN_KEY)) return;
    event.preventDefault();
    act('State downloaded.', async () => {
      const url = URL.createObjectURL(new Blob([JSON.stringify(await call('GET', 'state'))], { type: 'application/json' }));
      const link = el('a', null, { href: url, download: $('download').getAttribute('download') });
      link.click();
      setTimeout(() => URL.revokeObjectURL(url), 0);
    });
  });

  act('Loaded.', async () => undefined);
  setInterval(() => {
    if ($('auto').checked && document.visibilityState === 'visible') refresh(live).catch((error) => show(error.message, true));
  }, 2000);
})();
`;
