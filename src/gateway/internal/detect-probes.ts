/**
 * The detection probes and what each family answers to each, as data. Every family has one route that only it
 * answers without credentials (its identifying probe); to the other three probes it gives its own answer for a
 * path it has no route for. Every probe is a `GET` that reads and changes nothing, so running all four on any
 * server is harmless.
 * @module
 */
import type { DetectableDialect, ProbeAnswer } from '../detect.js';

/** One probe: the path (below `baseURL`) and the family its expected answer identifies. */
export interface Probe {
  path: string;
  identifies: DetectableDialect;
  /** The answer that identifies the family. */
  shape: ProbeAnswer;
}

/**
 * One per family, in this order. Routes that look public but act were left out on purpose: new-api's
 * `GET /api/user/logout`, `/api/verification` and `/api/reset_password` (they end sessions or send mail), and
 * platform's `GET /api/v1/auth/public-key` (it issues a key pair).
 */
export const PROBES: readonly Probe[] = [
  // Public in every new-api line (NOV25 to HEAD): the group table, read for user id 0.
  { path: '/api/user/groups', identifies: 'newapi', shape: 'newapi-groups' },
  // Bearer-only: without a token the platform answers its 40101 envelope.
  { path: '/api/v1/users/me', identifies: 'platform', shape: 'platform-unauthenticated' },
  // Aether's `GET /api/auth/me` without `Authorization`: 401 `缺少用户凭证` (src/api/base/pipeline.py).
  { path: '/api/auth/me', identifies: 'aether', shape: 'aether-unauthenticated' },
  // opencatd-open's AuthMiddleware answers 401 before anything else, initialised or not (router/router.go); so does
  // opencatd_worker's root middleware (src/core/controller.ts).
  { path: '/1/me', identifies: 'opencat', shape: 'opencat-unauthorized' },
];

/**
 * What `family` answers to `GET <path>` when `path` is not its identifying route. new-api's NoRoute is its relay
 * 404 under `/api`, `/v1` and `/assets` and its single-page app (200 HTML) elsewhere (router/web-router.go), or a
 * 301 to the frontend for every path when `FRONTEND_BASE_URL` is set (router/main.go); the reference server
 * answers the relay 404 everywhere.
 */
export function notFoundShapes(family: DetectableDialect, path: string): readonly ProbeAnswer[] {
  switch (family) {
    case 'newapi':
      return /^\/(api|v1|assets)/.test(path) ? ['newapi-relay-404', 'newapi-frontend-redirect'] : ['newapi-relay-404', 'newapi-frontend-redirect', 'html-page'];
    case 'platform':
      return ['platform-route-not-found'];
    case 'aether':
      return ['starlette-not-found'];
    case 'opencat':
      // opencatd-open is gin; its edge build opencatd_worker is Hono, whose default 404 is `404 Not Found`.
      return ['gin-not-found', 'hono-not-found'];
  }
}

/** The families whose answer to `probe` has `shape`. */
export function familiesFitting(probe: Probe, shape: ProbeAnswer): DetectableDialect[] {
  return PROBES.map((p) => p.identifies).filter((family) =>
    family === probe.identifies ? shape === probe.shape : notFoundShapes(family, probe.path).includes(shape),
  );
}
