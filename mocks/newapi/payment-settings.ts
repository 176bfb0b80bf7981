/**
 * The payment options new-api keeps in its admin settings (`setting/operation_setting/payment_setting*.go`,
 * `system_setting.ServerAddress`, JUL26), with the sandbox's defaults: Epay is configured against the reference
 * server's own sandbox provider (`/__mock/epay`), so `POST /api/user/pay` works out of the box.
 * @module
 */
import { z } from 'zod';

/** One entry of `PayMethods` (upstream: `[]map[string]string`). */
export type PayMethod = Record<string, string>;

/** Upstream's payment options, plus the addresses the notify and return URLs are built from. */
export interface PaymentSettings {
  /**
   * The Epay gateway; `url` of `/pay` is this plus `/submit.php`. A value starting with `/` is a path on the
   * reference server itself (gatewaykit addition); empty means "not configured".
   * @default '/__mock/epay' (the sandbox provider)
   */
  PayAddress: string;
  /** Merchant id (`pid`). @default '1001' */
  EpayId: string;
  /** Merchant key, the MD5 signing secret. @default 'gatewaykit-sandbox-key' */
  EpayKey: string;
  /** Price of one display unit, in the currency the provider charges. @default 7.3 */
  Price: number;
  /** The smallest amount a user may top up. @default 1 */
  MinTopUp: number;
  /** @default alipay (支付宝), wxpay (微信), custom1 (自定义1, min_topup 50) */
  PayMethods: PayMethod[];
  /** Price factor by the user's group; a missing or 0 ratio counts as 1. @default { default: 1, vip: 1, svip: 1 } */
  TopupGroupRatio: Record<string, number>;
  /** The amounts the top-up page offers. @default [10, 20, 50, 100, 200, 500] */
  AmountOptions: number[];
  /** Discount by amount, e.g. `{ "100": 0.9 }`. @default {} */
  AmountDiscount: Record<string, number>;
  /**
   * `system_setting.ServerAddress`: base of `return_url` (and of `notify_url` without a callback address).
   * Empty means the reference server's own address as the caller reached it (gatewaykit addition).
   * @default ''
   */
  ServerAddress: string;
  /** `CustomCallbackAddress`: base of `notify_url` when set. @default '' */
  CustomCallbackAddress: string;
}

/**
 * The sandbox defaults.
 *
 * @example
 * const settings = { ...DEFAULT_PAYMENT_SETTINGS, Price: 1 };
 */
export const DEFAULT_PAYMENT_SETTINGS: PaymentSettings = {
  PayAddress: '/__mock/epay',
  EpayId: '1001',
  EpayKey: 'gatewaykit-sandbox-key',
  Price: 7.3,
  MinTopUp: 1,
  PayMethods: [
    { name: '支付宝', icon: 'SiAlipay', type: 'alipay' },
    { name: '微信', icon: 'SiWechat', type: 'wxpay' },
    { name: '自定义1', icon: 'LuCreditCard', type: 'custom1', min_topup: '50' },
  ],
  TopupGroupRatio: { default: 1, vip: 1, svip: 1 },
  AmountOptions: [10, 20, 50, 100, 200, 500],
  AmountDiscount: {},
  ServerAddress: '',
  CustomCallbackAddress: '',
};

/** The `PATCH /__mock/settings` schema of each payment option. */
export const paymentSettingsShape = {
  PayAddress: z.string(),
  EpayId: z.string(),
  EpayKey: z.string(),
  Price: z.number().finite().nonnegative(),
  MinTopUp: z.number().int().nonnegative(),
  PayMethods: z.array(z.record(z.string(), z.string())),
  TopupGroupRatio: z.record(z.string(), z.number().finite().nonnegative()),
  AmountOptions: z.array(z.number().int()),
  AmountDiscount: z.record(z.string().regex(/^-?\d+$/), z.number().finite()),
  ServerAddress: z.string(),
  CustomCallbackAddress: z.string(),
} satisfies Record<keyof PaymentSettings, z.ZodType>;
