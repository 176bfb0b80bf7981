import { AbortError } from '../errors/abort-error.js';

/**
 * Waits for a shared promise on behalf of one caller: rejects with {@link AbortError} when that caller's signal
 * aborts, while the shared work goes on for the others.
 */
export function abortable<T>(shared: Promise<T>, signal: AbortSignal | undefined): Promise<T> {
  if (!signal) return shared;
  if (signal.aborted) return Promise.reject(new AbortError({ cause: signal.reason }));
  return new Promise<T>((resolve, reject) => {
    const onAbort = () => reject(new AbortError({ cause: signal.reason }));
    signal.addEventListener('abort', onAbort, { once: true });
    shared.then(resolve, reject).finally(() => signal.removeEventListener('abort', onAbort));
  });
}
