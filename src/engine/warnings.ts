/**
 * Trace warnings: one entry per problem kind with a count, a few example span ids and an English
 * sentence (for logs and Node callers; the UI words the kind and count in the user's language,
 * components/warningText.ts), so a 1M-span trace with 1M orphans yields one warning, not a million.
 */
import { idToHex } from './ids';
import type { InputWarning } from './input-warnings';
import { ParsedTrace } from './model';

export type TraceWarningKind = 'input' | 'duplicateSpanId' | 'orphan' | 'cycle' | 'clockSkew' | 'childOutlivesParent';

export interface TraceWarning {
  kind: TraceWarningKind;
  /** number of spans affected */
  count: number;
  /** up to {@link MAX_EXAMPLES} affected span ids, lowercase hex */
  examples: string[];
  message: string;
  /** kind `input`: the reader's note, with its code and values */
  input?: InputWarning;
}

export const MAX_EXAMPLES = 5;

/** A reader's note as a trace warning of kind `input` (one, no examples). */
export const inputTraceWarning = (input: InputWarning): TraceWarning => ({
  kind: 'input',
  count: 1,
  examples: [],
  message: input.message,
  input,
});

/** Collects affected spans for one warning kind. */
export class WarningTally {
  /** Idle instance: keeps this class's object shape alive across full GCs (see OtlpJsonReader.shapeKeeper). */
  static readonly shapeKeeper: WarningTally = new WarningTally({ idHi: new Uint32Array(0), idLo: new Uint32Array(0) });

  count = 0;
  readonly examples: string[] = [];

  constructor(private readonly trace: Pick<ParsedTrace, 'idHi' | 'idLo'>) {}

  add(span: number): void {
    if (this.count++ < MAX_EXAMPLES) {
      this.examples.push(idToHex(this.trace.idHi[span], this.trace.idLo[span]));
    }
  }

  /** Appends a warning to `out` if any span was added; `message` gets the count. */
  report(out: TraceWarning[], kind: TraceWarningKind, message: (count: number) => string): void {
    if (this.count > 0) {
      out.push({ kind, count: this.count, examples: this.examples, message: message(this.count) });
    }
  }
}
