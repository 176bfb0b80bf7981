import { expect, test } from 'vitest';
import { createRandom } from '../../mocks/core/random.js';
import { uuidV4, uuidV4Hex } from '../../mocks/core/uuid.js';

const V4 = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

test('uuidV4: canonical lowercase 8-4-4-4-12, version 4, variant 10', () => {
  const random = createRandom('uuid');
  for (let i = 0; i < 200; i++) expect(uuidV4(random)).toMatch(V4);
  expect(uuidV4(createRandom())).toMatch(V4);
});

test('uuidV4: one seed gives the same sequence; another seed a different one', () => {
  const a = createRandom('seed-a');
  const b = createRandom('seed-a');
  const first = [uuidV4(a), uuidV4(a), uuidV4(a)];
  expect([uuidV4(b), uuidV4(b), uuidV4(b)]).toEqual(first);
  expect(new Set(first).size).toBe(3);
  expect(uuidV4(createRandom('seed-b'))).not.toBe(first[0]);
});

test('uuidV4Hex: the same 16 bytes without dashes, and a reset seed replays it', () => {
  const random = createRandom(7);
  const position = random.save();
  const dashed = uuidV4(random);
  random.restore(position);
  expect(uuidV4Hex(random)).toBe(dashed.replaceAll('-', ''));
});
