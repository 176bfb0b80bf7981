import { expect, test } from 'vitest';
import { goQuery } from '../../mocks/go/query.js';

test('goQuery: a pair with a semicolon or a bad escape is dropped, + is a space, the first value wins', () => {
  const query = goQuery(new URL('http://x/?token=a+b%21&token=second&bad=%zz&semi=1;2&empty'));
  expect(query.get('token')).toBe('a b!');
  expect(query.get('bad')).toBe('');
  expect(query.get('semi')).toBe('');
  expect(query.get('empty')).toBe('');
  expect(query.get('missing')).toBe('');
  expect(new URL('http://x/?bad=%zz').searchParams.get('bad')).toBe('%zz');
});
