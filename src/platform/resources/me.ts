/**
 * The caller's own account. Routes under `/api/v1/users/me`.
 * @module
 */
import { ApiPromise, toVoid } from '../../core/api-promise.js';
import { Resource } from '../../core/resource.js';
import type { RequestOptions } from '../../core/options.js';
import type { PlatformClient } from '../client.js';
import type { components } from '../generated/schema.js';
import type { Body, Data } from '../internal/types.js';
import { assertAnyOf, assertStrings } from '../internal/validate.js';

type Schemas = components['schemas'];
/** The caller's account; the phone is masked (`138****8000`). */
export interface User extends Data<'/api/v1/users/me', 'get'> {}
/** Body of `PUT /api/v1/users/me`: `nickname` and/or `avatar` (`null` removes it). */
export interface UserUpdateParams extends Body<'/api/v1/users/me', 'put'> {}
/** The current and the new password, both **plain**; the SDK encrypts them under one key. */
export interface ChangePasswordParams {
  /** The current password, plain. */
  old_password: string;
  /** The new password, plain: 8–32 characters with letters and digits. */
  new_password: string;
}
/** Body of `POST /api/v1/users/me/verify/email`. */
export interface SendEmailCodeParams extends Body<'/api/v1/users/me/verify/email', 'post'> {}
/** Where the code went and when another may be sent. */
export interface EmailCodeSent extends Data<'/api/v1/users/me/verify/email', 'post'> {}
/**
 * The confirm step of each purpose; for `reset_password`, `new_password` is **plain** (the SDK encrypts it).
 * @useDeclaredType
 */
export type ConfirmEmailCodeParams =
  | Schemas['ConfirmRegisterEmail']
  | Schemas['ConfirmChangeEmail']
  | (Omit<Schemas['ConfirmResetPassword'], 'key_id' | 'new_password'> & {
      /** The new password, plain. */
      new_password: string;
    });
/** What was confirmed. */
export interface EmailConfirmation extends Data<'/api/v1/users/me/verify/email/confirm', 'post'> {}

/** Read and change the caller's account, password and email. */
export class Me extends Resource<PlatformClient> {
  /**
   * The caller's account. `GET /api/v1/users/me`
   * @example
   * const me = await client.users.me.retrieve();
   */
  retrieve(options?: RequestOptions): ApiPromise<User> {
    return this.client.request('get', '/api/v1/users/me', {}, options);
  }

  /**
   * Changes the nickname or the avatar; only the fields given change. `PUT /api/v1/users/me`
   * @example
   * await client.users.me.update({ nickname: '张三', avatar: null });
   */
  update(params: UserUpdateParams, options?: RequestOptions): ApiPromise<User> {
    return ApiPromise.try(() => {
      assertAnyOf(params, ['nickname', 'avatar'], 'users.me.update');
      return this.client.request('put', '/api/v1/users/me', { body: params }, options);
    });
  }

  /**
   * Changes the password; every other session of the user ends, this one stays. `PUT /api/v1/users/me/password`
   * @example
   * await client.users.me.changePassword({ old_password: 'Passw0rd!', new_password: 'N3w-passw0rd' });
   */
  changePassword(params: ChangePasswordParams, options?: RequestOptions): ApiPromise<void> {
    return ApiPromise.try(() => {
      assertStrings(params, ['old_password', 'new_password'], 'users.me.changePassword');
      const { old_password, new_password } = params;
      return this.client.withPasswords({ old_password, new_password }, (body) => this.client.request('put', '/api/v1/users/me/password', { body }, options), options).map(toVoid);
    });
  }

  /**
   * Emails a 6-digit code for `register` (verify the own email), `change_email` (the new address) or
   * `reset_password` (anonymous callers add a `captcha_token`). `POST /api/v1/users/me/verify/email`
   * @example
   * await client.users.me.sendEmailCode({ email: 'me@example.com', purpose: 'register' });
   */
  sendEmailCode(params: SendEmailCodeParams, options?: RequestOptions): ApiPromise<EmailCodeSent> {
    return ApiPromise.try(() => {
      assertStrings(params, ['email', 'purpose'], 'users.me.sendEmailCode');
      return this.client.request('post', '/api/v1/users/me/verify/email', { body: params }, options);
    });
  }

  /**
   * Confirms a code: verifies the email, switches to the new email, or sets a new password (which
   * ends every session of that account). `POST /api/v1/users/me/verify/email/confirm`
   * @example
   * await client.users.me.confirmEmailCode({ purpose: 'reset_password', email: 'me@example.com', code: '493027', new_password: 'N3w-passw0rd' });
   */
  confirmEmailCode(params: ConfirmEmailCodeParams, options?: RequestOptions): ApiPromise<EmailConfirmation> {
    return ApiPromise.try(() => {
      assertStrings(params, ['purpose', 'email', 'code'], 'users.me.confirmEmailCode');
      const send = (body: Body<'/api/v1/users/me/verify/email/confirm', 'post'>) => this.client.request('post', '/api/v1/users/me/verify/email/confirm', { body }, options);
      if (params.purpose !== 'reset_password') return send(params);
      assertStrings(params, ['new_password'], 'users.me.confirmEmailCode');
      const { new_password, ...rest } = params;
      return this.client.withPasswords({ new_password }, (fields) => send({ ...rest, ...fields }), options);
    });
  }
}
