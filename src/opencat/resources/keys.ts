/**
 * The upstream API keys the team server spends (OpenAI, Azure, Claude, Google), as root manages them. Routes
 * under `/1/keys`.
 * @module
 */
import { ApiPromise } from '../../core/api-promise.js';
import type { RequestOptions } from '../../core/options.js';
import type { PagePromise } from '../../core/page.js';
import { Resource } from '../../core/resource.js';
import { assertString } from '../../core/validate.js';
import type { OpenCatClient } from '../client.js';
import type { Body, Item } from '../internal/types.js';

/**
 * A key as the server answers it, the key itself in clear: `ApiType` (`openai`, `azure`, `claude`, `google` or
 * what `api_type` said), `EndPoint`, `ResourceNmae` (sic) and `DeploymentName` as opencatd-open names them. The edge
 * implementation answers only `{id, name, key}`, and masks `key` in lists (`sk-abcd000…0wxyz`).
 */
export interface Key extends Item<'/1/keys'> {}
/** Body of `POST /1/keys`. The name's prefix decides the type first: see {@link Keys.create}. */
export interface KeyCreateParams extends Required<Pick<Body<'/1/keys', 'post'>, 'name' | 'key'>>, Pick<Body<'/1/keys', 'post'>, 'api_type' | 'endpoint'> {}

/** The types a name prefix forces, whatever `api_type` says. */
const PREFIXES = ['azure', 'claude', 'google'] as const;

/** List, add and delete the team's upstream keys (root only). */
export class Keys extends Resource<OpenCatClient> {
  /**
   * Every key, in clear; one page holds them all. `GET /1/keys`
   * @example
   * for await (const key of client.keys.list()) console.log(key.name, key.ApiType);
   */
  list(options?: RequestOptions): PagePromise<Key, number | undefined> {
    return this.client.page('/1/keys', {}, options);
  }

  /**
   * Adds a key. The server trims the key, trims and lower-cases the name, and picks the type by the name first:
   * - `azure.<resource>…`: ApiType `azure`, `ResourceNmae` the name's second dot-separated part, `endpoint` kept;
   * - `claude.<x>`: ApiType `claude`, `endpoint` kept or `https://api.anthropic.com`;
   * - `google.<x>`: ApiType `google`, `endpoint` kept;
   * - any other name: ApiType `api_type` as given (`openai`, `azure_openai`, …; the resource name read from an
   *   `https://<resource>.openai.azure.com` endpoint), or `openai` without `api_type`, and then `endpoint` is dropped.
   *
   * So that nothing is silently dropped, this throws a `TypeError` before sending when the server would ignore a
   * field: an `api_type` other than the prefix's on a prefixed name, or an `endpoint` without `api_type` on a plain
   * name. A taken name or key is a `ConflictError` (HTTP 500 upstream). `POST /1/keys`
   * @example
   * await client.keys.create({ name: 'main', key: 'sk-…' }); // openai
   * await client.keys.create({ name: 'azure.myres', key: '…', endpoint: 'https://myres.openai.azure.com' });
   * await client.keys.create({ name: 'claude.team', key: 'sk-ant-…' });
   */
  create(params: KeyCreateParams, options?: RequestOptions): ApiPromise<Key> {
    return ApiPromise.try(() => {
      assertString('name', params?.name, 'keys.create');
      assertString('key', params.key, 'keys.create');
      assertHeeded(params);
      return this.client.request('post', '/1/keys', { body: params }, options);
    });
  }

  /**
   * Deletes a key for good; its id is never handed out again. An unknown id succeeds, as upstream answers it; 0 is
   * "invalid key id" (a `ValidationError`). `DELETE /1/keys/:id`
   * @example
   * await client.keys.delete(key.id);
   */
  delete(id: number, options?: RequestOptions): ApiPromise<void> {
    return this.client.remove('/1/keys/{id}', { path: { id: String(id) } }, options);
  }
}

/** Refuses the fields opencatd-open would ignore for this name (its `HandleAddKey` branches, c11824f). */
function assertHeeded(params: KeyCreateParams): void {
  const name = params.name.trim().toLowerCase();
  const prefix = PREFIXES.find((type) => name.startsWith(`${type}.`));
  const apiType = params.api_type ?? '';
  if (prefix !== undefined && apiType !== '' && apiType !== prefix) {
    throw new TypeError(
      `Failed to call keys.create: a name starting with \`${prefix}.\` makes a key of type \`${prefix}\`, so \`api_type\` "${apiType}" would be ignored. Please leave out \`api_type\` or rename the key.`,
    );
  }
  if (prefix === undefined && apiType === '' && (params.endpoint ?? '') !== '') {
    throw new TypeError(
      "Failed to call keys.create: the server drops `endpoint` for a key without `api_type`. Please pass `api_type` (e.g. 'openai') with it, or leave out `endpoint`.",
    );
  }
}
