import { staticBearer } from '../core/auth/static-bearer.js';
import type { AuthStrategy } from '../core/auth/strategy.js';
import { BaseClient, type DialectSpec } from '../core/client.js';
import type { ClientOptions } from '../core/options.js';
import { unpaged } from '../core/pagers.js';
import { openCatEnvelope } from './envelope.js';
import type { paths } from './generated/schema.js';
import { openCatId } from './internal/ids.js';
import { assertToken } from './internal/token.js';
import { Keys } from './resources/keys.js';
import { Usages } from './resources/usages.js';
import { Users } from './resources/users.js';

/** Options of {@link OpenCatClient}. */
export interface OpenCatClientOptions extends ClientOptions {
  /**
   * The token every call sends as `Authorization: Bearer <token>`: root's for the admin routes, a member's reaches
   * only `users.me()`. @default undefined (no `Authorization`: only `users.init()` works)
   */
  token?: string;
}

/** Sends no credentials: before init there is no token, and init needs none. */
const anonymous: AuthStrategy = { cookies: false, authorize: () => undefined };

function dialect(options: OpenCatClientOptions): DialectSpec {
  const token = options?.token;
  if (token !== undefined) assertToken('token', token, 'new OpenCatClient');
  // Every list is one bare array; ids may be 0 (the edge implementation's root).
  return { name: 'opencat', envelope: openCatEnvelope, auth: token === undefined ? anonymous : staticBearer(token), pager: unpaged, ids: { id: openCatId } };
}

/**
 * The client for "OpenCat for Team" servers: opencatd-open (the Go server the reference server follows) and the
 * edge implementation opencatd_worker. It sends one static token; the server answers bare JSON, and its failures,
 * HTTP 200 ones included, become typed errors with upstream's message.
 *
 * @example
 * const client = new OpenCatClient({ baseURL: 'http://127.0.0.1:4012', token: process.env.OPENCAT_ROOT_TOKEN });
 * const alice = await client.users.create({ name: 'alice' });
 * const march = await client.usages.list({ from: '2026-03-01', to: '2026-04-01' });
 */
export class OpenCatClient extends BaseClient<paths, 'bare'> {
  /** Init, the caller, and the team's users. Routes under `/1/users` and `/1/me`. */
  readonly users: Users = new Users(this);
  /** The upstream API keys the server spends. Routes under `/1/keys`. */
  readonly keys: Keys = new Keys(this);
  /** Usage per user over a range of days. `GET /1/usages` */
  readonly usages: Usages = new Usages(this);
  readonly #options: OpenCatClientOptions;

  constructor(options: OpenCatClientOptions) {
    super(options, dialect(options));
    this.#options = options;
  }

  /**
   * A client with the same options and another token: after `users.init()`, or after resetting the token this
   * client sends.
   * @example
   * const root = await new OpenCatClient({ baseURL }).users.init();
   * const admin = client.withToken(root.token);
   */
  withToken(token: string): OpenCatClient {
    return new OpenCatClient({ ...this.#options, token });
  }
}
