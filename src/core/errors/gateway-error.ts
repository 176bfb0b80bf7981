/** Marks every gatewaykit error so type guards work across realms (iframes, workers, duplicate installs). */
const brand = Symbol.for('gatewaykit.error');
/**
 * Each error class's own name, as a static under a registry symbol: what the per-class guards read, since class
 * names do not survive minifiers and `instanceof` fails across two copies of the package (ESM and CJS).
 */
export const ERROR_CLASS: unique symbol = Symbol.for('gatewaykit.error.class');

/**
 * The base of every error gatewaykit throws.
 *
 * @example
 * try { await client.self.retrieve(); } catch (err) { if (isGatewayError(err)) console.error(err.message); }
 */
export class GatewayError extends Error {
  static readonly [ERROR_CLASS]: string = 'GatewayError';
  override name = 'GatewayError';

  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    Object.defineProperty(this, brand, { value: true });
  }

  /**
   * What `JSON.stringify` and loggers see: the name and the message, never the `cause`, the body or the headers,
   * which may carry cookies and tokens.
   */
  toJSON(): Record<string, unknown> {
    return { name: this.name, message: this.message };
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

/**
 * A guard for one error class (and its subclasses) that holds across realms and across two copies of the package:
 * it reads the class tags along the value's prototype chain instead of comparing constructors.
 *
 * @example
 * export const isNotFoundError = errorGuard<NotFoundError>('NotFoundError');
 */
export function errorGuard<E extends GatewayError>(className: string): (value: unknown) => value is E {
  return (value): value is E => {
    if (!isGatewayError(value)) return false;
    for (let proto = Object.getPrototypeOf(value); proto !== null; proto = Object.getPrototypeOf(proto)) {
      const ctor = Object.hasOwn(proto, 'constructor') ? (proto.constructor as Record<symbol, unknown>) : undefined;
      if (ctor && Object.hasOwn(ctor, ERROR_CLASS) && ctor[ERROR_CLASS] === className) return true;
    }
    return false;
  };
}
