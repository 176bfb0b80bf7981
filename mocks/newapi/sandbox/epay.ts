/**
 * The sandbox payment provider: a minimal Epay (易支付) gateway served by the reference server under
 * `/__mock/epay/`, which `PayAddress` points at by default. `submit.php` shows the order with Pay and Cancel;
 * Pay sends the signed notify to the order's `notify_url` (this server's own in-process; another host only when
 * the operator allows it, see ./epay-delivery.ts), then redirects to `return_url` with the same signed
 * parameters, as Epay gateways do. Pay takes the single-use token of the page it was pressed on and refuses
 * cross-site posts, so no other web page can press it. `POST /__mock/epay/orders/:out_trade_no/pay` does the
 * same from a test. None of these routes writes state (`mutates: false`): the notify they send takes the write
 * lock itself.
 * @module
 */
import { BodyError } from '../../core/body.js';
import { isCrossSite } from '../../core/cross-site.js';
import { jsonResponse } from '../../core/response.js';
import type { RequestContext, Route } from '../../core/types.js';
import { signEpayParams, verifyEpayNotify, type EpayParams } from 'gatewaykit/newapi/epay';
import { callbackAddress } from '../handlers/pay.js';
import { epayConfigured } from '../handlers/topup.js';
import { formatMoney } from '../money.js';
import type { NewApiState } from '../state.js';
import { deliver, notifyTarget } from './epay-delivery.js';
import { checkoutPage, errorPage, FORM_TOKEN_FIELD, paidPage, safeUrl } from './epay-page.js';

type Ctx = RequestContext<NewApiState>;

const REQUIRED = ['pid', 'type', 'out_trade_no', 'notify_url', 'name', 'money', 'sign'] as const;
const CROSS_SITE = 'This payment was posted from another site. Please press Pay on the checkout page itself.';
const STALE_FORM = 'This checkout page has expired or was already used. Please open the checkout again from the merchant.';

/** `GET|POST /__mock/epay/submit.php`: the checkout page, once the merchant's signature checks out. */
async function submit(ctx: Ctx): Promise<Response> {
  const params = await readParams(ctx);
  if (!params) return tooLarge();
  delete params[FORM_TOKEN_FIELD];
  const problem = checkPurchase(ctx, params);
  return problem ? errorPage(400, problem) : checkoutPage(params, ctx.formTokens.issue(formScope(params)));
}

/** `POST /__mock/epay/pay`: the Pay button. Notifies the merchant, then sends the buyer back. */
async function pay(ctx: Ctx): Promise<Response> {
  if (isCrossSite(ctx.request)) return errorPage(403, CROSS_SITE);
  const params = await readParams(ctx);
  if (!params) return tooLarge();
  const token = params[FORM_TOKEN_FIELD] ?? '';
  delete params[FORM_TOKEN_FIELD];
  const problem = checkPurchase(ctx, params);
  if (problem) return errorPage(400, problem);
  if (!ctx.formTokens.consume(formScope(params), token)) return errorPage(403, STALE_FORM);
  // checkPurchase has refused a notify_url that may not be called, so this is a target.
  const target = notifyTarget(ctx, params.notify_url!) as { url: URL; own: boolean };
  const { pid, out_trade_no, type, name, money } = params as Record<(typeof REQUIRED)[number], string>;
  const notify = signEpayParams({ pid, trade_no: providerTradeNo(ctx), out_trade_no, type, name, money, trade_status: 'TRADE_SUCCESS' }, ctx.settings.EpayKey);
  const result = await deliver(ctx, target, notify);
  if (!result.success) {
    // The status only: the answer of a notify_url is never shown, so the page cannot be used to read a service.
    return errorPage(502, result.status === 0 ? "The merchant's notify_url could not be reached." : `The merchant's notify_url did not answer "success" (HTTP ${result.status}).`);
  }
  const back = safeUrl(params.return_url);
  if (!back) return paidPage(out_trade_no);
  const query = new URLSearchParams(notify).toString();
  return new Response(null, { status: 302, headers: { location: `${back}${back.includes('?') ? '&' : '?'}${query}` } });
}

/** `POST /__mock/epay/orders/:out_trade_no/pay`: pays an order of `top_ups` as if its buyer had pressed Pay. */
async function payOrder(ctx: Ctx): Promise<Response> {
  if (isCrossSite(ctx.request)) return jsonResponse({ error: `Failed to pay: ${CROSS_SITE}` }, { status: 403 });
  const outTradeNo = ctx.params.out_trade_no ?? '';
  const order = ctx.state.top_ups.find((o) => o.trade_no === outTradeNo);
  if (!order) return jsonResponse({ error: `Failed to pay: there is no order ${outTradeNo}. Please create one with POST /api/user/pay.` }, { status: 404 });
  if (!epayConfigured(ctx.settings)) return jsonResponse({ error: 'Failed to pay: Epay is not configured (PayAddress, EpayId, EpayKey).' }, { status: 409 });
  const params = signEpayParams(
    {
      pid: ctx.settings.EpayId,
      trade_no: providerTradeNo(ctx),
      out_trade_no: outTradeNo,
      type: order.payment_method,
      name: `TUC${order.amount}`,
      money: formatMoney(order.money),
      trade_status: 'TRADE_SUCCESS',
    },
    ctx.settings.EpayKey,
  );
  const notifyUrl = `${callbackAddress(ctx)}/api/user/epay/notify`;
  const target = notifyTarget(ctx, notifyUrl);
  if ('refused' in target) return jsonResponse({ error: `Failed to pay: ${target.refused}` }, { status: 409 });
  const { status, success, answer } = await deliver(ctx, target, params);
  return jsonResponse({ notify_url: notifyUrl, params, status, success, answer });
}

// A page, like every answer of the provider's pages: the engine's own answer would be new-api's JSON envelope.
const tooLarge = () => errorPage(413, 'This form is too large for the sandbox provider. Please post the fields of POST /api/user/pay only.');

/** A problem with a purchase form, or `undefined` when the merchant's fields and signature are good. */
function checkPurchase(ctx: Ctx, params: EpayParams): string | undefined {
  const missing = REQUIRED.find((name) => !params[name]);
  if (missing) return `Missing parameter: ${missing}.`;
  if (params.pid !== ctx.settings.EpayId || ctx.settings.EpayKey === '') return `Unknown merchant pid ${params.pid}.`;
  if (!verifyEpayNotify(params, ctx.settings.EpayKey)) return 'Signature check failed (签名校验失败).';
  const target = notifyTarget(ctx, params.notify_url!);
  return 'refused' in target ? target.refused : undefined;
}

/** What ties a Pay token to its page: the order and the signature over every field of the form. */
function formScope(params: EpayParams): string {
  return `${params.pid}|${params.out_trade_no}|${params.sign}`;
}

/** The form (GET: the query), or `undefined` for a body past the route's limit. */
async function readParams(ctx: Ctx): Promise<EpayParams | undefined> {
  let source: URLSearchParams;
  try {
    source = ctx.method === 'GET' ? ctx.query : new URLSearchParams(await ctx.readText());
  } catch (error) {
    if (error instanceof BodyError && error.kind === 'too_large') return undefined;
    throw error;
  }
  const params: EpayParams = Object.create(null) as EpayParams;
  for (const [name, value] of source) if (!(name in params)) params[name] = value;
  return params;
}

/** A provider-side order number: `yyyyMMddHHmmss` on the server clock and 6 random digits. */
function providerTradeNo(ctx: Ctx): string {
  const stamp = new Date(ctx.clock.now()).toISOString().replace(/\D/g, '').slice(0, 14);
  return `${stamp}${ctx.random.string(6, '0123456789')}`;
}

/** The sandbox provider's routes, for the dialect's route table. */
export const epaySandboxRoutes: ReadonlyArray<Route<NewApiState>> = [
  // The checkout pages a shopper opens in a browser: public, like a real provider's, wherever the control API is guarded.
  { method: 'GET', path: '/__mock/epay/submit.php', handler: submit, mutates: false, public: true },
  { method: 'POST', path: '/__mock/epay/submit.php', handler: submit, mutates: false, public: true },
  { method: 'POST', path: '/__mock/epay/pay', handler: pay, mutates: false, public: true },
  { method: 'POST', path: '/__mock/epay/orders/:out_trade_no/pay', handler: payOrder, mutates: false },
];
