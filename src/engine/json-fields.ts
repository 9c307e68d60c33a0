/**
 * Recognises the member keys of one kind of JSON object (the OTLP span, the hottest one)
 * by learning the order they come in: after field f it first tries the field that followed f
 * last time, as the literal `"name":` right at the current position — one `startsWith`, no
 * key scanning. On a miss it reads the key normally and compares it with each known name.
 * Producers write members in a fixed order, so nearly every key costs one comparison:
 * O(key length) on a hit, O(names × key length) on a miss. Each reader owns its instances, so
 * what one document taught never leaks into another.
 */
import { JsonScanner } from './json-scanner';

export class ObjectFields {
  /** the result for a key that is not in `names` */
  readonly unknown: number;
  /** the `prev` to pass for the first key of an object */
  readonly start: number;
  private readonly quoted: string[];
  /** predicted field after field f (or after `unknown` / `start`); -1 when none */
  private readonly after: Int16Array;

  constructor(readonly names: readonly string[]) {
    this.unknown = names.length;
    this.start = names.length + 1;
    this.quoted = names.map((name) => `${JSON.stringify(name)}:`);
    this.after = new Int16Array(names.length + 2).fill(-1);
  }

  /**
   * Reads the next member key and its colon; returns the key's index in `names`, or `unknown`.
   * `prev` is what this returned for the previous key of the same object (or `start`).
   */
  next(sc: JsonScanner, prev: number): number {
    const guess = this.after[prev];
    if (guess >= 0 && sc.take(this.quoted[guess])) {
      return guess;
    }
    sc.key();
    let f = 0;
    while (f < this.unknown && !sc.is(this.names[f])) {
      f++;
    }
    this.after[prev] = f < this.unknown ? f : -1;
    return f;
  }
}
