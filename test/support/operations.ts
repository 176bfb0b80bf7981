import { readFileSync } from 'node:fs';
import { parse } from 'yaml';

/**
 * Who may call an operation, from its effective `security` (its own, else the document's):
 * `none` for `[]`, `optional` when one alternative is the empty requirement `{}` (e.g.
 * `[{}, {bearerAuth: []}]`: anonymous callers are served, a token is read when sent), `required` otherwise.
 */
export type OperationAuth = 'none' | 'optional' | 'required';

/** One operation of an OpenAPI document, keyed `METHOD /path/{template}` as tables in tests name it. */
export interface DocumentedOperation {
  key: string;
  method: string;
  path: string;
  /** No login needed: `security: []`, or optional security such as `[{}, {bearerAuth: []}]`. */
  public: boolean;
  auth: OperationAuth;
  hasBody: boolean;
  /** Path parameters, e.g. `['id']` for `/api/user/{id}`. */
  pathParams: string[];
  /** The documented 2xx statuses, e.g. `[201]` for a creation. */
  successStatuses: number[];
}

type Security = Array<Record<string, unknown>>;

interface Operation {
  security?: Security;
  requestBody?: unknown;
  responses?: Record<string, unknown>;
}

const METHODS = ['get', 'put', 'post', 'delete', 'patch'] as const;

/**
 * Every operation the document describes, read from the document itself, so a test table that must
 * cover them all cannot silently miss a route added later.
 *
 * @example
 * const keys = documentedOperations('openapi/newapi.yaml').map((op) => op.key); // ['POST /api/user/register', ...]
 */
export function documentedOperations(specPath: string): DocumentedOperation[] {
  const document = parse(readFileSync(specPath, 'utf8')) as { security?: Security; paths: Record<string, Partial<Record<string, Operation>>> };
  return Object.entries(document.paths).flatMap(([path, item]) =>
    METHODS.filter((method) => item[method]).map((method) => {
      const operation = item[method]!;
      const auth = authOf(operation.security ?? document.security ?? []);
      return {
        key: `${method.toUpperCase()} ${path}`,
        method: method.toUpperCase(),
        path,
        public: auth !== 'required',
        auth,
        hasBody: operation.requestBody !== undefined,
        pathParams: [...path.matchAll(/\{(\w+)\}/g)].map((match) => match[1]!),
        successStatuses: Object.keys(operation.responses ?? {}).filter((status) => /^2\d\d$/.test(status)).map(Number),
      };
    }),
  );
}

function authOf(security: Security): OperationAuth {
  if (security.length === 0) return 'none';
  // Any one alternative satisfies the requirement, so an empty one means "no credentials is fine too".
  return security.some((requirement) => Object.keys(requirement).length === 0) ? 'optional' : 'required';
}
