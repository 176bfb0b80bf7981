import { expectTypeOf, test } from 'vitest';
import type { PagePromise } from '../../src/index.js';
import type { Key, OpenCatClient, Usage, User, UserProfile } from '../../src/opencat/index.js';

// Type tests: tsc checks them (`npx tsc -p tsconfig.json --noEmit`); at run time they are no-ops.
type Users = OpenCatClient['users'];

test('types: the lists are one unpaged page of the store shapes', () => {
  expectTypeOf<ReturnType<Users['list']>>().toEqualTypeOf<PagePromise<User, number | undefined>>();
  expectTypeOf<ReturnType<OpenCatClient['keys']['list']>>().toEqualTypeOf<PagePromise<Key, number | undefined>>();
  expectTypeOf<User>().toHaveProperty('IsDelete').toEqualTypeOf<false>();
  expectTypeOf<User>().toHaveProperty('CreatedAt').toEqualTypeOf<'0001-01-01T00:00:00Z'>();
  expectTypeOf<Key>().toHaveProperty('ResourceNmae').toEqualTypeOf<string>();
});

test('types: init and me answer the trimmed shape, without the gorm extras', () => {
  expectTypeOf<Awaited<ReturnType<Users['me']>>>().toEqualTypeOf<UserProfile>();
  expectTypeOf<Awaited<ReturnType<Users['init']>>>().toEqualTypeOf<UserProfile>();
  expectTypeOf<UserProfile>().not.toHaveProperty('ID');
  expectTypeOf<UserProfile>().toHaveProperty('createdAt').toEqualTypeOf<string>();
});

test('types: a resolved call never carries the {"error"} body the document lists among the 200s', () => {
  expectTypeOf<Awaited<ReturnType<Users['create']>>>().toEqualTypeOf<User>();
  expectTypeOf<Awaited<ReturnType<Users['resetToken']>>>().toEqualTypeOf<User>();
  expectTypeOf<Awaited<ReturnType<OpenCatClient['keys']['create']>>>().toEqualTypeOf<Key>();
  expectTypeOf<Awaited<ReturnType<OpenCatClient['usages']['list']>>>().toEqualTypeOf<Usage[]>();
  expectTypeOf<Usage>().toEqualTypeOf<{ userId: number; totalUnit: number; cost: string; costUsd: number }>();
});

test('types: ids are numbers, days YYYY-MM-DD, and a range has both ends or none', () => {
  // Never called: the lines only have to compile, or not.
  const _unused = (client: OpenCatClient) => {
    // @ts-expect-error an id is a number; the SDK sends its text
    void client.users.delete('2');
    // @ts-expect-error `to` is missing
    void client.usages.list({ from: '2030-01-01' });
    // @ts-expect-error not a YYYY-MM-DD day
    void client.usages.list({ from: 'March', to: 'April' });
    void client.usages.list({ from: '2030-01-01', to: '2030-02-01' });
    void client.usages.list();
  };
  expectTypeOf(_unused).toBeFunction();
});
