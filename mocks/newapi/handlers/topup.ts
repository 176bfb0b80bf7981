/**
 * Redemption codes and the top-up page (UserAuth): `POST /api/user/topup` and `GET /api/user/topup/info`
 * (controller/user.go TopUp, model/redemption.go Redeem, controller/topup.go GetTopUpInfo, JUL26).
 * @module
 */
import type { RequestContext } from '../../core/types.js';
import type { Caller } from '../auth.js';
import { REDEMPTION_STATUS } from '../billing-state.js';
import { fail, ok } from '../envelope.js';
import { goDecode } from '../../go/json-bind.js';
import { t } from '../messages.js';
import { exactQuota } from '../quota-range.js';
import { findUser, type NewApiSettings, type NewApiState } from '../state.js';

type Ctx = RequestContext<NewApiState>;

const TOP_UP_REQUEST = { qualified: 'controller.topUpRequest', name: 'topUpRequest', fields: { key: 'string' } } as const;

/**
 * `POST /api/user/topup {key}`: redeems a code. Every failure inside the redemption (no key, unknown, used,
 * disabled, expired) is the one masked "Redemption failed" answer, so the answer never tells which codes exist.
 * Upstream sleeps 0–3 s at random under a per-user try-lock; here writes are serialised instead, so there is no
 * sleep and the try-lock's "processing" answer never occurs (docs/fidelity.md).
 */
export async function redeem(ctx: Ctx, caller: Caller): Promise<Response> {
  if (!ctx.settings.PaymentComplianceConfirmed) return fail(t(caller.lang, 'payment.compliance_required'));
  const body = goDecode(await ctx.readText(), TOP_UP_REQUEST);
  if (!body.ok) return fail(body.error);
  const quota = redeemCode(ctx, body.value.key, caller.id);
  return quota === undefined ? fail(t(caller.lang, 'redeem.failed')) : ok(quota);
}

/** `model.Redeem`: the code's quota, or `undefined` for any of the failures the controller masks. */
function redeemCode(ctx: Ctx, key: string, userId: number): number | undefined {
  if (key === '') return undefined;
  const now = Math.floor(ctx.clock.now() / 1000);
  const code = ctx.state.redemptions.find((r) => r.key === key && r.deleted_at === null);
  if (!code || code.status !== REDEMPTION_STATUS.enabled) return undefined;
  if (code.expired_time !== 0 && code.expired_time < now) return undefined;
  // `UPDATE users SET quota = quota + ?` is scoped: a deleted account (whose session still works) gets nothing,
  // yet the code is spent and the answer is a success, as upstream.
  const user = findUser(ctx.state, userId);
  const credited = user ? exactQuota(user.quota, code.quota) : undefined;
  // A sum JSON could not carry exactly fails like upstream's failed UPDATE: masked, the code left unspent.
  if (user && credited === undefined) return undefined;
  Object.assign(code, { status: REDEMPTION_STATUS.used, redeemed_time: now, used_user_id: userId });
  if (user) user.quota = credited!;
  return code.quota;
}

/** Whether Epay is configured (`isEpayWebhookConfigured`): address, id and key set. */
export function epayConfigured(settings: NewApiSettings): boolean {
  return [settings.PayAddress, settings.EpayId, settings.EpayKey].every((value) => value.trim() !== '');
}

/** `isEpayTopUpEnabled`, which also gates the notify: compliance confirmed, Epay configured, a pay method. */
export function epayEnabled(settings: NewApiSettings): boolean {
  return settings.PaymentComplianceConfirmed && epayConfigured(settings) && settings.PayMethods.length > 0;
}

/** `GET /api/user/topup/info`: what the top-up page shows. Stripe, Creem and Waffo are never configured here. */
export function topUpInfo(ctx: Ctx): Response {
  const s = ctx.settings;
  const confirmed = s.PaymentComplianceConfirmed;
  // gin.H is a map: encoding/json writes its keys sorted.
  return ok({
    amount_options: s.AmountOptions,
    creem_products: '[]',
    discount: s.AmountDiscount,
    enable_creem_topup: false,
    enable_online_topup: epayEnabled(s),
    enable_redemption: confirmed,
    enable_stripe_topup: false,
    enable_waffo_pancake_topup: false,
    enable_waffo_topup: false,
    min_topup: s.MinTopUp,
    pay_methods: confirmed ? s.PayMethods : [],
    payment_compliance_confirmed: confirmed,
    payment_compliance_terms_version: 'v1',
    stripe_min_topup: 1,
    topup_link: '',
    waffo_min_topup: 1,
    waffo_pancake_min_topup: 1,
    waffo_pay_methods: null,
  });
}
