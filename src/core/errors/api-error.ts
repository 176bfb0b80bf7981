import { ERROR_CLASS, errorGuard, GatewayError } from './gateway-error.js';

/** What the server said, as an {@link ApiError} carries it. */
export interface ApiErrorInit {
  /** HTTP status. new-api answers most business errors with 200, so 200 is a possible value here. */
  status: number;
  /** The server's message, verbatim. */
  message: string;
  /** The dialect's error code when it has one (platform, aether). */
  code?: string | number | undefined;
  /** The dialect that answered, e.g. `newapi`. */
  dialect: string;
  /** The request, with the URL's secrets redacted. */
  request: { method: string; url: string };
  /** The parsed body (JSON or text) as the server sent it. */
  body?: unknown;
  headers?: Headers | undefined;
  /** The server's id for this request (`X-Oneapi-Request-Id` from new-api, `X-Request-Id` from a proxy, Aether's `error_id`). */
  requestId?: string | undefined;
}

/**
 * The server answered, and the answer is an error: a non-2xx status, or an envelope that says it failed
 * (new-api's `success:false` inside an HTTP 200).
 *
 * @example
 * try { await client.users.retrieve(42); } catch (err) { if (err instanceof ApiError) console.log(err.status, err.message); }
 */
export class ApiError extends GatewayError {
  static override readonly [ERROR_CLASS]: string = 'ApiError';
  override name = 'ApiError';
  declare readonly status: number;
  declare readonly code: string | number | undefined;
  declare readonly dialect: string;
  declare readonly request: { method: string; url: string };
  declare readonly body: unknown;
  declare readonly headers: Headers | undefined;
  /**
   * The id the server gave this request, to quote in a bug report or to find its line in the gateway's logs:
   * the dialect's own header (new-api: `X-Oneapi-Request-Id`), else `X-Request-Id`, else an id in the body (Aether's
   * `error_id` of a `system_error`); `undefined` when it sent none.
   */
  declare readonly requestId: string | undefined;

  constructor(init: ApiErrorInit) {
    super(init.message || `Request failed with status ${init.status}`);
    const { status, code, dialect, request, body, headers, requestId } = init;
    Object.assign(this, { status, code, dialect, request, body, headers, requestId });
  }

  /**
   * The name, message, status, code, dialect, request id and the redacted request; never the body or the headers
   * (cookies, tokens).
   */
  override toJSON(): Record<string, unknown> {
    const { status, code, dialect, request, requestId } = this;
    return { ...super.toJSON(), status, code, dialect, request, requestId };
  }
}

/**
 * True when the server answered with an error, even for an error thrown by another copy of gatewaykit (ESM and CJS loaded together), where
 * `instanceof` fails.
 *
 * @example
 * if (isApiError(err)) console.log(err.message);
 */
export const isApiError = /* @__PURE__ */ errorGuard<ApiError>('ApiError');
