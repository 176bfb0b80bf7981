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

test('clock: a frozen clock stands still between moves, whatever real time does', () => {
  vi.useFakeTimers({ now: 1_000_000 });
  const clock = createClock({ frozen: true });
  vi.advanceTimersByTime(5_000);
  expect(clock.now()).toBe(1_000_000);
  clock.advance(60_000);
  vi.advanceTimersByTime(5_000);
  expect(clock.now()).toBe(1_060_000);
  clock.set(Date.UTC(2030, 0, 1));
  expect(clock.now()).toBe(Date.UTC(2030, 0, 1));
  expect(clock.frozen).toBe(true);
});

test('clock: reset takes a frozen clock back to the instant it started at', () => {
  const clock = createClock({ frozen: true, now: Date.UTC(2026, 0, 1) });
  clock.advance(3_600_000);
  clock.reset();
  expect(clock.now()).toBe(Date.UTC(2026, 0, 1));
});

test('clock: a flowing clock may start at a chosen instant and flows from it', () => {
  vi.useFakeTimers({ now: 1_000_000 });
  const clock = createClock({ now: 5_000_000 });
  vi.advanceTimersByTime(1_000);
  expect(clock.now()).toBe(5_001_000);
  expect(clock.frozen).toBe(false);
});
