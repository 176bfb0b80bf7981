import { expectTypeOf, test } from 'vitest';
import type { ResponseData } from '../../src/core/index.js';
import type { paths as NewApiPaths } from '../../src/newapi/generated/schema.js';
import type { BarePaths, BareUser } from './fixtures/bare-paths.js';

// Type tests: tsc checks them (`npx tsc -p tsconfig.json --noEmit`); at run time they are no-ops.

test('enveloped: a new-api route resolves to the envelope data, not the envelope', () => {
  type Self = ResponseData<NewApiPaths, '/api/user/self', 'get'>;
  expectTypeOf<Self>().toHaveProperty('username').toEqualTypeOf<string>();
  expectTypeOf<Self>().not.toHaveProperty('success');
});

test('bare: an object body is the data itself', () => {
  expectTypeOf<ResponseData<BarePaths, '/api/users/{user_id}', 'get', 'bare'>>().toEqualTypeOf<BareUser>();
  expectTypeOf<ResponseData<BarePaths, '/api/users', 'post', 'bare'>>().toEqualTypeOf<BareUser>();
  expectTypeOf<ResponseData<BarePaths, '/api/me/name', 'get', 'bare'>>().toEqualTypeOf<string>();
});

test('bare: an array body stays an array instead of collapsing to never', () => {
  expectTypeOf<ResponseData<BarePaths, '/api/users', 'get', 'bare'>>().toEqualTypeOf<BareUser[]>();
});

test('bare: a 204 answer resolves to undefined', () => {
  expectTypeOf<ResponseData<BarePaths, '/api/users/{user_id}', 'delete', 'bare'>>().toEqualTypeOf<undefined>();
});

test('read as enveloped, a bare body has no data: the shape parameter is what tells them apart', () => {
  expectTypeOf<ResponseData<BarePaths, '/api/users', 'get'>>().toBeNever();
});
