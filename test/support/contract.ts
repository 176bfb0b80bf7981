import { isSandboxPath } from '../../mocks/core/control.js';
import { DIALECTS } from '../../mocks/dialects.js';
import type { DialectName } from '../../mocks/index.js';
import { createContractValidator, type ContractValidator } from '../contract/validator.js';

// One validator per document (the dialect's `contract`), shared by every test file of a worker and built on first
// use. Problems are collected as responses arrive and asserted after each test (contract-setup.ts), so the
// failing test is named.
const validators = new Map<DialectName, ContractValidator>();
const validatorOf = (dialect: DialectName): ContractValidator => {
  let validator = validators.get(dialect);
  if (!validator) validators.set(dialect, (validator = createContractValidator(DIALECTS[dialect].contract)));
  return validator;
};
const problems: string[] = [];
// The control API's own document, checked for every dialect's `/__mock/` answers: the shared routes and the
// dialect's own, which it tags with the dialect's name.
const controls = new Map<DialectName, ContractValidator>();
const controlValidator = (dialect: DialectName): ContractValidator => {
  let validator = controls.get(dialect);
  if (!validator) controls.set(dialect, (validator = createContractValidator('openapi/control.yaml', { control: dialect })));
  return validator;
};

/** The reference server's `onResponse` observer: records every way a response departs from the document. */
export function contractObserver(dialect: DialectName) {
  return async (request: Request, response: Response): Promise<void> => {
    const found = [...(await validatorOf(dialect).check(request, response)), ...(await controlValidator(dialect).check(request, response))];
    if (dialect === 'platform') found.push(...(await platformCodeProblems(request, response)));
    const { pathname } = new URL(request.url);
    for (const problem of found) problems.push(`${request.method} ${pathname} → ${response.status}: ${problem}`);
  };
}

/** Returns and clears what was recorded since the last call. */
export function takeContractProblems(): string[] {
  return problems.splice(0);
}

/**
 * Platform's rule that a schema cannot state (decision 009): an error's `code` starts with its HTTP status,
 * `Math.floor(code / 100) === status`, and a success is `code: 0` with a 2xx.
 */
async function platformCodeProblems(request: Request, response: Response): Promise<string[]> {
  if (isSandboxPath(new URL(request.url).pathname)) return [];
  let body: unknown;
  try {
    body = JSON.parse(await response.clone().text());
  } catch {
    return ['body is not JSON'];
  }
  const code = (body as { code?: unknown } | null)?.code;
  if (typeof code !== 'number') return ['body has no numeric code'];
  if (code === 0) return response.status < 300 ? [] : [`code 0 with HTTP ${response.status}`];
  return Math.floor(code / 100) === response.status ? [] : [`code ${code} does not start with HTTP ${response.status}`];
}
