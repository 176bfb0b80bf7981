/**
 * The billing tables of the new-api state: `redemptions` and `top_ups` (model/redemption.go, model/topup.go at
 * JUL26), with upstream's column names.
 * @module
 */

/** Redemption code statuses (`common.RedemptionCodeStatus*`). */
export const REDEMPTION_STATUS = { enabled: 1, disabled: 2, used: 3 } as const;

/** A row of `redemptions`. */
export interface RedemptionRecord {
  id: number;
  /** The admin who created it. */
  user_id: number;
  /** 32 hex characters (a v4 UUID without dashes), kept in clear as upstream does: admins hand codes out. */
  key: string;
  status: number;
  name: string;
  quota: number;
  /** Unix seconds. */
  created_time: number;
  /** Unix seconds, 0 until redeemed. */
  redeemed_time: number;
  used_user_id: number;
  /** Soft delete: epoch ms, or null. */
  deleted_at: number | null;
  /** Unix seconds, 0 = never expires. */
  expired_time: number;
}

/** Top-up order statuses (`common.TopUpStatus*`). */
export const TOP_UP_STATUS = { pending: 'pending', success: 'success', expired: 'expired' } as const;

/** A row of `top_ups`: one online payment order. */
export interface TopUpRecord {
  id: number;
  user_id: number;
  /** Display units bought; the credit is `amount × 500000` quota. */
  amount: number;
  /** What the provider charges (amount × price × group ratio × discount). */
  money: number;
  /** `out_trade_no`: `USR<uid>NO<6 alphanumerics><unix seconds>`. */
  trade_no: string;
  payment_method: string;
  payment_provider: string;
  /** Unix seconds. */
  create_time: number;
  /** Unix seconds; the Epay notify never sets it upstream, so Epay orders keep 0. */
  complete_time: number;
  status: string;
}
