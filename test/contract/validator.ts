/**
 * Checks real responses against an OpenAPI 3.1 document. The test suites run every answer of the
 * reference server through it, so a response the document does not describe fails the run.
 * @module
 */
import { readFileSync } from 'node:fs';
import Ajv2020, { type ErrorObject, type ValidateFunction } from 'ajv/dist/2020';
import addFormats from 'ajv-formats';
import { parse } from 'yaml';
// The control API of the reference server is in no dialect's contract: openapi/control.yaml documents it.
import { isSandboxPath } from '../../mocks/core/control.js';

/**
 * Checks one exchange; an empty array means the response conforms. Problems do not repeat the
 * method, path and status: the caller knows them and prefixes them (see test/support/contract.ts).
 */
export interface ContractValidator {
  check(request: Request, response: Response): Promise<string[]>;
}

interface ResponseObject {
  $ref?: string;
  content?: Record<string, { schema?: unknown }>;
  /**
   * The answer may also come with no body at all. OpenAPI has one response per status, so a status that two
   * middlewares answer, one with JSON and one empty (new-api's 429s), needs this extension to be described.
   */
  'x-body-optional'?: boolean;
}
interface OperationObject {
  tags?: string[];
  responses?: Record<string, ResponseObject>;
}
type PathItem = Partial<Record<string, OperationObject>>;
interface OpenApiDocument {
  paths?: Record<string, PathItem>;
  components?: Record<string, unknown>;
}
interface Route {
  template: string;
  item: PathItem;
  /** A string for a static segment, a RegExp for one with `{params}`. */
  segments: (string | RegExp)[];
}

/**
 * What a validator checks: a dialect's own document (`'dialect'`, everything outside `/__mock/`), or the control
 * document as one dialect's sandbox answers it (`{ control: 'aether' }`, everything under `/__mock/`).
 */
export type ContractScope = 'dialect' | { control: string };

/** The `$id` under which the document's paths and components are registered, so `#/components/...` refs resolve. */
const DOCUMENT_ID = 'urn:gatewaykit:contract';

/**
 * Loads and compiles `specPath` once; schemas are compiled lazily and cached per location.
 * @example
 * const contract = createContractValidator('openapi/newapi.yaml');
 * const control = createContractValidator('openapi/control.yaml', { control: 'newapi' });
 * expect(await contract.check(request, response)).toEqual([]);
 */
export function createContractValidator(specPath: string, scope: ContractScope = 'dialect'): ContractValidator {
  const document = parse(readFileSync(specPath, 'utf8')) as OpenApiDocument;
  const control = scope !== 'dialect';
  const routes = buildRoutes(document, control ? scope.control : undefined);
  const ajv = createAjv(document, control ? scope.control : undefined);
  const compiled = new Map<string, ValidateFunction>();

  const validatorAt = (pointer: string): ValidateFunction => {
    let validate = compiled.get(pointer);
    if (!validate) {
      validate = ajv.compile({ $ref: `${DOCUMENT_ID}#${pointer}` });
      compiled.set(pointer, validate);
    }
    return validate;
  };

  return {
    async check(request, response) {
      const method = request.method.toLowerCase();
      const { pathname } = new URL(request.url);
      // A dialect's document leaves out the control API, which the control document covers whole: its shared
      // routes and each dialect's own (tagged with the dialect). `/__mock` itself redirects to the inspector page.
      if (isSandboxPath(pathname) !== control) return [];
      const found = findOperation(routes, method, pathname);
      // A sandbox path that no route of this sandbox serves gets the dialect's own 404 (405 where its framework
      // answers one), which its document describes; any other answer there comes from a route left undocumented.
      if (typeof found === 'string') return control && isUnrouted(routes, pathname, response.status) ? [] : [found];

      const operationPointer = `/paths/${escapePointer(found.template)}/${method}`;
      const documented = findResponse(document, found.operation, operationPointer, response.status);
      if (!documented) return [`status ${response.status} is not documented for this operation`];

      // Clone so that the caller (the SDK under test) can still read the body.
      const body = await response.clone().text();
      const content = documented.response.content;
      if (!content || Object.keys(content).length === 0) {
        return body.length === 0 ? [] : ['the documented response has no content, got a body'];
      }
      if (body.length === 0) return documented.response['x-body-optional'] === true ? [] : ['empty body, the documented response has content'];

      const contentType = response.headers.get('content-type') ?? '';
      const mediaType = matchMediaType(Object.keys(content), contentType);
      if (!mediaType) return [`content type "${contentType}" is not documented`];
      if (!isJson(mediaType) || content[mediaType]?.schema === undefined) return [];

      let json: unknown;
      try {
        json = JSON.parse(body);
      } catch {
        return ['body is not valid JSON'];
      }
      const validate = validatorAt(`${documented.pointer}/content/${escapePointer(mediaType)}/schema`);
      return validate(json) ? [] : formatErrors(validate.errors ?? []);
    },
  };
}

function createAjv(document: OpenApiDocument, dialect: string | undefined): Ajv2020 {
  // allErrors gives test authors every problem at once; union types are how 3.1 writes nullable.
  const ajv = new Ajv2020({ strict: true, allErrors: true, allowUnionTypes: true });
  addFormats(ajv);
  // One control route answers in a different shape per sandbox (`POST /__mock/usages`): OpenAPI has one operation
  // per method, so its answer is a `oneOf` whose branches name their dialect. Another dialect's branch never
  // matches here, so an opencat sandbox that answered aether's shape is reported.
  ajv.addKeyword({ keyword: 'x-dialect', schemaType: 'string', errors: false, validate: (owner: string) => dialect === undefined || owner === dialect });
  // OpenAPI keywords that are not JSON Schema; strict mode would reject them as typos otherwise.
  ajv.addVocabulary(['example', 'discriminator', 'xml', 'externalDocs']);
  // `paths` and `components` are registered as a root schema, so that refs written as
  // `#/components/schemas/X` resolve exactly as in the document. ajv compiles that root too, so its
  // two container keys are declared as (inert) keywords.
  ajv.addVocabulary(['paths', 'components']);
  ajv.addSchema({ $id: DOCUMENT_ID, paths: document.paths, components: document.components });
  return ajv;
}

/**
 * The document's paths; for one dialect's sandbox (`tagged`), only the operations it serves: those tagged
 * `control` (every sandbox's) or with its name.
 */
function buildRoutes(document: OpenApiDocument, tagged?: string): Route[] {
  const served = (operation: OperationObject | undefined) => !tagged || !operation?.tags || operation.tags.includes('control') || operation.tags.includes(tagged);
  const routes = Object.entries(document.paths ?? {})
    .map(([template, item]) => ({
      template,
      item: Object.fromEntries(Object.entries(item).filter(([, operation]) => served(operation))) as PathItem,
      segments: template.split('/').map(toSegment),
    }))
    .filter((route) => Object.keys(route.item).length > 0);
  // Static segments win over templated ones, left to right (so `/api/user/search` beats `/api/user/{id}`).
  return routes.sort((a, b) => compareSpecificity(a.segments, b.segments) || a.template.localeCompare(b.template));
}

function toSegment(segment: string): string | RegExp {
  if (!segment.includes('{')) return segment;
  const parts = segment.split(/(\{[^}]+\})/).filter(Boolean);
  const source = parts.map((part) => (part.startsWith('{') ? '[^/]+' : part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')));
  return new RegExp(`^${source.join('')}$`);
}

function compareSpecificity(a: (string | RegExp)[], b: (string | RegExp)[]): number {
  for (let index = 0; index < Math.min(a.length, b.length); index += 1) {
    const rank = Number(typeof a[index] !== 'string') - Number(typeof b[index] !== 'string');
    if (rank !== 0) return rank;
  }
  return a.length - b.length;
}

/**
 * The most specific path that has an operation for `method`. Like gin's per-method route trees, a
 * static path without that method falls through to a templated one (`GET /api/user/manage` is
 * served by `GET /api/user/{id}`).
 */
function findOperation(routes: Route[], method: string, pathname: string): { template: string; operation: OperationObject } | string {
  const requested = pathname.split('/');
  const matching = routes.filter((route) => matchesSegments(route.segments, requested));
  if (matching.length === 0) return `no path in the document matches ${pathname}`;
  for (const route of matching) {
    const operation = route.item[method];
    if (operation) return { template: route.template, operation };
  }
  const templates = matching.map((route) => route.template).join(', ');
  return `method ${method.toUpperCase()} is not documented for ${templates}`;
}

/** A 404 or 405 on a path that no route of the document has: what the dialect answers for a path it does not route. */
function isUnrouted(routes: Route[], pathname: string, status: number): boolean {
  return (status === 404 || status === 405) && !routes.some((route) => matchesSegments(route.segments, pathname.split('/')));
}

function matchesSegments(segments: (string | RegExp)[], requested: string[]): boolean {
  if (segments.length !== requested.length) return false;
  return segments.every((segment, index) => {
    const actual = requested[index] ?? '';
    return typeof segment === 'string' ? segment === safeDecode(actual) : actual !== '' && segment.test(actual);
  });
}

function findResponse(
  document: OpenApiDocument,
  operation: OperationObject,
  operationPointer: string,
  status: number,
): { response: ResponseObject; pointer: string } | undefined {
  const responses = operation.responses ?? {};
  const code = String(status);
  const key = [code, `${code[0]}XX`, `${code[0]}xx`, 'default'].find((candidate) => responses[candidate]);
  if (!key) return undefined;
  let pointer = `${operationPointer}/responses/${escapePointer(key)}`;
  let response = responses[key] as ResponseObject;
  // Follow local `$ref`s (shared components.responses); the pointer then names the component.
  for (let hops = 0; response.$ref && hops < 10; hops += 1) {
    if (!response.$ref.startsWith('#/')) throw new Error(`Failed to resolve ${response.$ref}: only local refs are supported.`);
    pointer = response.$ref.slice(1);
    response = resolvePointer(document, pointer) as ResponseObject;
  }
  return { response, pointer };
}

function resolvePointer(document: unknown, pointer: string): unknown {
  return pointer
    .split('/')
    .slice(1)
    .map((part) => part.replace(/~1/g, '/').replace(/~0/g, '~'))
    .reduce<unknown>((node, part) => (node as Record<string, unknown> | undefined)?.[part], document);
}

function matchMediaType(documented: string[], contentType: string): string | undefined {
  const actual = contentType.split(';')[0]?.trim().toLowerCase() ?? '';
  if (actual === '') return undefined;
  const [type] = actual.split('/');
  return (
    documented.find((candidate) => candidate.toLowerCase() === actual) ??
    documented.find((candidate) => candidate.toLowerCase() === `${type}/*`) ??
    documented.find((candidate) => candidate === '*/*')
  );
}

function isJson(mediaType: string): boolean {
  return /^application\/(?:[\w.-]+\+)?json$/i.test(mediaType);
}

function formatErrors(errors: ErrorObject[]): string[] {
  const lines = errors.map((error) => {
    const where = error.instancePath === '' ? 'body' : `body${error.instancePath}`;
    const params = error.params as Record<string, unknown>;
    // ajv's own text names a missing property but not an extra one.
    const detail = error.keyword === 'additionalProperties' ? `: ${String(params.additionalProperty)}` : '';
    return `${where} ${error.message ?? 'is invalid'}${detail}`;
  });
  return [...new Set(lines)];
}

function escapePointer(part: string): string {
  return part.replace(/~/g, '~0').replace(/\//g, '~1');
}

function safeDecode(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}
