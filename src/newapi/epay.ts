/**
 * The Epay (易支付) MD5 signature new-api uses for `/api/user/pay` forms and `/api/user/epay/notify`
 * callbacks, exactly as Calcium-Ion/go-epay computes it. One implementation, shared by the SDK and the
 * reference server.
 * @module gatewaykit/newapi/epay
 */
import { md5 } from '@noble/hashes/legacy.js';

/** Epay parameters: a form's fields or a notify's query, one value per key. */
export type EpayParams = Record<string, string>;

const utf8 = new TextEncoder();

/**
 * The string that is signed: every key but `sign` and `sign_type` whose value is not empty, sorted by
 * byte order (Go's `sort.Strings`), joined as `k1=v1&k2=v2` with the raw values (no URL encoding).
 *
 * @example
 * epaySignContent({ pid: '1001', money: '7.30', sign: 'x', name: '' }); // 'money=7.30&pid=1001'
 */
export function epaySignContent(params: EpayParams): string {
  return Object.keys(params)
    .filter((key) => key !== 'sign' && key !== 'sign_type' && params[key] !== '')
    .sort(compareBytes)
    .map((key) => `${key}=${params[key]}`)
    .join('&');
}

/**
 * `lowercase hex(MD5(content + key))` over {@link epaySignContent}.
 *
 * @example
 * epaySign({ pid: '1001', money: '7.30' }, 'merchant-key'); // 32 hex characters
 */
export function epaySign(params: EpayParams, key: string): string {
  const digest = md5(utf8.encode(epaySignContent(params) + key));
  return Array.from(digest, (byte) => byte.toString(16).padStart(2, '0')).join('');
}

/**
 * The params with `sign` and `sign_type: 'MD5'` set, as go-epay's `GenerateParams` returns them. The input is
 * not changed.
 *
 * @example
 * const notify = signEpayParams({ pid: '1001', out_trade_no, trade_no, type: 'alipay', name, money, trade_status: 'TRADE_SUCCESS' }, key);
 */
export function signEpayParams(params: EpayParams, key: string): EpayParams {
  return { ...params, sign: epaySign(params, key), sign_type: 'MD5' };
}

/**
 * Whether an Epay notify carries a valid signature for `key`. Takes the query (GET) or the form body (POST)
 * as an object or as `URLSearchParams` (the first value of a repeated key counts, as in Go). Check
 * `trade_status === 'TRADE_SUCCESS'` and your own order before crediting anything, and credit an order once:
 * providers repeat notifies until they read `success`.
 *
 * @example
 * const params = new URLSearchParams(await request.text());
 * if (!verifyEpayNotify(params, process.env.EPAY_KEY!)) return new Response('fail');
 */
export function verifyEpayNotify(params: EpayParams | URLSearchParams, key: string): boolean {
  // No prototype, so a `__proto__` parameter is a parameter like any other.
  const flat: EpayParams = Object.create(null) as EpayParams;
  if (params instanceof URLSearchParams) {
    for (const [name, value] of params) if (!(name in flat)) flat[name] = value;
  } else {
    Object.assign(flat, params);
  }
  const received = flat.sign;
  if (typeof received !== 'string' || received === '') return false;
  return constantTimeEqual(received, epaySign(flat, key));
}

function compareBytes(a: string, b: string): number {
  const x = utf8.encode(a);
  const y = utf8.encode(b);
  for (let i = 0; i < Math.min(x.length, y.length); i++) if (x[i] !== y[i]) return x[i]! - y[i]!;
  return x.length - y.length;
}

/** Compares without stopping at the first difference, so the time taken does not reveal a correct prefix. */
function constantTimeEqual(a: string, b: string): boolean {
  if (a.length !== b.length) return false;
  let difference = 0;
  for (let i = 0; i < a.length; i++) difference |= a.charCodeAt(i) ^ b.charCodeAt(i);
  return difference === 0;
}
