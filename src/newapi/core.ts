import { cookieSession, type CookieSession } from '../core/auth/cookie-session.js';
import { BaseClient } from '../core/client.js';
import { integerId } from '../core/ids.js';
import type { ClientOptions } from '../core/options.js';
import { pageNumber } from '../core/pagers.js';
import { newApiEnvelope } from './envelope.js';
import type { paths } from './generated/schema.js';
import { QUOTA_PER_UNIT, quotaToUsd, usdToQuota } from './quota.js';

/** Options of {@link NewApiClient} and {@link NewApiCore}. */
export interface NewApiClientOptions extends ClientOptions {
  /**
   * A system access token (from `GET /api/user/token`, i.e. `client.self.generateAccessToken()`),
   * sent as `Authorization: Bearer <token>`. Not an `sk-` relay key. @default undefined (session login)
   */
  accessToken?: string;
  /** The user id sent as `New-Api-User`; set by `auth.login()` when omitted. @default undefined */
  userId?: number;
  /** Quota per display unit, for the conversion helpers. @default 500000 */
  quotaPerUnit?: number;
}

/** Who a new-api client is: the id sent as `New-Api-User` and the system access token, when it has them. */
export interface NewApiIdentity {
  userId: number | undefined;
  accessToken: string | undefined;
}

const keepUserId = (data: unknown) => (typeof data === 'object' && data !== null && !('require_2fa' in data) ? { userId: (data as { id: number }).id } : undefined);

/**
 * A new-api client without resources: auth, retries, errors and `request()` for every route of the document. Compose
 * the resources an app uses, so it pays only for those; {@link NewApiClient} has them all.
 *
 * @example
 * class Dashboard extends NewApiCore {
 *   readonly auth = new Auth(this);
 *   readonly self = new Self(this);
 *   readonly tokens = new Tokens(this);
 * }
 * const client = new Dashboard({ baseURL: 'http://127.0.0.1:4010' });
 */
export class NewApiCore extends BaseClient<paths> {
  /**
   * The session: the cookie (kept by the browser, or by this client elsewhere), `New-Api-User` and an access token.
   * Login and logout keep it up to date; `session.set({ accessToken })` sends an access token from now on.
   */
  readonly session: CookieSession<NewApiIdentity>;
  readonly #quotaPerUnit: number;

  constructor(options: NewApiClientOptions) {
    const session = cookieSession<NewApiIdentity>({
      state: { userId: options.userId, accessToken: options.accessToken },
      // Always the bare integer: BurnCloud's docs show `Bearer <id>`, which the server rejects with 401.
      headers: (s) => ({ 'New-Api-User': s.userId?.toString(), Authorization: s.accessToken === undefined ? undefined : `Bearer ${s.accessToken}` }),
      issuedBy: { 'POST /api/user/login': keepUserId, 'POST /api/user/login/2fa': keepUserId },
      // An access token stays valid after logout, so it is kept.
      endedBy: { 'GET /api/user/logout': { userId: undefined } },
    });
    super(options, { name: 'newapi', envelope: newApiEnvelope, auth: session, pager: pageNumber({ page: 'p', size: 'page_size' }), ids: { id: integerId }, requestIdHeader: 'x-oneapi-request-id' });
    this.session = session;
    this.#quotaPerUnit = options.quotaPerUnit ?? QUOTA_PER_UNIT;
  }

  /** The id sent as `New-Api-User`, once known. */
  get userId(): number | undefined {
    return this.session.state.userId;
  }

  /** Quota to display units with this client's `quotaPerUnit`. @example client.quotaToUsd(1_000_000); // 2 */
  quotaToUsd(quota: number): number {
    return quotaToUsd(quota, this.#quotaPerUnit);
  }

  /** Display units to quota with this client's `quotaPerUnit`. @example client.usdToQuota(2); // 1_000_000 */
  usdToQuota(usd: number): number {
    return usdToQuota(usd, this.#quotaPerUnit);
  }
}
