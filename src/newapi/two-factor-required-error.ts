import { ERROR_CLASS, errorGuard, GatewayError } from '../core/errors/gateway-error.js';

/**
 * The password was right and the account has 2FA on, but no code was given. The client keeps the
 * pending login, so `auth.verifyTwoFactor({ code })` finishes it.
 *
 * @example
 * try { await client.auth.login({ username, password }); }
 * catch (err) { if (err instanceof TwoFactorRequiredError) await client.auth.verifyTwoFactor({ code: await ask() }); }
 */
export class TwoFactorRequiredError extends GatewayError {
  static override readonly [ERROR_CLASS]: string = 'TwoFactorRequiredError';
  override name = 'TwoFactorRequiredError';

  constructor() {
    super('Failed to log in: 2FA code required. Please pass `twoFactorCode` or call auth.verifyTwoFactor().');
  }
}

/**
 * True when a login needs its 2FA code, even for an error thrown by another copy of gatewaykit.
 *
 * @example
 * if (isTwoFactorRequiredError(err)) await client.auth.verifyTwoFactor({ code: await ask() });
 */
export const isTwoFactorRequiredError = /* @__PURE__ */ errorGuard<TwoFactorRequiredError>('TwoFactorRequiredError');
