/**
 * Test support: a small seeded PRNG (mulberry32), so every generated trace and batch is reproducible
 * from its seed; both generators (tests/synthetic, tests/generator) draw from it.
 */
export interface Random {
  /** uniform float in [0, 1) */
  next(): number;
  /** uniform integer in [min, max] */
  int(min: number, max: number): number;
  /** lowercase hex string of `bytes` random bytes */
  hex(bytes: number): string;
  pick<T>(items: readonly T[]): T;
}

export function seededRandom(seed: number): Random {
  let state = seed >>> 0;
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (min: number, max: number) => min + Math.floor(next() * (max - min + 1));
  return {
    next,
    int,
    hex: (bytes) => Array.from({ length: bytes }, () => int(0, 255).toString(16).padStart(2, '0')).join(''),
    pick: (items) => items[int(0, items.length - 1)],
  };
}
