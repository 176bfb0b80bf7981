/**
 * BurnCloud, a new-api deployment: a client preset with its base URLs.
 * @module
 */
import { NewApiClient, type NewApiClientOptions } from './client.js';

const MAIN = 'https://ai.burncloud.com';
const ENTERPRISE = 'https://b.burncloud.com';

/** Options of {@link burnCloudClient}: a {@link NewApiClient}'s, with the base URL optional. */
export interface BurnCloudClientOptions extends Omit<NewApiClientOptions, 'baseURL'> {
  /** Talk to the enterprise site, `https://b.burncloud.com`, instead of `https://ai.burncloud.com`. @default false */
  enterprise?: boolean;
  /** Overrides the site, e.g. a staging host or a local sandbox. @default per `enterprise` */
  baseURL?: string;
}

/**
 * A {@link NewApiClient} for BurnCloud (`https://ai.burncloud.com`, or `https://b.burncloud.com` with
 * `enterprise`). BurnCloud runs new-api's November 2025 line: Chinese messages, session cookie plus
 * `New-Api-User`. The SDK sends the bare user id; BurnCloud's docs show `Bearer <id>`, which the server
 * refuses with a 401.
 *
 * @example
 * const client = burnCloudClient({ enterprise: true });
 * await client.auth.login({ username: 'alice', password: 'correct-horse-1' });
 */
export function burnCloudClient(options: BurnCloudClientOptions = {}): NewApiClient {
  // `enterprise` rides along into the client's options, which ignore keys they do not know.
  return new NewApiClient({ ...options, baseURL: options.baseURL ?? (options.enterprise ? ENTERPRISE : MAIN) });
}
