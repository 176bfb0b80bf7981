/**
 * The logged-in user's TOTP two-factor authentication. Routes under `/api/user/2fa/`.
 * @module
 */
import { ApiPromise, toVoid } from '../../core/api-promise.js';
import { Resource } from '../../core/resource.js';
import type { RequestOptions } from '../../core/options.js';
import { assertString } from '../../core/validate.js';
import type { NewApiCore } from '../core.js';
import type { Body, Data } from '../internal/types.js';

/** `{enabled, locked}`, plus `backup_codes_remaining` while 2FA is on. */
export interface TwoFactorStatus extends Data<'/api/user/2fa/status', 'get'> {}
/** The new secret, its `otpauth://` URI (for a QR code) and four backup codes `XXXX-XXXX`. */
export interface TwoFactorSetup extends Data<'/api/user/2fa/setup', 'post'> {}
/** A TOTP code (or, for `disable`, a backup code). */
export interface TwoFactorCodeParams extends Body<'/api/user/2fa/enable', 'post'> {}

/** Set up, turn on and off the caller's 2FA, and renew its backup codes. Server messages are Chinese. */
export class TwoFactor extends Resource<NewApiCore> {
  /**
   * Whether 2FA is on, whether it is locked after failed codes, and the backup codes left. `GET /api/user/2fa/status`
   * @example
   * const { enabled } = await client.twoFactor.status();
   */
  status(options?: RequestOptions): ApiPromise<TwoFactorStatus> {
    return this.client.request('get', '/api/user/2fa/status', {}, options);
  }

  /**
   * Starts setting 2FA up: a new secret and backup codes. 2FA is on only after {@link TwoFactor.enable}. `POST /api/user/2fa/setup`
   * @example
   * const { qr_code_data, backup_codes } = await client.twoFactor.setup();
   */
  setup(options?: RequestOptions): ApiPromise<TwoFactorSetup> {
    return this.client.request('post', '/api/user/2fa/setup', {}, options);
  }

  /**
   * Turns 2FA on with a TOTP code from the new secret. `POST /api/user/2fa/enable`
   * @example
   * await client.twoFactor.enable({ code: '123456' });
   */
  enable(params: TwoFactorCodeParams, options?: RequestOptions): ApiPromise<void> {
    return ApiPromise.try(() => {
      assertString('code', params?.code, 'twoFactor.enable');
      return this.client.request('post', '/api/user/2fa/enable', { body: params }, options).map(toVoid);
    });
  }

  /**
   * Turns 2FA off with a TOTP or a backup code. `POST /api/user/2fa/disable`
   * @example
   * await client.twoFactor.disable({ code: 'ABCD-1234' });
   */
  disable(params: TwoFactorCodeParams, options?: RequestOptions): ApiPromise<void> {
    return ApiPromise.try(() => {
      assertString('code', params?.code, 'twoFactor.disable');
      return this.client.request('post', '/api/user/2fa/disable', { body: params }, options).map(toVoid);
    });
  }

  /**
   * Replaces the backup codes (the old ones stop working); needs a TOTP code. `POST /api/user/2fa/backup_codes`
   * @example
   * const codes = await client.twoFactor.regenerateBackupCodes({ code: '123456' });
   */
  regenerateBackupCodes(params: TwoFactorCodeParams, options?: RequestOptions): ApiPromise<string[]> {
    return ApiPromise.try(() => {
      assertString('code', params?.code, 'twoFactor.regenerateBackupCodes');
      return this.client.request('post', '/api/user/2fa/backup_codes', { body: params }, options).map((data) => data.backup_codes);
    });
  }
}
