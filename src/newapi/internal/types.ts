import type { HttpMethod, RequestBody, RequestQuery, ResponseData } from '../../core/operation.js';
import type { components, paths } from '../generated/schema.js';

/** Shorthands bound to new-api's generated `paths`, so resource files stay one line per alias. */
export type Body<P extends keyof paths, M extends HttpMethod> = RequestBody<paths, P, M>;
export type Query<P extends keyof paths, M extends HttpMethod> = RequestQuery<paths, P, M>;
export type Data<P extends keyof paths, M extends HttpMethod> = ResponseData<paths, P, M>;

/** A named schema of the document (`components.schemas`), for a model no route alias reaches. */
export type Schema<N extends keyof components['schemas']> = components['schemas'][N];
