/**
 * The HTML of the sandbox Epay provider: the checkout page (the order, a Pay and a Cancel button) and its error
 * and result pages. Plain server-rendered HTML, every value escaped; no script.
 * @module
 */
import type { EpayParams } from 'gatewaykit/newapi/epay';

const STYLE = `body{font:15px/1.5 system-ui,sans-serif;max-width:34rem;margin:3rem auto;padding:0 1rem;color:#222}
h1{font-size:1.3rem}table{border-collapse:collapse;width:100%;margin:1rem 0}th,td{text-align:left;padding:.4rem;border-bottom:1px solid #ddd}
.money{font-size:1.6rem;font-weight:600}button,.cancel{font:inherit;padding:.5rem 1.4rem;margin-right:.6rem;border-radius:.3rem}
button{background:#1677ff;color:#fff;border:0;cursor:pointer}.cancel{border:1px solid #aaa;color:#333;text-decoration:none}
.note{color:#666;font-size:.85rem}`;

/**
 * `&`, `<`, `>`, `"` and `'` as entities.
 *
 * @example
 * escapeHtml('<b>'); // '&lt;b&gt;'
 */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

function page(title: string, body: string, status = 200): Response {
  const html = `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<title>${escapeHtml(title)}</title><style>${STYLE}</style></head><body>${body}</body></html>`;
  // Never inside another site's frame: a framed Pay button is same-origin and carries a valid token.
  const headers = { 'content-type': 'text/html; charset=utf-8', 'content-security-policy': "frame-ancestors 'none'", 'x-frame-options': 'DENY' };
  return new Response(html, { status, headers });
}

/**
 * The URL when it is http(s), so a `javascript:` return_url never becomes a link or a redirect.
 *
 * @example
 * safeUrl('javascript:alert(1)'); // undefined
 */
export function safeUrl(url: string | undefined): string | undefined {
  return url && /^https?:\/\//i.test(url) ? url : undefined;
}

/** The hidden input of the checkout form that carries its single-use Pay token (never part of the signature). */
export const FORM_TOKEN_FIELD = 'gatewaykit_pay_token';

/**
 * The checkout page: the signed form fields travel on as hidden inputs to `pay` (next to `submit.php`), with the
 * page's Pay token.
 *
 * @example
 * return checkoutPage(params, ctx.formTokens.issue(scope));
 */
export function checkoutPage(params: EpayParams, token: string): Response {
  const rows: Array<[string, string | undefined]> = [
    ['Order (out_trade_no)', params.out_trade_no],
    ['Product (name)', params.name],
    ['Method (type)', params.type],
    ['Merchant (pid)', params.pid],
  ];
  const hidden = Object.entries(params)
    .map(([name, value]) => `<input type="hidden" name="${escapeHtml(name)}" value="${escapeHtml(value)}">`)
    .join('') + `<input type="hidden" name="${FORM_TOKEN_FIELD}" value="${escapeHtml(token)}">`;
  const cancel = safeUrl(params.return_url);
  return page(
    'Sandbox payment',
    `<h1>gatewaykit sandbox payment (Epay)</h1>
<p class="money">¥ ${escapeHtml(params.money ?? '')}</p>
<table>${rows.map(([label, value]) => `<tr><th>${label}</th><td>${escapeHtml(value ?? '')}</td></tr>`).join('')}</table>
<form method="post" action="pay">${hidden}<button type="submit">Pay</button>${cancel ? `<a class="cancel" href="${escapeHtml(cancel)}">Cancel</a>` : ''}</form>
<p class="note">No money moves. Pay sends a signed notify (trade_status=TRADE_SUCCESS) to
<code>${escapeHtml(params.notify_url ?? '')}</code>, then returns you to the merchant.</p>`,
  );
}

/**
 * A refusal, e.g. a bad signature.
 *
 * @example
 * return errorPage(400, 'Signature check failed (签名校验失败)');
 */
export function errorPage(status: number, message: string): Response {
  return page('Sandbox payment failed', `<h1>Sandbox payment failed</h1><p>${escapeHtml(message)}</p>`, status);
}

/**
 * After paying, when the order has no http(s) `return_url` to go back to.
 *
 * @example
 * return paidPage(params.out_trade_no);
 */
export function paidPage(outTradeNo: string): Response {
  return page('Paid', `<h1>Paid</h1><p>Order <code>${escapeHtml(outTradeNo)}</code> is paid; the merchant answered <code>success</code>.</p>`);
}
