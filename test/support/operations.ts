import { readFileSync } from 'node:fs';
import { parse } from 'yaml';

/** One operation of an OpenAPI document, keyed `METHOD /path/{template}` as tables in tests name it. */
export interface DocumentedOperation {
  key: string;
  method: string;
  path: string;
  /** `security: []`: no login needed. */
  public: boolean;
  hasBody: boolean;
  /** Path parameters, e.g. `['id']` for `/api/user/{id}`. */
  pathParams: string[];
}

interface Operation {
  security?: unknown[];
  requestBody?: unknown;
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
  const document = parse(readFileSync(specPath, 'utf8')) as { paths: Record<string, Partial<Record<string, Operation>>> };
  return Object.entries(document.paths).flatMap(([path, item]) =>
    METHODS.filter((method) => item[method]).map((method) => {
      const operation = item[method]!;
      return {
        key: `${method.toUpperCase()} ${path}`,
        method: method.toUpperCase(),
        path,
        public: Array.isArray(operation.security) && operation.security.length === 0,
        hasBody: operation.requestBody !== undefined,
        pathParams: [...path.matchAll(/\{(\w+)\}/g)].map((match) => match[1]!),
      };
    }),
  );
}
