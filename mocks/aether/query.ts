/**
 * FastAPI's query-parameter validation, which runs before upstream's pipeline (so before authentication): every
 * bad parameter is one entry of a 422 `{"detail": [...]}` with pydantic's `type`, `loc`, `msg`, `input` and `ctx`.
 * A repeated parameter counts by its last value, as Starlette's `QueryParams.get` reads it.
 * @module
 */
import type { RequestContext } from '../core/types.js';
import { json } from './envelope.js';
import { parseIntQuery, parsePythonBool } from './pydantic.js';
import { parsePythonDatetime } from './python-datetime.js';
import type { AetherState } from './state.js';

/** One entry of FastAPI's 422 body. */
export interface QueryIssue {
  type: string;
  loc: ['query', string];
  msg: string;
  input: string | null;
  ctx?: Record<string, unknown>;
}

/** How one parameter is read. */
export type QueryParam =
  | { kind: 'int'; default: number; ge?: number; le?: number }
  | { kind: 'bool' }
  | { kind: 'datetime' }
  | { kind: 'str'; required?: boolean };

/** What the parameters read as: numbers, booleans, epoch milliseconds, strings; `undefined` when not sent. */
export type QueryValues = Record<string, number | boolean | string | undefined>;

/** Thrown when a parameter is bad; the route answers its 422. */
export class QueryError extends Error {
  override name = 'QueryError';
  constructor(readonly issues: QueryIssue[]) {
    super('query validation failed');
  }
}

/**
 * The parameters of `spec` read from the request, or a {@link QueryError} listing every bad one.
 *
 * @example
 * const { skip, limit } = readQuery(ctx, { skip: { kind: 'int', default: 0, ge: 0 }, limit: { kind: 'int', default: 100, ge: 1, le: 1000 } });
 */
export function readQuery(ctx: RequestContext<AetherState>, spec: Record<string, QueryParam>): QueryValues {
  const values: QueryValues = {};
  const issues: QueryIssue[] = [];
  for (const [name, param] of Object.entries(spec)) {
    const raw = ctx.query.getAll(name).at(-1);
    const loc: ['query', string] = ['query', name];
    if (raw === undefined) {
      if (param.kind === 'str' && param.required) issues.push({ type: 'missing', loc, msg: 'Field required', input: null });
      values[name] = param.kind === 'int' ? param.default : undefined;
      continue;
    }
    const read = readOne(param, raw, loc);
    if ('issue' in read) issues.push(read.issue);
    else values[name] = read.value;
  }
  if (issues.length > 0) throw new QueryError(issues);
  return values;
}

/**
 * The 422 answer of a {@link QueryError}.
 *
 * @example
 * return queryErrorResponse(error);
 */
export function queryErrorResponse(error: QueryError): Response {
  return json({ detail: error.issues }, 422);
}

function readOne(param: QueryParam, raw: string, loc: ['query', string]): { value: number | boolean | string } | { issue: QueryIssue } {
  switch (param.kind) {
    case 'str':
      return { value: raw };
    case 'bool': {
      const value = parsePythonBool(raw);
      return value === undefined ? { issue: { type: 'bool_parsing', loc, msg: 'Input should be a valid boolean, unable to interpret input', input: raw } } : { value };
    }
    case 'datetime': {
      const parsed = parsePythonDatetime(raw);
      return parsed.ok
        ? { value: parsed.ms }
        : { issue: { type: 'datetime_from_date_parsing', loc, msg: `Input should be a valid datetime or date, ${parsed.error}`, input: raw, ctx: { error: parsed.error } } };
    }
    case 'int': {
      const value = parseIntQuery(raw);
      if (value === undefined) return { issue: { type: 'int_parsing', loc, msg: 'Input should be a valid integer, unable to parse string as an integer', input: raw } };
      if (param.ge !== undefined && value < param.ge) return { issue: { type: 'greater_than_equal', loc, msg: `Input should be greater than or equal to ${param.ge}`, input: raw, ctx: { ge: param.ge } } };
      if (param.le !== undefined && value > param.le) return { issue: { type: 'less_than_equal', loc, msg: `Input should be less than or equal to ${param.le}`, input: raw, ctx: { le: param.le } } };
      return { value };
    }
  }
}
