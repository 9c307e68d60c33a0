/**
 * Merged call tree over many traces: every span maps to the node reached by following the
 * path of (service, operation) pairs from its root, so the same call made from different
 * places stays separate and a recursive call gets a deeper node. Node 0 is the synthetic root
 * above all trace roots. Per node: span count, summed effective duration and summed self time.
 * O(total spans): one lookup per span in an open-addressing table keyed by (parent node,
 * operation) (pair-index.ts).
 */
import { TraceAnalysis } from './analyze';
import { GroupIndex } from './grouping';
import { PairIndex } from './pair-index';

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

/**
 * Builds a merged call tree trace by trace (see the file header). Operations are the dense ids
 * of a `GroupIndex` grouping by operation; its `parts` name the nodes at the end.
 */
export class CallTreeBuilder {
  /** Idle instance: keeps this class's object shape alive across full GCs (see OtlpJsonReader.shapeKeeper). */
  static readonly shapeKeeper: CallTreeBuilder = new CallTreeBuilder(0);

  /** (parent node, operation) → node − 1 */
  private readonly index: PairIndex;
  private readonly count: Float64Array;
  private readonly total: Float64Array;
  private readonly self: Float64Array;
  /** node of each span of the current trace (reused across traces) */
  private nodeOf = new Uint32Array(0);

  /** `spans`: the total number of spans that will be added (each makes at most one node). */
  constructor(spans: number) {
    this.index = new PairIndex(spans);
    this.count = new Float64Array(spans + 1);
    this.total = new Float64Array(spans + 1);
    this.self = new Float64Array(spans + 1);
  }

  /** Adds the spans of `analysis`; `opOf[i]` is the operation id of span i. */
  add(analysis: TraceAnalysis, opOf: Uint32Array): void {
    const { trace, tree, intervals, selfTime } = analysis;
    const { preorder, parent } = tree;
    const { effStart, effEnd } = intervals;
    if (this.nodeOf.length < trace.spanCount) {
      this.nodeOf = new Uint32Array(trace.spanCount);
    }
    const { nodeOf, index, count, total, self } = this;
    for (let k = 0; k < trace.spanCount; k++) {
      const i = preorder[k];
      const p = parent[i];
      const from = p < 0 ? 0 : nodeOf[p];
      const node = index.idOf(from, opOf[i]) + 1;
      nodeOf[i] = node;
      count[node]++;
      total[node] += effEnd[i] - effStart[i];
      self[node] += selfTime[i];
    }
    count[0]++;
    total[0] += analysis.duration;
  }

  /** The call tree (sharing the builder's columns); `operations` named the ids passed to `add`. */
  result(operations: GroupIndex): CallTree {
    const { pairs } = this.index;
    const size = this.index.size + 1;
    const parent = new Int32Array(size);
    const service = new Array<string>(size);
    const operation = new Array<string>(size);
    parent[0] = -1;
    service[0] = 'all traces';
    operation[0] = '';
    for (let node = 1; node < size; node++) {
      parent[node] = pairs[2 * node - 2];
      const parts = operations.parts[pairs[2 * node - 1]];
      service[node] = parts[0] as string;
      operation[node] = parts[1] as string;
    }
    return {
      parent,
      service,
      operation,
      count: this.count.subarray(0, size),
      total: this.total.subarray(0, size),
      self: this.self.subarray(0, size),
    };
  }
}
