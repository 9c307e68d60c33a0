/**
 * Merged call tree over many traces: every span maps to the node reached by following the
 * path of (service, operation) pairs from its root, so the same call made from different
 * places stays separate and a recursive call gets a deeper node. Node 0 is the synthetic root
 * above all trace roots. Per node: span count, summed effective duration, summed self time and
 * summed critical-path time (the time its spans spend on their own trace's critical path,
 * critical-path.ts `perSpan`; per trace these add up to the trace's critical-path length, since
 * node 0 holds none). Node 0 counts the traces and sums their durations.
 * O(total spans): one lookup per span in an open-addressing table keyed by (parent node,
 * operation) (pair-index.ts, `CallPaths`); the table and the per-node sums grow with the nodes
 * made, not with the spans, so the usual few hundred call paths of many traces stay in cache (the
 * sums grow 8× at a time up to 1 + spans: few large copies, each of which may cost a full GC
 * while many analyses are alive). The result is bounded for display
 * (call-tree-bound.ts, ranked by self time): at most `CALL_TREE_NODES` nodes with at most
 * `CALL_TREE_CHILDREN` children each keep their place, the rest merge into counted "other"
 * nodes, so a million distinct call paths make a tree of at most 2 × CALL_TREE_NODES nodes
 * whose sums still equal the full tree's.
 */
import { TraceAnalysis } from './analyze';
import { boundTree } from './call-tree-bound';
import { withRoom } from './group-sums';
import { GroupIndex } from './grouping';
import { PairIndex } from './pair-index';
import { SpanTree } from './tree';

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

export const DEFAULT_CALL_TREE_LIMITS: CallTreeLimits = { nodes: CALL_TREE_NODES, children: CALL_TREE_CHILDREN };

/** Names and shape of a call tree: what a call tree and a call-tree diff share. */
export interface CallTreeShape {
  /** parent node, -1 for node 0 */
  readonly parent: Int32Array;
  /** '' for an "other" node */
  readonly service: string[];
  readonly operation: string[];
  /** call-tree nodes merged into this "other" node (each with its subtree), 0 for the rest */
  readonly merged: Uint32Array;
}

/** Per-node sums of one trace set, indexed by node. */
export interface NodeColumns {
  /** spans; node 0: traces */
  readonly count: Float64Array;
  /** summed effective span durations, ns; node 0: summed trace durations */
  readonly total: Float64Array;
  /** summed self times, ns */
  readonly self: Float64Array;
  /** summed critical-path times, ns */
  readonly critical: Float64Array;
}

export interface CallTree extends CallTreeShape, NodeColumns {}

/**
 * Call paths over many traces: the call-tree node of every span (see the file header). Operations
 * are the dense ids of a `GroupIndex` grouping by operation.
 */
export class CallPaths {
  /** (parent node, operation) → node − 1 */
  private readonly index = new PairIndex();
  /** node of each span of the last trace assigned (reused across traces) */
  private nodeOf = new Uint32Array(0);

  /** Nodes so far, node 0 included. */
  get size(): number {
    return this.index.size + 1;
  }

  /** The node of every span of `tree` (`opOf[i]`: span i's operation id); valid until the next call. */
  assign(tree: SpanTree, spanCount: number, opOf: Uint32Array): Uint32Array {
    if (this.nodeOf.length < spanCount) {
      this.nodeOf = new Uint32Array(spanCount);
    }
    const { nodeOf, index } = this;
    const { preorder, parent } = tree;
    for (let k = 0; k < spanCount; k++) {
      const i = preorder[k];
      const p = parent[i];
      nodeOf[i] = index.idOf(p < 0 ? 0 : nodeOf[p], opOf[i]) + 1;
    }
    return nodeOf;
  }

  /** Parent of every node so far (parents come before children). */
  parents(): Int32Array {
    const { pairs } = this.index;
    const out = new Int32Array(this.size);
    out[0] = -1;
    for (let node = 1; node < out.length; node++) {
      out[node] = pairs[2 * node - 2];
    }
    return out;
  }

  /**
   * Names of the nodes of a bounded tree whose node k stands for node `source[k]` (-1: an "other"
   * node); `operations` named the ids passed to `assign`.
   */
  names(source: Int32Array, operations: GroupIndex): Pick<CallTreeShape, 'service' | 'operation'> {
    const { pairs } = this.index;
    const service = new Array<string>(source.length);
    const operation = new Array<string>(source.length);
    for (let node = 0; node < source.length; node++) {
      const from = source[node];
      const parts = from > 0 ? operations.partsOf(pairs[2 * from - 1]) : [from === 0 ? 'all traces' : '', ''];
      service[node] = parts[0] as string;
      operation[node] = parts[1] as string;
    }
    return { service, operation };
  }
}

/** How many times larger node columns grow when full (see the file header). */
export const NODE_COLUMN_GROWTH = 8;

/** Per-node sums of one trace set (see `NodeColumns`); the columns grow with the nodes. */
export class NodeSums implements NodeColumns {
  count = new Float64Array(64);
  total = new Float64Array(64);
  self = new Float64Array(64);
  critical = new Float64Array(64);

  /** `limit`: the most nodes there can be (1 + the spans that will be added). */
  constructor(private readonly limit: number) {}

  /** Makes room for nodes 0 .. nodes-1. */
  private reserve(nodes: number): void {
    const { limit } = this;
    this.count = withRoom(this.count, nodes, limit, NODE_COLUMN_GROWTH);
    this.total = withRoom(this.total, nodes, limit, NODE_COLUMN_GROWTH);
    this.self = withRoom(this.self, nodes, limit, NODE_COLUMN_GROWTH);
    this.critical = withRoom(this.critical, nodes, limit, NODE_COLUMN_GROWTH);
  }

  /**
   * Adds the spans of `analysis`, span i at node `nodeOf[i]`, and the trace at node 0; `nodes`:
   * the nodes so far (every `nodeOf[i]` is below it).
   */
  add(analysis: TraceAnalysis, nodeOf: Uint32Array, nodes: number): void {
    this.reserve(nodes);
    const { trace, intervals, selfTime } = analysis;
    const { effStart, effEnd } = intervals;
    const perSpan = analysis.criticalPath.perSpan;
    const { count, total, self, critical } = this;
    for (let i = 0; i < trace.spanCount; i++) {
      const node = nodeOf[i];
      count[node]++;
      total[node] += effEnd[i] - effStart[i];
      self[node] += selfTime[i];
      critical[node] += perSpan[i];
    }
    count[0]++;
    total[0] += analysis.duration;
  }

  /** The four columns for nodes 0 .. size-1 (0 for nodes not added to), in `NodeColumns` order. */
  columns(size: number): Float64Array[] {
    this.reserve(size);
    return [this.count, this.total, this.self, this.critical].map((c) => c.subarray(0, size));
  }
}

/** `NodeColumns` from four columns in the order of `NodeSums.columns`. */
export function nodeColumns([count, total, self, critical]: Float64Array[]): NodeColumns {
  return { count, total, self, critical };
}

/** Builds a merged call tree trace by trace (see the file header). */
export class CallTreeBuilder {
  /** Idle instance: keeps this class's object shape alive across full GCs (see OtlpJsonReader.shapeKeeper). */
  static readonly shapeKeeper: CallTreeBuilder = new CallTreeBuilder(0);

  private readonly paths = new CallPaths();
  private readonly sums: NodeSums;

  /** `spans`: the total number of spans that will be added (each makes at most one node). */
  constructor(spans: number) {
    this.sums = new NodeSums(spans + 1);
  }

  /** Adds the spans of `analysis`; `opOf[i]` is the operation id of span i. */
  add(analysis: TraceAnalysis, opOf: Uint32Array): void {
    const nodeOf = this.paths.assign(analysis.tree, analysis.trace.spanCount, opOf);
    this.sums.add(analysis, nodeOf, this.paths.size);
  }

  /**
   * The call tree, bounded by `limits` (see the file header); `operations` named the ids passed
   * to `add`.
   */
  result(operations: GroupIndex, limits: CallTreeLimits = DEFAULT_CALL_TREE_LIMITS): CallTree {
    const columns = this.sums.columns(this.paths.size);
    const tree = boundTree(this.paths.parents(), columns[2], columns, limits.nodes, limits.children);
    return {
      parent: tree.parent,
      ...this.paths.names(tree.source, operations),
      merged: tree.merged,
      ...nodeColumns(tree.sums),
    };
  }
}
