/**
 * Recognises the member keys of one kind of JSON object (the OTLP span, the hottest one)
 * by learning the order they come in: after field f it first tries the spelling that followed f
 * last time, as the literal `"name":` right at the current position — one comparison, no
 * key scanning. On a miss it reads the key normally and compares it with each known spelling.
 * A field may have several spellings (OTLP/JSON's `spanId` and protobuf-JSON's `span_id`); a
 * document uses one of them, so the prediction learns it. Producers write members in a fixed
 * order, so nearly every key costs one comparison: O(key length) on a hit, O(spellings × key
 * length) on a miss. The spellings are worked out once per kind of object ({@link FieldSpellings},
 * shared and never changed); what is learnt is each reader's own {@link ObjectFields}, so what one
 * document taught never leaks into another.
 */
import { JsonScanner } from './json-scanner';

/** The spellings of one kind of object's fields, worked out once (immutable, shared by readers). */
export class FieldSpellings {
  /** the canonical (first) spelling of each field */
  readonly names: readonly string[];
  /** each spelling, and as the literal `"spelling":` */
  readonly spellings: readonly string[];
  readonly quoted: readonly string[];
  /** field index of each spelling */
  readonly fieldOf: Int16Array;

  /** `fields`: one name per field, or its spellings with the canonical one first. */
  constructor(fields: ReadonlyArray<string | readonly string[]>) {
    const spelled = fields.map((f) => (typeof f === 'string' ? [f] : f));
    this.names = spelled.map((s) => s[0]);
    this.spellings = spelled.flat();
    this.quoted = this.spellings.map((name) => `${JSON.stringify(name)}:`);
    this.fieldOf = Int16Array.from(spelled.flatMap((s, f) => s.map(() => f)));
  }
}

export class ObjectFields {
  /** the canonical (first) spelling of each field */
  readonly names: readonly string[];
  /** the result for a key that is not known */
  readonly unknown: number;
  /** the `prev` to pass for the first key of an object */
  readonly start: number;
  private readonly spelled: FieldSpellings;
  /** predicted spelling after field f (or after `unknown` / `start`); -1 when none */
  private readonly after: Int16Array;

  constructor(spelled: FieldSpellings) {
    this.spelled = spelled;
    this.names = spelled.names;
    this.unknown = spelled.names.length;
    this.start = spelled.names.length + 1;
    this.after = new Int16Array(spelled.names.length + 2).fill(-1);
  }

  /**
   * Reads the next member key and its colon; returns the key's field index in `names`, or
   * `unknown`. `prev` is what this returned for the previous key of the same object (or `start`).
   */
  next(sc: JsonScanner, prev: number): number {
    const { spellings, quoted, fieldOf } = this.spelled;
    const guess = this.after[prev];
    if (guess >= 0 && sc.take(quoted[guess])) {
      return fieldOf[guess];
    }
    sc.key();
    const count = spellings.length;
    let k = 0;
    while (k < count && !sc.is(spellings[k])) {
      k++;
    }
    this.after[prev] = k < count ? k : -1;
    return k < count ? fieldOf[k] : this.unknown;
  }
}
