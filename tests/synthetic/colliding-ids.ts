/**
 * Span ids crafted to collide in a hash table keyed by the engine's former id hash
 * `h(hi, lo) = imul(hi ^ imul(lo, 0x9e3779b1), 0x85ebca6b) ^ lo` (tree.ts before the
 * hash-flooding fix): every id maps to the same 32-bit hash, so any table size puts them all in
 * one probe chain and a table lookup becomes O(n), a trace's analysis O(n²). The hash is
 * inverted for each `lo`: since 0x85ebca6b is odd, multiplying by it is a bijection mod 2^32, so
 * `hi = imul(target ^ lo, inverse(0x85ebca6b)) ^ imul(lo, 0x9e3779b1)`. O(n).
 */
import { generateTrace, Shape, SynthTrace } from './generate';

const A = 0x9e3779b1;
const B = 0x85ebca6b;

/** The former id hash (kept here only to craft and check collisions). */
export function formerIdHash(hi: number, lo: number): number {
  return Math.imul(hi ^ Math.imul(lo, A), B) ^ lo;
}

/** Multiplicative inverse of an odd number mod 2^32 (Newton's iteration, 5 steps). */
function inverse(b: number): number {
  let x = b;
  for (let k = 0; k < 5; k++) {
    x = Math.imul(x, 2 - Math.imul(b, x));
  }
  return x;
}

/** `n` distinct span ids (`lo` = 1 … n) whose former hash is `target` for all of them. */
export function collidingIds(n: number, target = 0): { idHi: Uint32Array; idLo: Uint32Array } {
  const invB = inverse(B);
  const idHi = new Uint32Array(n);
  const idLo = new Uint32Array(n);
  for (let k = 0; k < n; k++) {
    const lo = k + 1;
    idLo[k] = lo;
    idHi[k] = Math.imul(target ^ lo, invB) ^ Math.imul(lo, A);
  }
  return { idHi, idLo };
}

/** A synthetic trace (generate.ts) whose span ids all collide under the former hash. */
export function collidingTrace(shape: Shape, n: number, seed = 1): SynthTrace {
  return { ...generateTrace(shape, n, seed), ...collidingIds(n) };
}
