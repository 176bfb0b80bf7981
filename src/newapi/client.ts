import { NewApiCore } from './core.js';
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

export type { NewApiClientOptions } from './core.js';

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
export class NewApiClient extends NewApiCore {
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
}
