/**
 * The attribute keys (span and resource) seen in the compare page's loaded traces, for the
 * grouping's key field where the source lists no attribute names (Jaeger has no tag-key API):
 * each trace's keys are folded in once, as it arrives (failed ones skipped). O(attributes) per
 * trace; a snapshot costs O(k log k) for k distinct keys.
 */
import { DataError } from '../../data';
import { traceAttributeKeys } from '../../engine';
import type { Arrivals } from './compareProgress';

export class LoadedAttributeKeys {
  private seen = 0;
  private readonly keys = new Set<string>();

  /** Folds in the traces of `arrivals` not seen before; returns every key so far, sorted. */
  update({ arrived, results }: Arrivals): string[] {
    for (; this.seen < arrived.length; this.seen++) {
      const result = results.get(arrived[this.seen]);
      if (result && !(result instanceof DataError)) {
        traceAttributeKeys(result.analysis.trace).forEach((k) => this.keys.add(k));
      }
    }
    return [...this.keys].sort();
  }
}
