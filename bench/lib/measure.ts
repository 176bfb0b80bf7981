/**
 * Paired, interleaved timing for noisy shared machines: every round runs each contender for the
 * same number of iterations back to back, so a burst of noise hits all of them alike. Reported:
 * the median time per op of each contender, and the median of the per-round ratios to the anchor.
 */
export interface Comparison {
  /** Median ns per op, by contender. */
  medianNs: Record<string, number>;
  /** Median over rounds of (contender time / anchor time), by contender. */
  ratio: Record<string, number>;
  /** Median over rounds of (a's time / b's time): a paired ratio against any other contender. */
  pairedRatio(a: string, b: string): number;
}

export function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

/** How long to measure, and what to do untimed before each contender's block. */
export interface CompareOptions {
  rounds?: number;
  iterations?: number;
  warmup?: number;
  /**
   * Runs untimed before each contender's warmup and before each of its timed blocks, e.g. to reset a
   * stateful server whose cost per call grows with what earlier calls stored.
   */
  beforeBlock?: (name: string) => unknown;
}

export async function compare(
  anchor: string,
  contenders: Record<string, () => Promise<unknown>>,
  { rounds = 15, iterations = 200, warmup = 300, beforeBlock }: CompareOptions = {},
): Promise<Comparison> {
  const names = Object.keys(contenders);
  for (const name of names) {
    await beforeBlock?.(name);
    for (let i = 0; i < warmup; i++) await contenders[name]!();
  }
  const perRound: Record<string, number[]> = Object.fromEntries(names.map((n) => [n, []]));
  for (let round = 0; round < rounds; round++) {
    // Rotate the order each round so no contender always runs first (cold) or last (warm).
    const order = names.map((_, i) => names[(i + round) % names.length]!);
    for (const name of order) {
      const run = contenders[name]!;
      await beforeBlock?.(name);
      const start = process.hrtime.bigint();
      for (let i = 0; i < iterations; i++) await run();
      perRound[name]!.push(Number(process.hrtime.bigint() - start) / iterations);
    }
  }
  const medianNs: Record<string, number> = {};
  const ratio: Record<string, number> = {};
  for (const name of names) {
    medianNs[name] = median(perRound[name]!);
    ratio[name] = median(perRound[name]!.map((ns, i) => ns / perRound[anchor]![i]!));
  }
  const pairedRatio = (a: string, b: string) => median(perRound[a]!.map((ns, i) => ns / perRound[b]![i]!));
  return { medianNs, ratio, pairedRatio };
}
