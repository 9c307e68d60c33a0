/**
 * Merged call tree over many traces: every span maps to the node reached by following the
 * path of (service, operation) pairs from its root, so the same call made from different
 * places stays separate and a recursive call gets a deeper node. Node 0 is the synthetic root
 * above all trace roots. Per node: span count, summed effective duration and summed self time.
 * O(total spans): one lookup per span in an open-addressing table keyed by (parent node,
 * operation) (pair-index.ts). The result is bounded for display (call-tree-bound.ts): at most
 * `CALL_TREE_NODES` nodes with at most `CALL_TREE_CHILDREN` children each keep their place, the
 * rest merge into counted "other" nodes, so a million distinct call paths make a tree of at most
 * 2 × CALL_TREE_NODES nodes whose sums still equal the full tree's.
 */
import { TraceAnalysis } from './analyze';
import { boundTree } from './call-tree-bound';
import { GroupIndex } from './grouping';
import { PairIndex } from './pair-index';

/** Call-tree nodes that keep their place (see the file header). */
export const CALL_TREE_NODES = 10_000;
/** Children per call-tree node that keep their place (see the file header). */
export const CALL_TREE_CHILDREN = 200;

export interface CallTreeLimits {
  /** nodes that keep their place */
  nodes: number;
  /** children per node that keep their place */
  children: number;
}

export interface CallTree {
  /** parent node, -1 for node 0 */
  readonly parent: Int32Array;
  /** '' for an "other" node */
  readonly service: string[];
  readonly operation: string[];
  /** call-tree nodes merged into this "other" node (each with its subtree), 0 for the rest */
  readonly merged: Uint32Array;
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

  /**
   * The call tree, bounded by `limits` (see the file header); `operations` named the ids passed
   * to `add`.
   */
  result(
    operations: GroupIndex,
    limits: CallTreeLimits = { nodes: CALL_TREE_NODES, children: CALL_TREE_CHILDREN }
  ): CallTree {
    const { pairs } = this.index;
    const size = this.index.size + 1;
    const full = new Int32Array(size);
    full[0] = -1;
    for (let node = 1; node < size; node++) {
      full[node] = pairs[2 * node - 2];
    }
    const tree = boundTree(
      {
        parent: full,
        count: this.count.subarray(0, size),
        total: this.total.subarray(0, size),
        self: this.self.subarray(0, size),
      },
      limits.nodes,
      limits.children
    );
    const n = tree.parent.length;
    const service = new Array<string>(n);
    const operation = new Array<string>(n);
    for (let node = 0; node < n; node++) {
      const source = tree.source[node];
      const parts = source > 0 ? operations.partsOf(pairs[2 * source - 1]) : [source === 0 ? 'all traces' : '', ''];
      service[node] = parts[0] as string;
      operation[node] = parts[1] as string;
    }
    return {
      parent: tree.parent,
      service,
      operation,
      merged: tree.merged,
      count: tree.count,
      total: tree.total,
      self: tree.self,
    };
  }
}
