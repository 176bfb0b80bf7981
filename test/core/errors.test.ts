import { expect, test, vi } from 'vitest';
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
  isGatewayError,
} from '../../src/index.js';
import * as root from '../../src/index.js';
import { TwoFactorRequiredError, isTwoFactorRequiredError } from '../../src/newapi/index.js';
import { createApiError } from '../../src/core/index.js';

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

test('a reader that decides overrides the status: a 403 "record not found" can be a NotFoundError', () => {
  expect(createApiError({ ...base, status: 403 }, 'not_found', true)).toBeInstanceOf(NotFoundError);
  expect(createApiError({ ...base, status: 403 }, 'not_found')).toBeInstanceOf(PermissionDeniedError);
});

test('every error class has a guard that holds for an error of another copy of the package (ESM and CJS together)', async () => {
  vi.resetModules();
  // A query makes the module loader treat each file as another module: a second copy of every class.
  const again = (path: string) => import(/* @vite-ignore */ `${path}?second-copy`);
  const copy = (await again('../../src/index.js')) as typeof root;
  const twoFactor = (await again('../../src/newapi/two-factor-required-error.js')) as typeof import('../../src/newapi/two-factor-required-error.js');
  expect(copy.NotFoundError).not.toBe(root.NotFoundError);
  const foreign = createApiErrorOf(copy, 404);
  expect(foreign).not.toBeInstanceOf(root.NotFoundError);
  expect(root.isNotFoundError(foreign)).toBe(true);
  expect(root.isApiError(foreign)).toBe(true);
  expect(root.isConflictError(foreign)).toBe(false);
  const classes = ['Abort', 'Api', 'Authentication', 'Conflict', 'Connection', 'NotFound', 'PermissionDenied', 'RateLimit', 'Server', 'Timeout', 'Validation'] as const;
  for (const name of classes) {
    const guard = root[`is${name}Error`] as (value: unknown) => boolean;
    const Ctor = copy[`${name}Error`] as unknown as new (init: never) => Error;
    const made = new Ctor((name === 'Timeout' ? 1000 : { ...base, status: 500 }) as never);
    expect(guard(made), name).toBe(true);
    expect(guard(new Error('x')), name).toBe(false);
  }
  expect(root.isConnectionError(new copy.TimeoutError(5))).toBe(true);
  expect(root.isTimeoutError(new copy.ConnectionError())).toBe(false);
  expect(isTwoFactorRequiredError(new twoFactor.TwoFactorRequiredError())).toBe(true);
  expect(isTwoFactorRequiredError(new TwoFactorRequiredError())).toBe(true);
  const unsupported = new copy.UnsupportedOperationError({ dialect: 'platform', operation: 'users.create', alternative: 'native.members.invite' });
  expect(unsupported).not.toBeInstanceOf(root.UnsupportedOperationError);
  expect(root.isUnsupportedOperationError(unsupported)).toBe(true);
  expect(root.isGatewayError(unsupported)).toBe(true);
  expect(root.isApiError(unsupported)).toBe(false);
  expect(root.isUnsupportedOperationError(createApiErrorOf(copy, 404))).toBe(false);
});

function createApiErrorOf(copy: typeof root, status: number) {
  return new copy.NotFoundError({ ...base, status });
}

test('toJSON keeps the message, status and redacted request, and drops the body, headers and cause', () => {
  const err = createApiError({
    ...base,
    status: 429,
    message: 'Too many logins',
    body: { data: { access_token: 'at_secret' } },
    headers: new Headers({ 'set-cookie': 'session=s3cret' }),
    retryAfter: 2000,
  });
  const json = JSON.stringify(err);
  expect(JSON.parse(json)).toEqual({ name: 'RateLimitError', message: 'Too many logins', status: 429, dialect: 'newapi', request: base.request, retryAfter: 2000 });
  expect(json).not.toContain('s3cret');
  expect(json).not.toContain('at_secret');
  expect(JSON.parse(JSON.stringify(new GatewayError('boom', { cause: { password: 'hunter2' } })))).toEqual({ name: 'GatewayError', message: 'boom' });
});
