/**
 * The public group table. `GET /api/user/groups`
 * @module
 */
import { ApiPromise } from '../../core/api-promise.js';
import { Resource } from '../../core/resource.js';
import type { RequestOptions } from '../../core/options.js';
import type { NewApiCore } from '../core.js';
import type { Data } from '../internal/types.js';

/** Group name → `{ ratio, desc }`; `ratio` is the string `"自动"` for the `auto` group. */
export interface GroupTable extends Data<'/api/user/groups', 'get'> {}

/** Usable groups and their price ratios, readable without logging in. */
export class Groups extends Resource<NewApiCore> {
  /**
   * Every usable group with its ratio and description. `GET /api/user/groups`
   * @example
   * const groups = await client.groups.list();
   * console.log(groups.default?.ratio);
   */
  list(options?: RequestOptions): ApiPromise<GroupTable> {
    return this.client.request('get', '/api/user/groups', {}, options);
  }
}
