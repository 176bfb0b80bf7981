/**
 * Users, from the caller's side: their own account. Routes under `/api/v1/users/`.
 * @module
 */
import { Resource } from '../../core/resource.js';
import type { PlatformClient } from '../client.js';
import { Me } from './me.js';

/** The `/api/v1/users/me` family. Registration is `client.auth.register()`. */
export class Users extends Resource<PlatformClient> {
  /** The caller's account, password and email codes. Routes under `/api/v1/users/me`. */
  readonly me: Me = new Me(this.client);
}
