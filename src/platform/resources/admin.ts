/**
 * Platform administration. Routes under `/admin/v1/`; every one needs `platform_role: admin`.
 * @module
 */
import { Resource } from '../../core/resource.js';
import type { PlatformClient } from '../client.js';
import { AdminUsers } from './admin-users.js';
import { AdminVerifications } from './admin-verifications.js';

/** Users and verification review, for platform admins. */
export class Admin extends Resource<PlatformClient> {
  /** List, read, freeze and unfreeze users. Routes under `/admin/v1/users`. */
  readonly users: AdminUsers = new AdminUsers(this.client);
  /** Review real-name and enterprise submissions. Routes under `/admin/v1/verifications`. */
  readonly verifications: AdminVerifications = new AdminVerifications(this.client);
}
