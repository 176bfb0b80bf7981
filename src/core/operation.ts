import type { EnvelopeData } from './envelope.js';

/** The HTTP methods an OpenAPI path item can hold, as openapi-typescript names them. */
export type HttpMethod = 'get' | 'put' | 'post' | 'delete' | 'patch' | 'head' | 'options';

/**
 * How a dialect's success answers carry their data: `enveloped` wraps it (new-api `{success, message, data}`,
 * platform `{code, message, data}`), `bare` is the data itself (FastAPI, gin: an object, an array, a string).
 * A type-level parameter of `BaseClient` (`gatewaykit/core`); the runtime reader is the dialect's `EnvelopeReader`.
 */
export type ResponseShape = 'enveloped' | 'bare';

/** The operation object of `Paths[P][M]` from the generated schema. */
export type Operation<Paths, P extends keyof Paths, M extends HttpMethod> = Paths[P] extends { [K in M]: infer O } ? O : never;

/** The routes of `Paths` that have method `M`. */
export type PathsWith<Paths, M extends HttpMethod> = { [P in keyof Paths]: Operation<Paths, P, M> extends never ? never : P }[keyof Paths] & string;

type QueryOf<Op> = Op extends { parameters: { query?: infer Q } } ? Q : never;
type PathOf<Op> = Op extends { parameters: { path?: infer Q } } ? Q : never;
type BodyOf<Op> = Op extends { requestBody?: { content: { 'application/json': infer B } } } ? B : never;

/** What one operation takes: its query, path params and JSON body, typed from the document. */
export interface OperationInit<Op> {
  query?: QueryOf<Op>;
  path?: PathOf<Op>;
  body?: BodyOf<Op>;
}

type SuccessStatus = 200 | 201 | 202;

/** The JSON body of an operation's success answer; `undefined` for a `204 No Content`. */
export type SuccessBody<Op> = Op extends { responses: infer R }
  ?
      | { [S in keyof R & SuccessStatus]: R[S] extends { content: { 'application/json': infer B } } ? B : never }[keyof R & SuccessStatus]
      | (204 extends keyof R ? undefined : never)
  : never;

/**
 * The data an operation resolves to: its envelope's `data` for an enveloped dialect, the body itself for a
 * bare one (so a bare array stays an array instead of collapsing to `never`).
 */
export type OperationData<Op, S extends ResponseShape = 'enveloped'> = S extends 'bare' ? SuccessBody<Op> : EnvelopeData<SuccessBody<Op>>;

/** The JSON body `Paths[P][M]` takes. */
export type RequestBody<Paths, P extends keyof Paths, M extends HttpMethod> = NonNullable<OperationInit<Operation<Paths, P, M>>['body']>;

/** The query `Paths[P][M]` takes. */
export type RequestQuery<Paths, P extends keyof Paths, M extends HttpMethod> = NonNullable<OperationInit<Operation<Paths, P, M>>['query']>;

/** The data `Paths[P][M]` answers with, unwrapped per the dialect's {@link ResponseShape}. */
export type ResponseData<Paths, P extends keyof Paths, M extends HttpMethod, S extends ResponseShape = 'enveloped'> = OperationData<Operation<Paths, P, M>, S>;

/**
 * The item type of a list route: `T` of a page object's `items: T[]` (new-api, platform) or of a bare `T[]`
 * (aether, opencat). `never` for a route that answers neither, so `page()` refuses it.
 */
export type PageItem<Paths, P extends keyof Paths, S extends ResponseShape = 'enveloped'> = ItemOf<NonNullable<ResponseData<Paths, P, 'get', S>>>;

type ItemOf<D> = D extends ReadonlyArray<infer T> ? T : D extends { items?: infer A } ? (NonNullable<A> extends ReadonlyArray<infer T> ? T : never) : never;
