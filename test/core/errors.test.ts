import { expect, test } from 'vitest';
import {
  ApiError,
  AuthenticationError,
  ConflictError,
  GatewayError,
  NotFoundError,
  PermissionDeniedError,
  RateLimitError,
  ServerError,
  ValidationError,
  createApiError,
  isGatewayError,
} from '../../src/index.js';

const base = { message: 'm', dialect: 'newapi', request: { method: 'GET', url: 'http://gw.test/x' } };

test('the status picks the error class', () => {
  expect(createApiError({ ...base, status: 401 })).toBeInstanceOf(AuthenticationError);
  expect(createApiError({ ...base, status: 403 })).toBeInstanceOf(PermissionDeniedError);
  expect(createApiError({ ...base, status: 404 })).toBeInstanceOf(NotFoundError);
  expect(createApiError({ ...base, status: 409 })).toBeInstanceOf(ConflictError);
  expect(createApiError({ ...base, status: 422 })).toBeInstanceOf(ValidationError);
  expect(createApiError({ ...base, status: 413 })).toBeInstanceOf(ValidationError);
  expect(createApiError({ ...base, status: 429 })).toBeInstanceOf(RateLimitError);
  expect(createApiError({ ...base, status: 503 })).toBeInstanceOf(ServerError);
});

test('an HTTP 200 error takes its class from the dialect hint, else stays a plain ApiError', () => {
  expect(createApiError({ ...base, status: 200 }, 'permission')).toBeInstanceOf(PermissionDeniedError);
  const plain = createApiError({ ...base, status: 200 });
  expect(plain.constructor).toBe(ApiError);
  expect(plain).toBeInstanceOf(GatewayError);
});

test('the status wins over the hint', () => {
  expect(createApiError({ ...base, status: 401 }, 'permission')).toBeInstanceOf(AuthenticationError);
});

test('errors carry status, dialect, request and body, and a name per class', () => {
  const err = createApiError({ ...base, status: 404, body: { success: false }, code: 'E1' });
  expect(err).toMatchObject({ status: 404, dialect: 'newapi', code: 'E1', name: 'NotFoundError', body: { success: false } });
  expect(err.request.url).toBe('http://gw.test/x');
});

test('RateLimitError carries retryAfter', () => {
  const err = createApiError({ ...base, status: 429, retryAfter: 2000 }) as RateLimitError;
  expect(err.retryAfter).toBe(2000);
});

test('isGatewayError recognises errors by brand, not by prototype, so it works across realms', () => {
  const err = new GatewayError('x');
  const foreign = Object.assign(Object.create(null), { message: 'x' });
  Object.defineProperty(foreign, Symbol.for('gatewaykit.error'), { value: true });
  expect(isGatewayError(err)).toBe(true);
  expect(isGatewayError(foreign)).toBe(true);
  expect(isGatewayError(new Error('x'))).toBe(false);
  expect(isGatewayError(null)).toBe(false);
});
