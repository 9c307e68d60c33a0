/**
 * Reads one span attribute by key over a trace, for the GenAI, agent and async busy/idle figures:
 * the key is looked up once in the trace's string table (O(strings)), then each span's lookup scans
 * that span's attributes only (O(its attributes)). Values are the model's display strings with
 * their OTLP type (model.ts `AttrTable`). `warnedSpan` names the span of a warning those figures
 * give about a value they could not use (the warning itself is a code and values; the UI words it).
 */
import { spanIdOf } from './analyze';
import { AttrType, ParsedTrace } from './model';
import { spanLabel } from './span-accessors';

/** The span a GenAI or busy/idle warning is about. */
export interface WarnedSpan {
  /** span index */
  span: number;
  spanId: string;
  /** `service: name` */
  spanLabel: string;
}

export function warnedSpan(trace: ParsedTrace, i: number): WarnedSpan {
  return { span: i, spanId: spanIdOf(trace, i), spanLabel: spanLabel(trace, i) };
}

export class SpanAttribute {
  private readonly key: number;

  constructor(
    private readonly trace: ParsedTrace,
    readonly name: string
  ) {
    this.key = trace.strings.indexOf(name);
  }

  /** Whether a span can have it at all: its key is among the trace's strings. */
  get inTrace(): boolean {
    return this.key > 0;
  }

  /** Index of the attribute's entry in `trace.spanAttrs` for span `i`, or -1 when it lacks it. */
  entry(i: number): number {
    const { offsets, keys } = this.trace.spanAttrs;
    if (this.inTrace) {
      for (let a = offsets[i]; a < offsets[i + 1]; a++) {
        if (keys[a] === this.key) {
          return a;
        }
      }
    }
    return -1;
  }

  /** The display string of span `i`'s value, or undefined when it lacks the attribute. */
  text(i: number): string | undefined {
    const a = this.entry(i);
    return a < 0 ? undefined : this.trace.strings[this.trace.spanAttrs.values[a]];
  }

  /** The OTLP type of span `i`'s value (undefined when it lacks the attribute). */
  type(i: number): AttrType | undefined {
    const a = this.entry(i);
    return a < 0 ? undefined : (this.trace.spanAttrs.types[a] as AttrType);
  }

  /**
   * Span `i`'s value as a whole number ≥ 0 (an int, or a string or double holding one), or
   * undefined when it lacks the attribute or holds anything else.
   */
  count(i: number): number | undefined {
    const text = this.text(i);
    if (text === undefined || !/^\d+(\.0*)?$/.test(text.trim())) {
      return undefined;
    }
    return Number(text);
  }

  /**
   * Span `i`'s value as a list of strings: an array's string members (JSON display text), or the
   * one value of a scalar; [] when it lacks the attribute.
   */
  list(i: number): string[] {
    const text = this.text(i);
    if (text === undefined) {
      return [];
    }
    if (this.type(i) !== AttrType.Array) {
      return [text];
    }
    const parsed: unknown = JSON.parse(text);
    return Array.isArray(parsed) ? parsed.map((v) => (typeof v === 'string' ? v : JSON.stringify(v))) : [text];
  }
}
