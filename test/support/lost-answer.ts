/**
 * A fetch whose first answer to a request matching `lose` never arrives: the request reaches the server
 * (which acts on it), then the caller sees a connection reset, as undici reports one. Every later request
 * passes through untouched. `lost()` says whether it has dropped an answer yet.
 *
 * @example
 * const net = loseFirstAnswer(api.fetch, (request) => request.method === 'DELETE');
 */
export function loseFirstAnswer(fetch: (request: Request) => Promise<Response>, lose: (request: Request) => boolean) {
  let dropped = false;
  return {
    lost: () => dropped,
    fetch: async (request: Request): Promise<Response> => {
      const response = await fetch(request);
      if (dropped || !lose(request)) return response;
      dropped = true;
      await response.body?.cancel();
      throw new TypeError('fetch failed', { cause: Object.assign(new Error('socket hang up'), { code: 'ECONNRESET' }) });
    },
  };
}

/** Retry at once, so a test's retry never waits on a timer. */
export const retryAtOnce = { maxRetries: 1, retry: { baseDelay: 0, maxDelay: 0 } } as const;
