import type { HttpMethod, RequestBody, RequestQuery, ResponseData } from '../../core/operation.js';
import type { paths } from '../generated/schema.js';

/** Shorthands bound to opencat's generated `paths` (bare answers), so resource files stay one line per alias. */
export type Body<P extends keyof paths, M extends HttpMethod> = RequestBody<paths, P, M>;
export type Query<P extends keyof paths, M extends HttpMethod> = RequestQuery<paths, P, M>;
/**
 * The data a route resolves to. The document lists the `{"error": …}` bodies among a route's HTTP 200 answers, as
 * upstream sends them; the reader throws those, so they are left out here.
 */
export type Data<P extends keyof paths, M extends HttpMethod> = Exclude<ResponseData<paths, P, M, 'bare'>, { error: unknown }>;
/** The item of a list route's bare array. */
export type Item<P extends keyof paths> = Data<P, 'get'> extends ReadonlyArray<infer T> ? T : never;
