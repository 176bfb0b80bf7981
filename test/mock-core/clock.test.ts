import { afterEach, expect, test, vi } from 'vitest';
import { createClock } from '../../mocks/core/clock.js';

afterEach(() => {
  vi.useRealTimers();
});

test('clock: follows real time until moved', () => {
  vi.useFakeTimers({ now: 1_000_000 });
  const clock = createClock();
  expect(clock.now()).toBe(1_000_000);
  vi.advanceTimersByTime(500);
  expect(clock.now()).toBe(1_000_500);
});

test('clock: advance shifts time and time keeps flowing', () => {
  vi.useFakeTimers({ now: 1_000_000 });
  const clock = createClock();
  clock.advance(60_000);
  expect(clock.now()).toBe(1_060_000);
  vi.advanceTimersByTime(1_000);
  expect(clock.now()).toBe(1_061_000);
});

test('clock: set jumps to an instant and reset returns to real time', () => {
  vi.useFakeTimers({ now: 1_000_000 });
  const clock = createClock();
  clock.set(Date.UTC(2030, 0, 1));
  expect(clock.now()).toBe(Date.UTC(2030, 0, 1));
  clock.reset();
  expect(clock.now()).toBe(1_000_000);
});
