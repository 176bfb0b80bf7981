import { createContractValidator } from '../contract/validator.js';

// One validator per document, shared by every test file of a worker. Problems are collected as
// responses arrive and asserted after each test (contract-setup.ts), so the failing test is named.
const validators = { newapi: createContractValidator('openapi/newapi.yaml') };
const problems: string[] = [];

/** The reference server's `onResponse` observer: records every way a response departs from the document. */
export function contractObserver(dialect: keyof typeof validators) {
  return async (request: Request, response: Response): Promise<void> => {
    const found = await validators[dialect].check(request, response);
    const { pathname } = new URL(request.url);
    for (const problem of found) problems.push(`${request.method} ${pathname} → ${response.status}: ${problem}`);
  };
}

/** Returns and clears what was recorded since the last call. */
export function takeContractProblems(): string[] {
  return problems.splice(0);
}
