import { expect, test } from 'vitest';
import { goRfc3339, goRfc3339Nano, pythonIsoformat, rfc3339 } from '../../mocks/core/time-format.js';

const at = (ms: number) => Date.UTC(2023, 4, 28, 10, 47, 19, ms);

test('goRfc3339: whole seconds, Z at a zero offset, ±hh:mm otherwise (time.RFC3339)', () => {
  expect(goRfc3339(at(711), 480)).toBe('2023-05-28T18:47:19+08:00');
  expect(goRfc3339(at(711))).toBe('2023-05-28T10:47:19Z');
  expect(goRfc3339(at(0), -330)).toBe('2023-05-28T05:17:19-05:30');
  // Go's zero time, as the embedded gorm.Model times of opencat print.
  expect(goRfc3339(Date.parse('0001-01-01T00:00:00Z'))).toBe('0001-01-01T00:00:00Z');
});

test('goRfc3339Nano: trailing zeros of the fraction dropped, no dot when none is left (encoding/json time.Time)', () => {
  expect(goRfc3339Nano(at(711), 480)).toBe('2023-05-28T18:47:19.711+08:00');
  expect(goRfc3339Nano(at(710), 480)).toBe('2023-05-28T18:47:19.71+08:00');
  expect(goRfc3339Nano(at(700))).toBe('2023-05-28T10:47:19.7Z');
  expect(goRfc3339Nano(at(5))).toBe('2023-05-28T10:47:19.005Z');
  expect(goRfc3339Nano(at(0), 480)).toBe('2023-05-28T18:47:19+08:00');
});

test('goRfc3339Nano: the wall clock rolls over the date line with the offset', () => {
  expect(goRfc3339Nano(Date.UTC(2023, 11, 31, 20, 0, 0, 120), 480)).toBe('2024-01-01T04:00:00.12+08:00');
  expect(goRfc3339Nano(Date.UTC(1969, 11, 31, 23, 59, 59, 999))).toBe('1969-12-31T23:59:59.999Z');
});

test('pythonIsoformat: microseconds only when nonzero, always six digits; aware UTC is +00:00, never Z', () => {
  expect(pythonIsoformat(at(0))).toBe('2023-05-28T10:47:19+00:00');
  expect(pythonIsoformat(at(711))).toBe('2023-05-28T10:47:19.711000+00:00');
  expect(pythonIsoformat(at(5), 480)).toBe('2023-05-28T18:47:19.005000+08:00');
  expect(pythonIsoformat(at(0), -300)).toBe('2023-05-28T05:47:19-05:00');
});

test('pythonIsoformat: a naive datetime (offset null) has no offset', () => {
  expect(pythonIsoformat(at(0), null)).toBe('2023-05-28T10:47:19');
  expect(pythonIsoformat(at(60), null)).toBe('2023-05-28T10:47:19.060000');
});

test('rfc3339: milliseconds always, Z for UTC, as toISOString', () => {
  expect(rfc3339(at(6))).toBe(new Date(at(6)).toISOString());
  expect(rfc3339(at(0), 60)).toBe('2023-05-28T11:47:19.000+01:00');
});

test('time formats: an offset of a day or more, a fraction of a minute, or a year past 9999 is a clear error', () => {
  expect(() => goRfc3339(at(0), 24 * 60)).toThrow('Failed to format a time');
  expect(() => pythonIsoformat(at(0), 1.5)).toThrow('Failed to format a time');
  expect(() => goRfc3339Nano(Date.UTC(10000, 0, 1))).toThrow('year 10000 is outside 0000–9999');
});
