/**
 * Node-by-node diff of the merged call trees (call-tree.ts) of two trace sets, a baseline and a
 * comparison (e.g. the rest vs the slowest 5%, or before vs after a deploy). Both sets are mapped
 * onto ONE call tree (one `CallPaths` over both), so a node is the same call path on both sides;
 * a path that occurs in one set only has zero sums on the other side. Recursion needs no special
 * case: a recursive call is a deeper node, so a deeper recursion on one side shows as a node
 * present on that side only.
 * Per node and side: the sums of call-tree.ts (spans, durations, self, critical-path time) and
 * an example trace (the longest trace of that set with a span at the node; first one on ties).
 * Deltas are per trace of each set, comparison minus baseline: Δ calls = count_c / n_c −
 * count_b / n_b, likewise Δ self time and Δ critical-path time (ns), so an N+1 query shows as
 * more calls even when each call got faster. Node 0 counts the traces (Δ calls 0).
 * Bounded like the call tree (call-tree-bound.ts) on the joint tree, ranked by self plus
 * critical-path time per trace of both sides, so "other" nodes merge the same paths on both
 * sides and every column still sums to the full tree's (and the diff of a set with itself is 0
 * at every node). O(total spans) plus the bound; memory O(call paths) in typed arrays (they grow
 * with the nodes, call-tree.ts) plus one trace's spans. Traces are added one at a time
 * (`CallTreeDiffAccumulator`, so the diff can fill in as traces arrive; `diffCallTrees` adds two
 * lists and takes one snapshot, O(call paths) plus the bound).
 */
import { TraceAnalysis } from './analyze';
import { boundTree } from './call-tree-bound';
import {
  CallPaths,
  CallTreeLimits,
  CallTreeShape,
  DEFAULT_CALL_TREE_LIMITS,
  NODE_COLUMN_GROWTH,
  NodeColumns,
  nodeColumns,
  NodeSums,
} from './call-tree';
import { withRoom } from './group-sums';
import { GroupIndex } from './grouping';

export interface CallTreeDiffSide extends NodeColumns {
  /** traces in the set */
  readonly traces: number;
  /** per node, index in the set of its example trace (see the file header); -1: none ("other" nodes, absent paths) */
  readonly example: Int32Array;
}

export interface CallTreeDiff extends CallTreeShape {
  readonly baseline: CallTreeDiffSide;
  readonly comparison: CallTreeDiffSide;
  /** comparison − baseline, per trace of each set (see the file header) */
  readonly callsDelta: Float64Array;
  /** ns per trace */
  readonly selfDelta: Float64Array;
  /** ns per trace */
  readonly criticalDelta: Float64Array;
}

/** One set's sums and examples over the joint call paths; the columns grow with the nodes. */
class SideBuilder {
  readonly sums: NodeSums;
  /** per node: duration of the example trace, and its index + 1 (0: none yet) */
  private exampleDuration = new Float64Array(64);
  private exampleOf = new Uint32Array(64);
  traces = 0;

  /** `limit`: the most joint nodes there can be (1 + the spans of both sets). */
  constructor(private readonly limit: number) {
    this.sums = new NodeSums(limit);
  }

  /** Adds `analysis`, span i at node `nodeOf[i]`; `nodes`: the joint nodes so far. */
  add(analysis: TraceAnalysis, nodeOf: Uint32Array, nodes: number): void {
    this.sums.add(analysis, nodeOf, nodes);
    const { limit } = this;
    const exampleDuration = (this.exampleDuration = withRoom(this.exampleDuration, nodes, limit, NODE_COLUMN_GROWTH));
    const exampleOf = (this.exampleOf = withRoom(this.exampleOf, nodes, limit, NODE_COLUMN_GROWTH));
    const t = ++this.traces;
    const d = analysis.duration;
    if (exampleOf[0] === 0 || d > exampleDuration[0]) {
      exampleDuration[0] = d;
      exampleOf[0] = t;
    }
    for (let i = 0; i < analysis.trace.spanCount; i++) {
      const node = nodeOf[i];
      if (exampleOf[node] === 0 || d > exampleDuration[node]) {
        exampleDuration[node] = d;
        exampleOf[node] = t;
      }
    }
  }

  /** Index in the set of the example trace of `node`; -1: none. */
  example(node: number): number {
    return node < this.exampleOf.length ? this.exampleOf[node] - 1 : -1;
  }
}

/** Per node, `comparison[node] / nc − baseline[node] / nb`. */
function perTraceDelta(comparison: Float64Array, nc: number, baseline: Float64Array, nb: number): Float64Array {
  return comparison.map((c, node) => c / nc - baseline[node] / nb);
}

/**
 * The call-tree diff of two sets built as their traces arrive: `add` costs O(spans of the
 * trace), `snapshot` the diff of the traces added so far, O(call paths) plus the bound, and does
 * not stop further adds. A side's example indices count its traces in the order added.
 */
export class CallTreeDiffAccumulator {
  private readonly operations = new GroupIndex({ kind: 'operation' });
  private opOf = new Uint32Array(0);
  private readonly paths = new CallPaths();
  private readonly baseline: SideBuilder;
  private readonly comparison: SideBuilder;

  /** `spans`: the spans of both sets when known (bounds the columns' growth; default: none). */
  constructor(spans = Infinity) {
    this.baseline = new SideBuilder(spans + 1);
    this.comparison = new SideBuilder(spans + 1);
  }

  add(side: 'baseline' | 'comparison', analysis: TraceAnalysis): void {
    const n = analysis.trace.spanCount;
    if (this.opOf.length < n) {
      this.opOf = new Uint32Array(n);
    }
    this.operations.assign(analysis.trace, this.opOf);
    const nodeOf = this.paths.assign(analysis.tree, n, this.opOf);
    this[side].add(analysis, nodeOf, this.paths.size);
  }

  /** The diff of the traces added so far (see the file header). */
  snapshot(limits: CallTreeLimits = DEFAULT_CALL_TREE_LIMITS): CallTreeDiff {
    const { paths, operations } = this;
    const size = paths.size;
    const b = this.baseline;
    const c = this.comparison;
    const nb = Math.max(1, b.traces);
    const nc = Math.max(1, c.traces);
    // each side's columns cover every joint node (those it never saw are 0)
    const bs = nodeColumns(b.sums.columns(size));
    const cs = nodeColumns(c.sums.columns(size));
    const rank = new Float64Array(size);
    for (let node = 0; node < size; node++) {
      rank[node] = (bs.self[node] + bs.critical[node]) / nb + (cs.self[node] + cs.critical[node]) / nc;
    }
    const tree = boundTree(
      paths.parents(),
      rank,
      [...b.sums.columns(size), ...c.sums.columns(size)],
      limits.nodes,
      limits.children
    );
    const sideOf = (side: SideBuilder, from: number): CallTreeDiffSide => ({
      traces: side.traces,
      example: tree.source.map((node) => (node >= 0 ? side.example(node) : -1)),
      ...nodeColumns(tree.sums.slice(from, from + 4)),
    });
    const base = sideOf(b, 0);
    const comp = sideOf(c, 4);
    return {
      parent: tree.parent,
      ...paths.names(tree.source, operations),
      merged: tree.merged,
      baseline: base,
      comparison: comp,
      callsDelta: perTraceDelta(comp.count, nc, base.count, nb),
      selfDelta: perTraceDelta(comp.self, nc, base.self, nb),
      criticalDelta: perTraceDelta(comp.critical, nc, base.critical, nb),
    };
  }
}

/** The diff of the call trees of `baseline` and `comparison` (see the file header). */
export function diffCallTrees(
  baseline: readonly TraceAnalysis[],
  comparison: readonly TraceAnalysis[],
  limits: CallTreeLimits = DEFAULT_CALL_TREE_LIMITS
): CallTreeDiff {
  let spans = 0;
  for (const set of [baseline, comparison]) {
    for (const { trace } of set) {
      spans += trace.spanCount;
    }
  }
  const accumulator = new CallTreeDiffAccumulator(spans);
  baseline.forEach((analysis) => accumulator.add('baseline', analysis));
  comparison.forEach((analysis) => accumulator.add('comparison', analysis));
  return accumulator.snapshot(limits);
}
