/** Marks every gatewaykit error so type guards work across realms (iframes, workers, duplicate installs). */
const brand = Symbol.for('gatewaykit.error');

/**
 * The base of every error gatewaykit throws.
 *
 * @example
 * try { await client.self.retrieve(); } catch (err) { if (isGatewayError(err)) console.error(err.message); }
 */
export class GatewayError extends Error {
  override name = 'GatewayError';

  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    Object.defineProperty(this, brand, { value: true });
  }
}

/**
 * True for any gatewaykit error, even one created by another copy of the library.
 *
 * @example
 * if (isGatewayError(err)) report(err.message);
 */
export function isGatewayError(value: unknown): value is GatewayError {
  return typeof value === 'object' && value !== null && (value as Record<symbol, unknown>)[brand] === true;
}
