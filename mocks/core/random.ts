/**
 * Random sources for the reference server: a seeded PRNG (sfc32) so that a `seed` makes ids, codes, salts and
 * fault injection reproducible, and a crypto-backed source otherwise.
 * @module
 */

/** A source of randomness. Seeded sources can save and restore their position (used by `reset()`). */
export interface Random {
  /** True when the sequence is reproducible from a seed. */
  readonly seeded: boolean;
  /** A float in [0, 1). */
  next(): number;
  /** An integer in [0, maxExclusive). */
  int(maxExclusive: number): number;
  /** `length` random bytes. */
  bytes(length: number): Uint8Array;
  /** `length` characters drawn uniformly from `alphabet`. */
  string(length: number, alphabet: string): string;
  /** The current position of a seeded sequence (`undefined` for crypto sources). */
  save(): number[] | undefined;
  /** Rewinds a seeded sequence to a position returned by {@link Random.save}. */
  restore(position: number[] | undefined): void;
}

/** `[0-9a-zA-Z]`, the alphabet of new-api's `GetRandomString` and of most short codes. */
export const ALPHANUMERIC = '0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ';

/**
 * A random source: seeded (sfc32, deterministic) when `seed` is given, `crypto.getRandomValues` otherwise.
 *
 * @example
 * const a = createRandom('demo'), b = createRandom('demo');
 * a.string(4, ALPHANUMERIC) === b.string(4, ALPHANUMERIC); // true
 */
export function createRandom(seed?: number | string): Random {
  const nextUint32 = seed === undefined ? cryptoUint32() : sfc32(hashSeed(String(seed)));
  const source = nextUint32.state;
  const next = (): number => nextUint32() / 0x1_0000_0000;
  const int = (maxExclusive: number): number => Math.floor(next() * maxExclusive);
  return {
    seeded: source !== undefined,
    next,
    int,
    bytes(length) {
      if (source === undefined) return crypto.getRandomValues(new Uint8Array(length));
      const out = new Uint8Array(length);
      for (let i = 0; i < length; i++) out[i] = nextUint32() & 0xff;
      return out;
    },
    string(length, alphabet) {
      let out = '';
      for (let i = 0; i < length; i++) out += alphabet[int(alphabet.length)];
      return out;
    },
    save: () => (source ? [...source] : undefined),
    restore(position) {
      if (source && position) source.splice(0, 4, ...position);
    },
  };
}

type Generator = (() => number) & { state?: number[] };

function cryptoUint32(): Generator {
  // Refill in blocks: one getRandomValues call per 256 draws instead of one per draw.
  const block = new Uint32Array(256);
  let index = block.length;
  return () => {
    if (index === block.length) {
      crypto.getRandomValues(block);
      index = 0;
    }
    return block[index++]!;
  };
}

/** sfc32: small, fast, passes PractRand; its whole state is four 32-bit words, which makes save/restore trivial. */
function sfc32(state: number[]): Generator {
  const generator: Generator = () => {
    let [a, b, c, d] = state as [number, number, number, number];
    a >>>= 0; b >>>= 0; c >>>= 0; d >>>= 0;
    const t = (((a + b) | 0) + d) | 0;
    d = (d + 1) | 0;
    a = b ^ (b >>> 9);
    b = (c + (c << 3)) | 0;
    c = (c << 21) | (c >>> 11);
    c = (c + t) | 0;
    state[0] = a; state[1] = b; state[2] = c; state[3] = d;
    return t >>> 0;
  };
  generator.state = state;
  // Discard the first outputs: sfc32 needs a few rounds to mix a weak seed.
  for (let i = 0; i < 15; i++) generator();
  return generator;
}

/** cyrb128: spreads a string seed over 128 bits. */
function hashSeed(seed: string): number[] {
  let h1 = 1779033703, h2 = 3144134277, h3 = 1013904242, h4 = 2773480762;
  for (let i = 0; i < seed.length; i++) {
    const k = seed.charCodeAt(i);
    h1 = h2 ^ Math.imul(h1 ^ k, 597399067);
    h2 = h3 ^ Math.imul(h2 ^ k, 2869860233);
    h3 = h4 ^ Math.imul(h3 ^ k, 951274213);
    h4 = h1 ^ Math.imul(h4 ^ k, 2716044179);
  }
  h1 = Math.imul(h3 ^ (h1 >>> 18), 597399067);
  h2 = Math.imul(h4 ^ (h2 >>> 22), 2869860233);
  h3 = Math.imul(h1 ^ (h3 >>> 17), 951274213);
  h4 = Math.imul(h2 ^ (h4 >>> 19), 2716044179);
  return [(h1 ^ h2 ^ h3 ^ h4) >>> 0, (h2 ^ h1) >>> 0, (h3 ^ h1) >>> 0, (h4 ^ h1) >>> 0];
}
