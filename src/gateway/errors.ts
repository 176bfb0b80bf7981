import { ERROR_CLASS, errorGuard, GatewayError } from '../core/errors/gateway-error.js';

/** What an {@link UnsupportedOperationError} says: who refused which operation, and what to use instead. */
export interface UnsupportedOperationInit {
  /** The dialect, e.g. `newapi`. */
  dialect: string;
  /** The normalized operation, e.g. `users.create`. */
  operation: string;
  /** The nearest supported alternative: another normalized operation or a call on `gateway.native`. */
  alternative: string;
}

/**
 * A normalized operation this dialect cannot do. Thrown before any request is sent (never a silent no-op);
 * `gateway.capabilities` says the same in advance, so a UI can hide the button instead.
 *
 * @example
 * try { await gateway.usage.summary({ from, to }); } catch (err) { if (isUnsupportedOperationError(err)) console.log(err.alternative); }
 */
export class UnsupportedOperationError extends GatewayError {
  static override readonly [ERROR_CLASS]: string = 'UnsupportedOperationError';
  override name = 'UnsupportedOperationError';
  declare readonly dialect: string;
  declare readonly operation: string;
  declare readonly alternative: string;

  constructor(init: UnsupportedOperationInit) {
    const { dialect, operation, alternative } = init;
    super(`Failed to call ${operation}: the ${dialect} dialect does not support it. Please use ${alternative} instead.`);
    Object.assign(this, { dialect, operation, alternative });
  }

  /** The name, the message, the dialect, the operation and the alternative. */
  override toJSON(): Record<string, unknown> {
    const { dialect, operation, alternative } = this;
    return { ...super.toJSON(), dialect, operation, alternative };
  }
}

/**
 * True for an {@link UnsupportedOperationError}, even one thrown by another copy of gatewaykit (ESM and CJS loaded
 * together), where `instanceof` fails.
 *
 * @example
 * if (isUnsupportedOperationError(err)) hideButton(err.operation);
 */
export const isUnsupportedOperationError = /* @__PURE__ */ errorGuard<UnsupportedOperationError>('UnsupportedOperationError');
