/**
 * The team's users (root and members), as root manages them. Routes under `/1/users` and `/1/me`.
 * @module
 */
import { ApiPromise } from '../../core/api-promise.js';
import type { RequestOptions } from '../../core/options.js';
import type { PagePromise } from '../../core/page.js';
import { Resource } from '../../core/resource.js';
import { assertString } from '../../core/validate.js';
import type { OpenCatClient } from '../client.js';
import { assertToken } from '../internal/token.js';
import type { Body, Data, Item } from '../internal/types.js';

/**
 * A user as list, create and reset answer it: opencatd-open's stored row, with the embedded gorm fields `ID`,
 * `CreatedAt`, `UpdatedAt` and `DeletedAt` always at their zero values (`0`, `"0001-01-01T00:00:00Z"`, `null`),
 * `IsDelete` always `false`, and the real `createdAt`/`updatedAt` in RFC 3339 with nanoseconds and the server's
 * offset. The edge implementation answers only `{id, name, token}`.
 */
export interface User extends Item<'/1/users'> {}
/**
 * A user as init and me answer it: `{id, updatedAt, name, token, createdAt}`, times to the second. The edge
 * implementation answers only `{id, name, token}`, and its root is id 0.
 */
export interface UserProfile extends Data<'/1/me', 'get'> {}
/** Body of `POST /1/users`: only `name` counts; the server makes the token. */
export interface UserCreateParams extends Required<Pick<Body<'/1/users', 'post'>, 'name'>> {}
/** Options of {@link Users.resetToken}. */
export interface UserResetParams {
  /**
   * The new token, taken as given (any string; it must be unique). @default undefined (the server makes a new
   * UUID; the edge implementation always does, and ignores this)
   */
  token?: string;
}

/** Set up the team, read the caller, and list, add, delete users and reset their tokens (root only). */
export class Users extends Resource<OpenCatClient> {
  /**
   * Creates root (once per server) and answers it with its token; needs no token, and a second call is a
   * `ConflictError` ("super user already exists, use cli to reset password"). `POST /1/users/init`
   * @example
   * const root = await new OpenCatClient({ baseURL }).users.init();
   * const admin = new OpenCatClient({ baseURL, token: root.token });
   */
  init(options?: RequestOptions): ApiPromise<UserProfile> {
    // The document lists `{"error"}` among the HTTP 200 answers; the reader throws those, hence the narrower type.
    return this.client.request('post', '/1/users/init', {}, options) as unknown as ApiPromise<UserProfile>;
  }

  /**
   * The caller: root with root's token, a member with theirs (on the edge implementation, always root).
   * `GET /1/me`
   * @example
   * const { name } = await client.users.me();
   */
  me(options?: RequestOptions): ApiPromise<UserProfile> {
    return this.client.request('get', '/1/me', {}, options) as unknown as ApiPromise<UserProfile>;
  }

  /**
   * Every user that is not deleted, root included, tokens in clear; one page holds them all. `GET /1/users`
   * @example
   * for await (const user of client.users.list()) console.log(user.id, user.name);
   */
  list(options?: RequestOptions): PagePromise<User, number | undefined> {
    return this.client.page('/1/users', {}, options);
  }

  /**
   * Adds a user with a new token. Names are taken as given (case-sensitive, not trimmed) and never free again, even
   * after the user is deleted: a taken name is a `ConflictError` with SQLite's text. `POST /1/users`
   * @example
   * const alice = await client.users.create({ name: 'alice' });
   * console.log(alice.token);
   */
  create(params: UserCreateParams, options?: RequestOptions): ApiPromise<User> {
    return ApiPromise.try(() => {
      assertString('name', params?.name, 'users.create');
      return this.client.request('post', '/1/users', { body: { name: params.name } }, options) as unknown as ApiPromise<User>;
    });
  }

  /**
   * Deletes a user: their token stops working at once, their usage stays. Root cannot be deleted ("invalid user
   * id", a `ValidationError`); an unknown or already deleted id succeeds, as upstream answers it. `DELETE /1/users/:id`
   * @example
   * await client.users.delete(alice.id);
   */
  delete(id: number, options?: RequestOptions): ApiPromise<void> {
    return this.client.remove('/1/users/{id}', { path: { id: String(id) } }, options);
  }

  /**
   * Gives a user a new token (`token`, or a new UUID) and answers the user; the old token stops working at once.
   * Resetting root's own token ends this client's: continue with `client.withToken(user.token)`. An unknown or
   * deleted id is a `NotFoundError`, a token another user has a `ConflictError`. `POST /1/users/:id/reset`
   * @example
   * const { token } = await client.users.resetToken(alice.id);
   * await client.users.resetToken(alice.id, { token: 'alice-2026' });
   */
  resetToken(id: number, params: UserResetParams = {}, options?: RequestOptions): ApiPromise<User> {
    return ApiPromise.try(() => {
      if (params.token !== undefined) assertToken('token', params.token, 'users.resetToken');
      const query = params.token === undefined ? {} : { token: params.token };
      return this.client.request('post', '/1/users/{id}/reset', { path: { id: String(id) }, query }, options);
    });
  }
}
