/**
 * Merged call tree over many traces: every span maps to the node reached by following the
 * path of (service, operation) pairs from its root, so the same call made from different
 * places stays separate and a recursive call gets a deeper node. Node 0 is the synthetic root
 * above all trace roots. Per node: span count, summed effective duration and summed self time.
 * O(total spans) with one hash lookup per span.
 */
import { TraceAnalysis } from './analyze';
import { groupSpans } from './grouping';

export interface CallTree {
  /** parent node, -1 for node 0 */
  readonly parent: Int32Array;
  readonly service: string[];
  readonly operation: string[];
  readonly count: Float64Array;
  /** summed effective span durations, ns */
  readonly total: Float64Array;
  /** summed self times, ns */
  readonly self: Float64Array;
}

/** Builds the merged call tree of `analyses` (see the file header). */
export function buildCallTree(analyses: readonly TraceAnalysis[]): CallTree {
  const parent: number[] = [-1];
  const service: string[] = ['all traces'];
  const operation: string[] = [''];
  const count: number[] = [0];
  const total: number[] = [0];
  const self: number[] = [0];
  const childIndex: Array<Map<number, number>> = [new Map()];
  const opIds = new Map<string, number>();
  for (const analysis of analyses) {
    const { trace, tree, intervals, selfTime } = analysis;
    const grouping = groupSpans(trace, { kind: 'operation' });
    const globalOp = grouping.keys.map((key) => {
      let id = opIds.get(key);
      if (id === undefined) {
        id = opIds.size;
        opIds.set(key, id);
      }
      return id;
    });
    const nodeOf = new Uint32Array(trace.spanCount);
    for (let k = 0; k < trace.spanCount; k++) {
      const i = tree.preorder[k];
      const p = tree.parent[i];
      const from = p < 0 ? 0 : nodeOf[p];
      const group = grouping.groupOf[i];
      let node = childIndex[from].get(globalOp[group]);
      if (node === undefined) {
        node = parent.length;
        childIndex[from].set(globalOp[group], node);
        childIndex.push(new Map());
        parent.push(from);
        service.push(grouping.parts[group][0] as string);
        operation.push(grouping.parts[group][1] as string);
        count.push(0);
        total.push(0);
        self.push(0);
      }
      nodeOf[i] = node;
      count[node]++;
      total[node] += intervals.effEnd[i] - intervals.effStart[i];
      self[node] += selfTime[i];
    }
    count[0]++;
    total[0] += analysis.duration;
  }
  return {
    parent: Int32Array.from(parent),
    service,
    operation,
    count: Float64Array.from(count),
    total: Float64Array.from(total),
    self: Float64Array.from(self),
  };
}
