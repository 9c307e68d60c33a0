/**
 * What the panel tells its "Attribute key" editor (through Grafana's panel instance state, the one
 * channel from a panel to its options pane): the trace datasource its traces come from, its time
 * range, and the attribute keys (span and resource) of the traces it analysed — and which keys the
 * editor offers: the source's listed names and those keys, GenAI and agent keys first
 * (commonKeysFirst); when neither gives any (Jaeger lists no names; no trace loaded yet), the
 * suggested GenAI and agent keys. O(attributes of the analysed traces) for the hints, O(k log k)
 * for k keys offered.
 */
import { commonKeysFirst, SUGGESTED_GROUP_KEYS, TraceAnalysis, traceAttributeKeys } from '../../engine';
import type { SearchRange } from '../../sources/types';
import type { PanelInput, TraceDatasource } from './input';

export interface KeyHints {
  /** the trace datasource the panel reads, when it knows it */
  source?: TraceDatasource;
  /** the panel's time range, Unix seconds */
  range: SearchRange;
  /** attribute keys of the analysed traces, sorted; only while grouping by attribute (else []) */
  traceKeys: string[];
}

/** The hints for a panel with `input` that analysed `analyses`, over `range` (ms since the epoch). */
export function panelKeyHints(
  input: PanelInput,
  analyses: readonly TraceAnalysis[] | undefined,
  byAttribute: boolean,
  range: { fromMs: number; toMs: number }
): KeyHints {
  const keys = new Set<string>();
  if (byAttribute) {
    analyses?.forEach((a) => traceAttributeKeys(a.trace).forEach((k) => keys.add(k)));
  }
  const source = input.kind === 'search' || input.kind === 'traces' ? input.source : undefined;
  return {
    source:
      source && (source.type === 'tempo' || source.type === 'jaeger') ? { ...source, type: source.type } : undefined,
    range: { start: Math.floor(range.fromMs / 1000), end: Math.ceil(range.toMs / 1000) },
    traceKeys: [...keys].sort(),
  };
}

/** The keys offered: listed names and trace keys, GenAI and agent keys first; else the suggested keys. */
export function offeredKeys(
  listed: readonly string[],
  traceKeys: readonly string[]
): { keys: string[]; suggested: boolean } {
  const keys = commonKeysFirst([...listed, ...traceKeys]);
  return keys.length > 0 ? { keys, suggested: false } : { keys: [...SUGGESTED_GROUP_KEYS], suggested: true };
}
