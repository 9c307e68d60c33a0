/**
 * Remembers what reading a JSON object gave, by the object's exact text, so that an object
 * written again is recognised with one comparison instead of being read again: an OTLP attribute
 * such as `{"key":"db.system","value":{"stringValue":"redis"}}`, or a Jaeger span tag, repeats on
 * most spans of a trace.
 *
 * Sound because a complete JSON value's text decides both where the value ends and what it means:
 * when the text at a position starts with the whole text of an object read before, the object
 * there is that object, and reading it would give the same result. So nothing is assumed about
 * the text that was not compared, a text cut short (chunked input) simply does not match, and a
 * miss costs the caller nothing but the lookup.
 *
 * Direct-mapped, {@link SLOTS} slots; an object's slot is a hash of the stretch from its `{` to
 * its first `}` (length, the two characters before that `}`, the fourth after the `{`, enough to
 * tell apart the usual attributes of one key); a slot keeps the last object remembered there.
 * Lookup O(length of that stretch + length of the remembered text); objects longer than
 * {@link LONGEST} characters are not remembered.
 */

import { ownCopy, textAt } from './text-at';

const SLOTS = 256;
const CLOSE_OBJECT = 125;
/** Longest object text remembered, in characters. */
const LONGEST = 400;

export class TextMemo {
  private readonly texts: string[] = new Array<string>(SLOTS).fill('');
  /** the numbers remembered with each text (what they mean is the caller's) */
  readonly first = new Int32Array(SLOTS);
  readonly second = new Int32Array(SLOTS);
  readonly third = new Int32Array(SLOTS);
  readonly fourth = new Int32Array(SLOTS);

  /** The slot of the object whose `{` is at `at` in `s`; -1 when `s` holds no `}` after it. */
  slot(s: string, at: number): number {
    const close = s.indexOf('}', at);
    if (close < 0) {
      return -1;
    }
    return (
      ((close - at) * 31 + s.charCodeAt(close - 1) * 7 + s.charCodeAt(close - 2) * 3 + s.charCodeAt(at + 4)) &
      (SLOTS - 1)
    );
  }

  /** The length of the text remembered in `slot` when `s` continues with it at `at`, else 0. */
  match(slot: number, s: string, at: number): number {
    const text = this.texts[slot];
    // the last characters first: a cheap no for most objects that differ (the text ends with '}')
    const end = at + text.length - 1;
    return text !== '' && s.charCodeAt(end) === CLOSE_OBJECT && textAt(s, at, text) ? text.length : 0;
  }

  /** Remembers in `slot` that the object `s[from, to)` gave the numbers. */
  remember(
    slot: number,
    s: string,
    from: number,
    to: number,
    first: number,
    second: number,
    third: number,
    fourth = 0
  ): void {
    if (to - from <= LONGEST) {
      this.texts[slot] = ownCopy(s.slice(from, to));
      this.first[slot] = first;
      this.second[slot] = second;
      this.third[slot] = third;
      this.fourth[slot] = fourth;
    }
  }
}
