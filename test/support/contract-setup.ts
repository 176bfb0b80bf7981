import { afterEach, expect } from 'vitest';
import { takeContractProblems } from './contract.js';

// Every response the reference server gave during a test must be described by its OpenAPI document.
afterEach(() => {
  expect(takeContractProblems(), 'responses that openapi/ does not describe').toEqual([]);
});
