/**
 * Test support for the compare page's progress classes: what loading returned so far, growing in
 * place as app/useManyTraces.ts's does (`arrive` adds one result), and a loaded trace's result.
 */
import type { TraceAnalysis } from '../../../engine';
import type { TraceResult } from '../../../loading';

export const loaded = (analysis: TraceAnalysis): TraceResult => ({ analysis, warnings: [] });

export function arrivals() {
  const results = new Map<string, TraceResult>();
  const arrived: string[] = [];
  const arrive = (id: string, result: TraceResult) => {
    results.set(id, result);
    arrived.push(id);
  };
  return { results, arrived, arrive };
}
