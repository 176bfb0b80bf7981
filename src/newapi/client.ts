import { BaseClient } from '../core/client.js';
import type { ClientOptions } from '../core/options.js';
import { newApiEnvelope } from './envelope.js';
import type { paths } from './generated/schema.js';
import { QUOTA_PER_UNIT, quotaToUsd, usdToQuota } from './quota.js';
import { Affiliate } from './resources/affiliate.js';
import { Auth } from './resources/auth.js';
import { Groups } from './resources/groups.js';
import { PasswordReset } from './resources/password-reset.js';
import { Payments } from './resources/payments.js';
import { Redemptions } from './resources/redemptions.js';
import { Self } from './resources/self.js';
import { Tokens } from './resources/tokens.js';
import { TopUp } from './resources/topup.js';
import { TwoFactor } from './resources/two-factor.js';
import { Users } from './resources/users.js';
import { Verification } from './resources/verification.js';

/** Options of {@link NewApiClient}. */
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

/**
 * The client for new-api and its derivatives (BurnCloud). Authenticate with `auth.login()` (the
 * session cookie is kept) or with `accessToken` + `userId`; every authenticated call carries
 * `New-Api-User: <bare id>`, as the server requires.
 *
 * @example
 * const client = new NewApiClient({ baseURL: 'http://127.0.0.1:4010' });
 * await client.auth.login({ username: 'root', password: '123456' });
 * const me = await client.self.retrieve();
 */
export class NewApiClient extends BaseClient<paths> {
  /** Register, log in (with 2FA), log out. Routes under `/api/user/`. */
  readonly auth: Auth = new Auth(this);
  /** The public group table. `GET /api/user/groups` */
  readonly groups: Groups = new Groups(this);
  /** The logged-in user's own account. Routes under `/api/user/self`. */
  readonly self: Self = new Self(this);
  /** Users, as an administrator manages them. Routes under `/api/user/`. */
  readonly users: Users = new Users(this);
  /** Emailed registration codes. `GET /api/verification` */
  readonly verification: Verification = new Verification(this);
  /** Forgotten passwords. `GET /api/reset_password`, `POST /api/user/reset` */
  readonly passwordReset: PasswordReset = new PasswordReset(this);
  /** The caller's API tokens (relay keys). Routes under `/api/token/`. */
  readonly tokens: Tokens = new Tokens(this);
  /** The caller's TOTP two-factor authentication. Routes under `/api/user/2fa/`. */
  readonly twoFactor: TwoFactor = new TwoFactor(this);
  /** The caller's invitation code and rewards. `GET /api/user/aff`, `POST /api/user/aff_transfer` */
  readonly affiliate: Affiliate = new Affiliate(this);
  /** Redeeming redemption codes. `POST /api/user/topup` */
  readonly topup: TopUp = new TopUp(this);
  /** Online top-up through Epay. `POST /api/user/amount`, `POST /api/user/pay`, `GET /api/user/topup/info` */
  readonly payments: Payments = new Payments(this);
  /** Redemption codes, as an administrator manages them. Routes under `/api/redemption/`. */
  readonly redemptions: Redemptions = new Redemptions(this);

  #accessToken: string | undefined;
  #userId: number | undefined;
  readonly #quotaPerUnit: number;

  constructor(options: NewApiClientOptions) {
    super(options, {
      name: 'newapi',
      envelope: newApiEnvelope,
      page: { pageParam: 'p', sizeParam: 'page_size', read: readPage },
    });
    this.#accessToken = options.accessToken;
    this.#userId = options.userId;
    this.#quotaPerUnit = options.quotaPerUnit ?? QUOTA_PER_UNIT;
  }

  /** The id sent as `New-Api-User`, once known. */
  get userId(): number | undefined {
    return this.#userId;
  }

  /** Quota to display units with this client's `quotaPerUnit`. @example client.quotaToUsd(1_000_000); // 2 */
  quotaToUsd(quota: number): number {
    return quotaToUsd(quota, this.#quotaPerUnit);
  }

  /** Display units to quota with this client's `quotaPerUnit`. @example client.usdToQuota(2); // 1_000_000 */
  usdToQuota(usd: number): number {
    return usdToQuota(usd, this.#quotaPerUnit);
  }

  /**
   * Remembers who is logged in, or forgets it (`undefined`) along with the session cookie.
   * @internal used by the auth and self resources
   */
  setCredentials(credentials: { userId?: number | undefined; accessToken?: string | undefined; clearSession?: boolean }): void {
    if ('userId' in credentials) this.#userId = credentials.userId;
    if ('accessToken' in credentials) this.#accessToken = credentials.accessToken;
    if (credentials.clearSession) this.jar?.clear();
  }

  protected override authorize(headers: Headers): void {
    // Always the bare integer: BurnCloud's docs show `Bearer <id>`, which the server rejects with 401.
    if (this.#userId !== undefined && !headers.has('new-api-user')) headers.set('New-Api-User', String(this.#userId));
    if (this.#accessToken !== undefined && !headers.has('authorization')) headers.set('Authorization', `Bearer ${this.#accessToken}`);
  }
}

function readPage(data: unknown) {
  // NOV25 (BurnCloud) answers some searches with a bare array; treat it as one complete page.
  if (Array.isArray(data)) return { items: data, page: 1, pageSize: data.length, total: data.length };
  const page = data as { items?: unknown[] | null; page: number; page_size: number; total: number };
  return { items: page.items ?? [], page: page.page, pageSize: page.page_size, total: page.total };
}
