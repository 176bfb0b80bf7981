import type { EnvelopeData } from './envelope.js';

/** The HTTP methods an OpenAPI path item can hold, as openapi-typescript names them. */
export type HttpMethod = 'get' | 'put' | 'post' | 'delete' | 'patch' | 'head' | 'options';

/** The operation object of `Paths[P][M]` from the generated schema. */
export type Operation<Paths, P extends keyof Paths, M extends HttpMethod> = Paths[P] extends { [K in M]: infer O } ? O : never;

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

/** The JSON body of an operation's success answer. */
export type SuccessBody<Op> = Op extends { responses: infer R }
  ? { [S in keyof R & SuccessStatus]: R[S] extends { content: { 'application/json': infer B } } ? B : never }[keyof R & SuccessStatus]
  : never;

/** The data an operation resolves to once its envelope is unwrapped. */
export type OperationData<Op> = EnvelopeData<SuccessBody<Op>>;

/** The JSON body `Paths[P][M]` takes. */
export type RequestBody<Paths, P extends keyof Paths, M extends HttpMethod> = NonNullable<OperationInit<Operation<Paths, P, M>>['body']>;

/** The query `Paths[P][M]` takes. */
export type RequestQuery<Paths, P extends keyof Paths, M extends HttpMethod> = NonNullable<OperationInit<Operation<Paths, P, M>>['query']>;

/** The unwrapped data `Paths[P][M]` answers with. */
export type ResponseData<Paths, P extends keyof Paths, M extends HttpMethod> = OperationData<Operation<Paths, P, M>>;
