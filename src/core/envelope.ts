import type { ErrorKind } from './errors/create-api-error.js';

/** The outcome a dialect reads from one response body. */
export type EnvelopeResult =
  | { ok: true; data: unknown }
  | {
      ok: false;
      message: string;
      code?: string | number | undefined;
      /** What the error means. A hint when the status says nothing (an error inside an HTTP 200). */
      kind?: ErrorKind | undefined;
      /**
       * The reader's `kind` wins over the HTTP status: for a dialect whose statuses mislead where upstream means
       * otherwise (opencat answers a missing record with `403 {"error":"record not found"}`).
       */
      decides?: boolean | undefined;
      /**
       * How long to wait before trying again, in ms, where the body says so and no `Retry-After` header does
       * (Aether puts the seconds only in its message). The header wins when both are there.
       */
      retryAfter?: number | undefined;
      /** The id the body gives this failure (Aether's `error_id`), where no request-id header does. */
      requestId?: string | undefined;
    };

/**
 * Reads a dialect's envelope. This is the one place per dialect that knows whether an answer
 * succeeded: new-api says so with `success`, platform with `code`, others with the status alone.
 *
 * @param body the parsed body: JSON when it parses, the text otherwise, `undefined` when empty.
 */
export type EnvelopeReader = (body: unknown, response: Response) => EnvelopeResult;

/**
 * For dialects with honest HTTP statuses: 2xx is success and the body is the data.
 *
 * @example
 * const reader: EnvelopeReader = plainEnvelope;
 */
export const plainEnvelope: EnvelopeReader = (body, response) => {
  if (response.ok) return { ok: true, data: body };
  const message = typeof body === 'object' && body !== null && 'message' in body ? String(body.message) : response.statusText;
  return { ok: false, message };
};

/**
 * The data an envelope-typed response carries: `{ success; message; data?: User }` → `User`. Distributes
 * over unions, so an error envelope without `data` in the same union contributes nothing.
 */
export type EnvelopeData<E> = E extends { data?: infer D } ? Exclude<D, undefined> : never;
