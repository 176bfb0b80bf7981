import type { HttpMethod, RequestBody, RequestQuery, ResponseData } from '../../core/operation.js';
import type { PageParams } from '../../core/page.js';
import type { components, paths } from '../generated/schema.js';

/** Shorthands bound to platform's generated `paths`, so resource files stay one line per alias. */
export type Body<P extends keyof paths, M extends HttpMethod> = RequestBody<paths, P, M>;
export type Query<P extends keyof paths, M extends HttpMethod> = RequestQuery<paths, P, M>;
export type Data<P extends keyof paths, M extends HttpMethod> = ResponseData<paths, P, M>;

/** A list route's filters with the SDK's `page` / `pageSize` in place of the wire's `page` / `page_size`. */
export type ListParams<P extends keyof paths> = PageParams & Omit<Query<P, 'get'>, 'page' | 'page_size'>;

/** The item type of a list route's page. */
export type Item<P extends keyof paths> = Data<P, 'get'> extends { items: Array<infer T> } ? T : never;

/** `Omit` that keeps a union a union (login takes `email` or `phone`). */
export type DistributiveOmit<T, K extends PropertyKey> = T extends unknown ? Omit<T, K> : never;

/**
 * A password route's body as callers write it: the plain password in the ciphertext's place and
 * no `key_id`, which the SDK fills in.
 */
export type WithPlainPasswords<T> = DistributiveOmit<T, 'key_id'>;

/** A named schema of the document (`components.schemas`), for a model no route alias reaches. */
export type Schema<N extends keyof components['schemas']> = components['schemas'][N];
