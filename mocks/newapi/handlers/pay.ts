/**
 * Online top-up through Epay (UserAuth): `POST /api/user/amount` (price preview) and `POST /api/user/pay` (the
 * signed order form), with their envelope `{"message":"success"|"error","data":...}` that has no `success`
 * field (controller/topup.go RequestAmount, RequestEpay, getPayMoney, JUL26).
 * @module
 */
import { ALPHANUMERIC } from '../../core/random.js';
import { jsonResponse } from '../../core/response.js';
import type { RequestContext } from '../../core/types.js';
import { signEpayParams } from 'gatewaykit/newapi/epay';
import type { Caller } from '../auth.js';
import { TOP_UP_STATUS } from '../billing-state.js';
import { goDecode, type GoStruct } from '../../go/json-bind.js';
import { decimalProduct, formatMoney } from '../money.js';
import { findUser, type NewApiSettings, type NewApiState } from '../state.js';

type Ctx = RequestContext<NewApiState>;

const QUOTA_PER_UNIT = 500_000;
const AMOUNT_REQUEST = { qualified: 'controller.AmountRequest', name: 'AmountRequest', fields: { amount: 'int64' } } as const;
const EPAY_REQUEST = {
  qualified: 'controller.EpayRequest',
  name: 'EpayRequest',
  fields: { amount: 'int64', payment_method: 'string' },
} as const;

/** The envelope of these two routes; gin.H is a map, so the keys come out sorted. */
function answer(message: 'success' | 'error', data: unknown, url?: string): Response {
  return jsonResponse(url === undefined ? { data, message } : { data, message, url });
}

/** `POST /api/user/amount {amount}`: the price, with 2 decimals. Too low means `<= 0.01` here (`/pay`: `< 0.01`). */
export async function requestAmount(ctx: Ctx, caller: Caller): Promise<Response> {
  const checked = await checkAmount(ctx, caller, AMOUNT_REQUEST);
  if ('error' in checked) return answer('error', checked.error);
  if (checked.money <= 0.01) return answer('error', '充值金额过低');
  return answer('success', formatMoney(checked.money));
}

/** `POST /api/user/pay {amount, payment_method}`: records a pending order and answers the signed form. */
export async function requestEpay(ctx: Ctx, caller: Caller): Promise<Response> {
  const checked = await checkAmount(ctx, caller, EPAY_REQUEST);
  if ('error' in checked) return answer('error', checked.error);
  const { settings } = ctx;
  const { amount, method } = checked;
  if (checked.money < 0.01) return answer('error', '充值金额过低');
  if (!settings.PayMethods.some((m) => m.type === method)) return answer('error', '支付方式不存在');
  const now = Math.floor(ctx.clock.now() / 1000);
  const tradeNo = `USR${caller.id}NO${ctx.random.string(6, ALPHANUMERIC)}${now}`;
  // GetEpayClient: no trimming here, unlike the checks behind topup/info and the notify.
  if (settings.PayAddress === '' || settings.EpayId === '' || settings.EpayKey === '') return answer('error', '当前管理员未配置支付信息');
  const fields = signEpayParams(
    {
      pid: settings.EpayId,
      type: method,
      out_trade_no: tradeNo,
      notify_url: `${callbackAddress(ctx)}/api/user/epay/notify`,
      name: `TUC${amount}`,
      money: formatMoney(checked.money),
      device: 'pc',
      return_url: `${serverAddress(ctx).replace(/\/+$/, '')}/console/log`,
    },
    settings.EpayKey,
  );
  // trade_no has a unique index; the insert fails on a collision.
  if (ctx.state.top_ups.some((order) => order.trade_no === tradeNo)) return answer('error', '创建订单失败');
  ctx.state.top_ups.push({
    id: ctx.state.next_top_up_id++,
    user_id: caller.id,
    amount,
    money: checked.money,
    trade_no: tradeNo,
    payment_method: method,
    payment_provider: 'epay',
    create_time: now,
    complete_time: 0,
    status: TOP_UP_STATUS.pending,
  });
  const sorted = Object.fromEntries(Object.entries(fields).sort(([a], [b]) => (a < b ? -1 : 1)));
  return answer('success', sorted, purchaseUrl(ctx));
}

/** Bind, minimum and price, shared by both routes (the group lookup cannot fail: a missing user has group ""). */
async function checkAmount(ctx: Ctx, caller: Caller, struct: GoStruct) {
  const decoded = goDecode(await ctx.readText(), struct);
  if (!decoded.ok) return { error: '参数错误' };
  const amount = decoded.value.amount as number;
  const method = String(decoded.value.payment_method ?? '');
  // gatewaykit: an amount whose quota would pass 2^53 is refused as if it did not fit (docs/fidelity.md).
  if (!Number.isSafeInteger(amount * QUOTA_PER_UNIT)) return { error: '参数错误' };
  const min = ctx.settings.MinTopUp;
  if (amount < min) return { error: `充值数量不能小于 ${min}` };
  const group = findUser(ctx.state, caller.id)?.group ?? '';
  return { amount, method, money: payMoney(ctx.settings, amount, group) };
}

/**
 * `getPayMoney`: amount × Price × TopupGroupRatio[group] × AmountDiscount[amount], in decimal arithmetic.
 *
 * @example
 * payMoney(settings, 10, 'default'); // 73
 */
export function payMoney(settings: NewApiSettings, amount: number, group: string): number {
  const ratio = settings.TopupGroupRatio[group] || 1;
  const discount = settings.AmountDiscount[String(amount)] ?? 0;
  return decimalProduct(amount, settings.Price, ratio, discount > 0 ? discount : 1);
}

/** `ServerAddress`, or this server's own address when it is empty (gatewaykit default). */
export function serverAddress(ctx: Ctx): string {
  return ctx.settings.ServerAddress || ctx.serverUrl;
}

/** `service.GetCallbackAddress`: `CustomCallbackAddress`, else `ServerAddress`. */
export function callbackAddress(ctx: Ctx): string {
  return ctx.settings.CustomCallbackAddress || serverAddress(ctx);
}

/** go-epay's `Purchase` URL: `PayAddress` + `/submit.php` (path-joined); a `/path` address is on this server. */
export function purchaseUrl(ctx: Ctx): string {
  const address = ctx.settings.PayAddress.startsWith('/') ? ctx.serverUrl + ctx.settings.PayAddress : ctx.settings.PayAddress;
  try {
    const url = new URL(address);
    url.pathname = `${url.pathname.replace(/\/+$/, '')}/submit.php`;
    return url.toString();
  } catch {
    return `${address.replace(/\/+$/, '')}/submit.php`;
  }
}
