/**
 * `GET|POST /api/user/epay/notify`: the payment provider's callback (public). Always HTTP 200 with the plain text
 * `success` or `fail` (controller/topup.go EpayNotify, JUL26). Idempotent: only a pending order is credited.
 * @module
 */
import { BodyError } from '../../core/body.js';
import type { RequestContext } from '../../core/types.js';
import { verifyEpayNotify, type EpayParams } from 'gatewaykit/newapi/epay';
import { TOP_UP_STATUS } from '../billing-state.js';
import { exactQuota } from '../quota-range.js';
import { findUser, type NewApiState } from '../state.js';
import { epayEnabled } from './topup.js';

type Ctx = RequestContext<NewApiState>;

const QUOTA_PER_UNIT = 500_000;
const utf8 = new TextEncoder();

/** `c.Writer.Write([]byte(...))`: Go sniffs the content type of the bare text. */
function text(body: 'success' | 'fail'): Response {
  return new Response(body, { headers: { 'content-type': 'text/plain; charset=utf-8' } });
}

/** The notify. `success` right after a valid signature; the order is processed afterwards, whatever happens. */
export async function epayNotify(ctx: Ctx): Promise<Response> {
  // JUL26: refused outright unless compliance is confirmed and Epay is configured.
  if (!epayEnabled(ctx.settings)) return text('fail');
  // GET: `URL.Query()` drops malformed pairs silently; POST: `ParseForm` reports them, which answers `fail`.
  const params = ctx.method === 'POST' ? await postForm(ctx) : parseGoQuery(ctx.url.search.slice(1)).values;
  if (!params || Object.keys(params).length === 0) return text('fail');
  if (!verifyEpayNotify(params, ctx.settings.EpayKey)) return text('fail');
  if (params.trade_status === 'TRADE_SUCCESS') complete(ctx, params);
  return text('success');
}

/** The pending order of `out_trade_no` becomes a success and its quota is credited; anything else is ignored. */
function complete(ctx: Ctx, params: EpayParams): void {
  const order = ctx.state.top_ups.find((o) => o.trade_no === params.out_trade_no);
  if (!order || order.payment_provider !== 'epay' || order.status !== TOP_UP_STATUS.pending) return;
  // IncreaseUserQuota is a scoped UPDATE: a deleted account's order succeeds and credits nobody.
  const user = findUser(ctx.state, order.user_id);
  const credited = user ? exactQuota(user.quota, order.amount * QUOTA_PER_UNIT) : undefined;
  // A balance JSON could not carry exactly is not written; the order stays pending, as after a failed UPDATE.
  if (user && credited === undefined) return;
  // The provider's `type` wins: the user may have paid with another method than the one ordered.
  order.payment_method = params.type ?? '';
  order.status = TOP_UP_STATUS.success;
  if (user) user.quota = credited!;
}

/**
 * `Request.ParseForm` then `PostForm`: only an `application/x-www-form-urlencoded` body counts; a malformed one
 * (a bad `%` escape, a `;` separator) or one over the body limit is an error, hence `fail`.
 */
async function postForm(ctx: Ctx): Promise<EpayParams | undefined> {
  const type = (ctx.headers.get('content-type') ?? '').split(';')[0]!.trim().toLowerCase();
  let body: string;
  try {
    body = await ctx.readText();
  } catch (error) {
    if (error instanceof BodyError) return undefined;
    throw error;
  }
  if (type !== 'application/x-www-form-urlencoded') return {};
  const parsed = parseGoQuery(body);
  return parsed.error ? undefined : parsed.values;
}

/** `url.ParseQuery`, keeping the first value of each key (`Values.Get`); `error` says a pair was dropped. */
function parseGoQuery(raw: string): { values: EpayParams; error: boolean } {
  const values: EpayParams = Object.create(null) as EpayParams;
  let error = false;
  for (const pair of raw.split('&')) {
    if (pair.includes(';')) {
      error = true;
      continue;
    }
    if (pair === '') continue;
    const cut = pair.indexOf('=');
    const key = queryUnescape(cut < 0 ? pair : pair.slice(0, cut));
    const value = queryUnescape(cut < 0 ? '' : pair.slice(cut + 1));
    if (key === undefined || value === undefined) {
      error = true;
      continue;
    }
    if (!(key in values)) values[key] = value;
  }
  return { values, error };
}

/** `url.QueryUnescape`: `+` is a space, `%XX` a byte; a bad escape is an error (`undefined`). */
function queryUnescape(text: string): string | undefined {
  const bytes: number[] = [];
  for (let i = 0; i < text.length; ) {
    if (text[i] === '%') {
      const hex = text.slice(i + 1, i + 3);
      if (!/^[0-9a-fA-F]{2}$/.test(hex)) return undefined;
      bytes.push(parseInt(hex, 16));
      i += 3;
      continue;
    }
    const c = String.fromCodePoint(text.codePointAt(i)!);
    bytes.push(...utf8.encode(c === '+' ? ' ' : c));
    i += c.length;
  }
  return new TextDecoder().decode(new Uint8Array(bytes));
}
