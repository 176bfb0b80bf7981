import { expect, test } from 'vitest';
import { jsonStream } from '../../mocks/core/json-stream.js';

const text = async (stream: ReadableStream<Uint8Array>) => new Response(stream).text();

test('jsonStream: the bytes of JSON.stringify, omissions, nulls, toJSON and escapes included', async () => {
  const value = {
    rows: [{ a: 1, b: undefined, c: () => 1 }, undefined, null, () => 1, Symbol('s'), [1, [2, undefined]], new Date(0), 'é"\n\u2028😀'],
    gone: undefined,
    nested: { deep: { deeper: [undefined, { x: undefined }] }, at: new Date(86_400_000) },
    '\u0000key"': -0,
    empty: { a: [], o: {} },
    n: Number.NaN,
  };
  expect(await text(jsonStream(value, { chunkSize: 3 }))).toBe(JSON.stringify(value));
  expect(await text(jsonStream([]))).toBe('[]');
  expect(await text(jsonStream({}))).toBe('{}');
});

test('jsonStream: nothing is locked or made before the first read, and after() runs once when the reader is done or leaves', async () => {
  let made = 0;
  let after = 0;
  const rows = Array.from({ length: 1_000 }, (_, id) => ({ id }));
  const lock = async () => (made++, { contended: new Promise<void>(() => {}), release: () => {} });
  const stream = jsonStream({ rows }, { chunkSize: 100, lock, after: () => void after++ });
  await Promise.resolve();
  expect(made).toBe(0);
  const reader = stream.getReader();
  await reader.read();
  expect([made, after]).toEqual([1, 0]);
  await reader.cancel();
  await reader.cancel();
  expect(after).toBe(1);
  const whole = jsonStream({ rows }, { chunkSize: 100, after: () => void after++ });
  expect(await text(whole)).toBe(JSON.stringify({ rows }));
  expect(after).toBe(2);
});
