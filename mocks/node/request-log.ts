/**
 * The sandbox's `--log` lines: a wrapper of the fetch handler that `serve()` calls, so the reference server
 * itself knows nothing of them.
 * @module
 */
import { redactUrl } from 'gatewaykit/core';
import type { FetchHandler } from './serve.js';

/** What {@link observeRequests} reports of each answered request. */
export interface RequestRecord {
  method: string;
  /** Path and query, with credential-like query values masked (`?token=[redacted]`). */
  path: string;
  status: number;
  /** Time from the request to its answer's headers, in milliseconds of real time. */
  ms: number;
}

/**
 * `server` with `onAnswer` called after each request it answers.
 *
 * @example
 * serve(observeRequests(server, (r) => console.error(formatRequestLine(r))));
 */
export function observeRequests(server: FetchHandler, onAnswer: (record: RequestRecord) => void): FetchHandler {
  return {
    async fetch(request) {
      const started = performance.now();
      const response = await server.fetch(request);
      const url = new URL(request.url);
      onAnswer({ method: request.method, path: redactUrl(`${url.pathname}${url.search}`), status: response.status, ms: performance.now() - started });
      return response;
    },
    ...(server.bodyLimit ? { bodyLimit: server.bodyLimit.bind(server) } : {}),
  };
}

/**
 * One `--log` line: `POST /api/user/login 200 12ms`.
 *
 * @example
 * formatRequestLine({ method: 'GET', path: '/api/status', status: 200, ms: 1.4 }); // 'GET /api/status 200 1ms'
 */
export function formatRequestLine(record: RequestRecord): string {
  return `${record.method} ${record.path} ${record.status} ${Math.round(record.ms)}ms`;
}
