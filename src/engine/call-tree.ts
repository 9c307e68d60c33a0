/**
 * Merged call tree over many traces: every span maps to the node reached by following the
 * path of (service, operation) pairs from its root, so the same call made from different
 * places stays separate and a recursive call gets a deeper node. Node 0 is the synthetic root
 * above all trace roots. Per node: span count, summed effective duration and summed self time.
 * O(total spans): one lookup per span in an open-addressing table keyed by (parent node, operation).
 */
import { TraceAnalysis } from './analyze';
import { Grouping, groupSpans } from './grouping';

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

/** Growable node columns plus an open-addressing index from (parent node, operation) to node. */
class NodeTable {
  parent = new Int32Array(1024);
  op = new Int32Array(1024);
  count = new Float64Array(1024);
  total = new Float64Array(1024);
  self = new Float64Array(1024);
  size = 1;
  private slots = new Int32Array(2048).fill(-1);

  constructor() {
    this.parent[0] = -1;
    this.op[0] = -1;
  }

  private static hash(from: number, op: number): number {
    return Math.imul(from, 0x9e3779b1) ^ Math.imul(op + 1, 0x85ebca6b);
  }

  /** The child of `from` for operation `op`, created if new. */
  child(from: number, op: number): number {
    const mask = this.slots.length - 1;
    let h = NodeTable.hash(from, op) & mask;
    let node = this.slots[h];
    while (node >= 0 && (this.parent[node] !== from || this.op[node] !== op)) {
      h = (h + 1) & mask;
      node = this.slots[h];
    }
    if (node >= 0) {
      return node;
    }
    node = this.size++;
    if (node === this.parent.length) {
      this.grow();
    }
    this.parent[node] = from;
    this.op[node] = op;
    if (this.size * 2 > this.slots.length) {
      this.rehash();
    } else {
      this.slots[h] = node;
    }
    return node;
  }

  private grow(): void {
    const size = this.parent.length * 2;
    const bigger = <T extends Int32Array | Float64Array>(a: T): T => {
      const b = new (a.constructor as new (n: number) => T)(size);
      b.set(a);
      return b;
    };
    this.parent = bigger(this.parent);
    this.op = bigger(this.op);
    this.count = bigger(this.count);
    this.total = bigger(this.total);
    this.self = bigger(this.self);
  }

  private rehash(): void {
    this.slots = new Int32Array(this.slots.length * 2).fill(-1);
    const mask = this.slots.length - 1;
    for (let node = 1; node < this.size; node++) {
      let h = NodeTable.hash(this.parent[node], this.op[node]) & mask;
      while (this.slots[h] >= 0) {
        h = (h + 1) & mask;
      }
      this.slots[h] = node;
    }
  }
}

/**
 * Builds the merged call tree of `analyses` (see the file header). `operations[t]`, if given,
 * is the operation grouping of trace t (saves recomputing it).
 */
export function buildCallTree(analyses: readonly TraceAnalysis[], operations?: readonly Grouping[]): CallTree {
  const nodes = new NodeTable();
  const opIds = new Map<string, number>();
  const opParts: Array<Array<string | null>> = [];
  analyses.forEach((analysis, t) => {
    const { trace, tree, intervals, selfTime } = analysis;
    const grouping = operations?.[t] ?? groupSpans(trace, { kind: 'operation' });
    const globalOp = grouping.keys.map((key, g) => {
      let id = opIds.get(key);
      if (id === undefined) {
        id = opParts.length;
        opIds.set(key, id);
        opParts.push(grouping.parts[g]);
      }
      return id;
    });
    const nodeOf = new Uint32Array(trace.spanCount);
    for (let k = 0; k < trace.spanCount; k++) {
      const i = tree.preorder[k];
      const p = tree.parent[i];
      const node = nodes.child(p < 0 ? 0 : nodeOf[p], globalOp[grouping.groupOf[i]]);
      nodeOf[i] = node;
      nodes.count[node]++;
      nodes.total[node] += intervals.effEnd[i] - intervals.effStart[i];
      nodes.self[node] += selfTime[i];
    }
    nodes.count[0]++;
    nodes.total[0] += analysis.duration;
  });
  const size = nodes.size;
  const op = nodes.op.subarray(0, size);
  return {
    parent: nodes.parent.slice(0, size),
    service: Array.from(op, (o) => (o < 0 ? 'all traces' : (opParts[o][0] as string))),
    operation: Array.from(op, (o) => (o < 0 ? '' : (opParts[o][1] as string))),
    count: nodes.count.slice(0, size),
    total: nodes.total.slice(0, size),
    self: nodes.self.slice(0, size),
  };
}
