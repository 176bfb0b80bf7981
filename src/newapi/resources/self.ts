/**
 * The logged-in user's own account. Routes under `/api/user/self`, `/api/user/models`, `/api/user/token`,
 * `/api/user/setting`.
 * @module
 */
import { ApiPromise, toVoid } from '../../core/api-promise.js';
import { Resource } from '../../core/resource.js';
import type { RequestOptions } from '../../core/options.js';
import { assertString } from '../../core/validate.js';
import type { NewApiCore } from '../core.js';
import type { Body, Data, Query, Schema } from '../internal/types.js';

/** The account as `GET /api/user/self` answers it. */
export interface SelfUser extends Data<'/api/user/self', 'get'> {}
/** A profile change of `PUT /api/user/self`; a new password needs `original_password`. */
export interface SelfProfileUpdate extends Schema<'SelfProfileUpdate'> {}
/** The `sidebar_modules` setting of `PUT /api/user/self`. */
export interface SelfSidebarUpdate extends Schema<'SelfSidebarUpdate'> {}
/** The `language` setting of `PUT /api/user/self`. */
export interface SelfLanguageUpdate extends Schema<'SelfLanguageUpdate'> {}
/**
 * Body of `PUT /api/user/self`: a profile change, or one of the `sidebar_modules` / `language` settings (the
 * document's `SelfUpdateRequest`, spelled as a union of named members so that signatures and hovers name it).
 */
export type SelfUpdateParams = SelfProfileUpdate | SelfSidebarUpdate | SelfLanguageUpdate;
/** The groups the user may use, with ratios. */
export interface SelfGroupTable extends Data<'/api/user/self/groups', 'get'> {}
/** Query of `GET /api/user/models`. */
export interface ModelListParams extends Query<'/api/user/models', 'get'> {}
/** Body of `PUT /api/user/setting`: the quota-warning channel and its own fields. */
export interface UserSettingParams extends Body<'/api/user/setting', 'put'> {}

/** Read and change the logged-in account. */
export class Self extends Resource<NewApiCore> {
  /**
   * The logged-in account. `GET /api/user/self`
   * @example
   * const me = await client.self.retrieve();
   * console.log(me.username, client.quotaToUsd(me.quota));
   */
  retrieve(options?: RequestOptions): ApiPromise<SelfUser> {
    return this.client.request('get', '/api/user/self', {}, options);
  }

  /**
   * Changes the profile (a new password needs `original_password`), or saves `sidebar_modules` or
   * `language` when the body has that key. `PUT /api/user/self`
   * @example
   * await client.self.update({ display_name: 'Alice' });
   */
  update(params: SelfUpdateParams, options?: RequestOptions): ApiPromise<void> {
    return this.client.request('put', '/api/user/self', { body: params }, options).map(toVoid);
  }

  /**
   * Sets the quota-warning notifications (email, webhook, Bark or Gotify). The server replaces the whole
   * stored setting, so a `sidebar_modules` or `language` saved with `update()` is reset as well.
   * `PUT /api/user/setting`
   * @example
   * await client.self.updateSettings({ notify_type: 'webhook', quota_warning_threshold: 500_000, webhook_url: 'https://example.com/hook' });
   */
  updateSettings(params: UserSettingParams, options?: RequestOptions): ApiPromise<void> {
    return ApiPromise.try(() => {
      assertString('notify_type', params?.notify_type, 'self.updateSettings');
      return this.client.request('put', '/api/user/setting', { body: params }, options).map(toVoid);
    });
  }

  /**
   * Deletes the account (soft delete; the username can never be registered again). Refused for root.
   * `DELETE /api/user/self`
   * @example
   * await client.self.delete();
   */
  delete(options?: RequestOptions): ApiPromise<void> {
    return this.client.request('delete', '/api/user/self', {}, options).map(toVoid);
  }

  /**
   * The groups this user may use, with their ratios. `GET /api/user/self/groups`
   * @example
   * const groups = await client.self.groups();
   */
  groups(options?: RequestOptions): ApiPromise<SelfGroupTable> {
    return this.client.request('get', '/api/user/self/groups', {}, options);
  }

  /**
   * The models this user may call; an empty list when none (the server says `null`). `GET /api/user/models`
   * @example
   * const models = await client.self.models({ group: 'default' });
   */
  models(params: ModelListParams = {}, options?: RequestOptions): ApiPromise<string[]> {
    return this.client.request('get', '/api/user/models', { query: params }, options).map((data) => data ?? []);
  }

  /**
   * Creates a new system access token, replacing the previous one. With `use: true` this client
   * also sends it on its following calls. `GET /api/user/token`
   * @example
   * const token = await client.self.generateAccessToken();
   * const api = new NewApiClient({ baseURL, accessToken: token, userId: me.id });
   */
  generateAccessToken(params: { use?: boolean } = {}, options?: RequestOptions): ApiPromise<string> {
    return this.client.request('get', '/api/user/token', {}, options).map((token) => {
      if (params?.use) this.client.session.set({ accessToken: token });
      return token;
    });
  }
}
