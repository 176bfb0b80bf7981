/**
 * The inspector: `GET /__mock/` answers one HTML page of the sandbox (accounts, outbox, requests, clock, faults,
 * settings, reset, state download) that drives the control API from the browser. The document holds no data and
 * no token; its inline script and style are allowed by hash and nothing else loads. See docs/decisions/022-the-inspector-page.md.
 * @module
 */
import { sha256Base64Sync } from './encoding.js';
import { INSPECTOR_SCRIPT } from './inspector-script.js';
import { INSPECTOR_STYLE } from './inspector-style.js';

/** The page's Content-Security-Policy: its own script and style by hash, `fetch` to its own origin, nothing else. */
export const INSPECTOR_CSP = [
  "default-src 'none'",
  `script-src 'sha256-${sha256Base64Sync(INSPECTOR_SCRIPT)}'`,
  `style-src 'sha256-${sha256Base64Sync(INSPECTOR_STYLE)}'`,
  "connect-src 'self'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');

const CLOCK_STEPS: ReadonlyArray<[label: string, ms: number]> = [['+1 min', 60_000], ['+1 h', 3_600_000], ['+1 day', 86_400_000]];

/**
 * The inspector page of a `dialect` sandbox. Every URL in it is relative (`state`, `accounts`), so it works
 * under any base path and never repeats the `Host` a client sent. `GET /__mock/`
 *
 * @example
 * const response = inspectorPage('newapi'); // text/html with a strict Content-Security-Policy
 */
export function inspectorPage(dialect: string): Response {
  return new Response(inspectorHtml(dialect), {
    headers: {
      'content-type': 'text/html; charset=utf-8',
      'content-security-policy': INSPECTOR_CSP,
      'cache-control': 'no-store',
      'referrer-policy': 'no-referrer',
      'x-content-type-options': 'nosniff',
      'x-frame-options': 'DENY',
    },
  });
}

function inspectorHtml(dialect: string): string {
  const name = escapeHtml(dialect);
  const steps = CLOCK_STEPS.map(([label, ms]) => `<button type="button" data-advance="${ms}">${label}</button>`).join('');
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${name} sandbox · gatewaykit inspector</title>
<style>${INSPECTOR_STYLE}</style>
</head>
<body>
<header>
<h1>gatewaykit sandbox <span>${name}</span></h1>
<div class="row">Server clock <output id="clock" data-now="">…</output>${steps}</div>
<div class="row">
<button type="button" id="refresh">Refresh</button>
<label><input type="checkbox" id="auto" checked> auto-refresh</label>
<a id="download" href="state" download="gatewaykit-${name}-state.json">Download state</a>
<button type="button" id="reset" class="danger">Reset</button>
</div>
</header>
<p id="status" role="status"></p>
<form id="token-form" class="row" hidden>
<label>Control token <input type="password" id="token-input" autocomplete="off" required></label>
<button type="submit">Use for this tab</button>
</form>
<main>
<section id="accounts-section"><h2>Accounts</h2>
<table><thead><tr id="accounts-head"></tr></thead><tbody id="accounts"></tbody></table></section>
<section id="outbox-section"><h2>Outbox <button type="button" id="outbox-clear">Clear</button></h2>
<div id="outbox"></div>
<p id="outbox-empty" class="empty">No messages sent yet.</p></section>
<section id="requests-section"><h2>Requests <button type="button" id="requests-clear">Clear</button></h2>
<table><thead><tr><th>at</th><th>method</th><th>path</th><th>status</th></tr></thead><tbody id="requests"></tbody></table>
<p id="requests-empty" class="empty">No requests yet (the control API's own are not kept).</p></section>
<section id="faults-section"><h2>Faults <span id="faults-state"></span></h2>
<label class="row"><input type="checkbox" id="fault-errors"> Every dialect request fails with a 500 (<code>error_rate: 1</code>)</label>
<textarea id="faults-json" aria-label="faults as JSON" spellcheck="false"></textarea>
<div class="row"><button type="button" id="faults-apply">Set faults</button><button type="button" id="faults-clear">Faults off</button></div></section>
<section id="settings-section"><h2>Settings</h2>
<table><tbody id="settings"></tbody></table></section>
</main>
<script>${INSPECTOR_SCRIPT}</script>
</body>
</html>
`;
}

const HTML_ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => HTML_ESCAPES[c]!);
}
