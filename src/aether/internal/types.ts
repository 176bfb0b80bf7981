import type { HttpMethod, RequestBody, RequestQuery, ResponseData } from '../../core/operation.js';
import type { PageParams } from '../../core/page.js';
import type { components, paths } from '../generated/schema.js';

/** Shorthands bound to aether's generated `paths` (bare answers), so resource files stay one line per alias. */
export type Body<P extends keyof paths, M extends HttpMethod> = RequestBody<paths, P, M>;
export type Query<P extends keyof paths, M extends HttpMethod> = RequestQuery<paths, P, M>;
export type Data<P extends keyof paths, M extends HttpMethod> = ResponseData<paths, P, M, 'bare'>;

/** A skip/limit list route's filters with the SDK's `page` / `pageSize` in place of the wire's `skip` / `limit`. */
export type ListParams<P extends keyof paths> = PageParams & Omit<Query<P, 'get'>, 'skip' | 'limit'>;

/** The item type of a list route that answers a bare array. */
export type Item<P extends keyof paths> = Data<P, 'get'> extends ReadonlyArray<infer T> ? T : never;

/** A named schema of the document (`components.schemas`), for a model no route alias reaches. */
export type Schema<N extends keyof components['schemas']> = components['schemas'][N];
