import fc from 'fast-check';
import { expect, test } from 'vitest';
import { isoFromUnixSeconds } from '../../src/gateway/internal/iso-time.js';

test("iso time: new-api's Unix seconds read as Date's own toISOString, years 0000 to 9999", () => {
  fc.assert(
    fc.property(fc.integer({ min: -62_167_219_200, max: 253_402_300_799 }), (seconds) => {
      expect(isoFromUnixSeconds(seconds)).toBe(new Date(seconds * 1000).toISOString());
    }),
    { numRuns: 2000 },
  );
  expect(isoFromUnixSeconds(0)).toBe('1970-01-01T00:00:00.000Z');
  expect(isoFromUnixSeconds(951_782_400)).toBe('2000-02-29T00:00:00.000Z');
});
