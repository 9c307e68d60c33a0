/**
 * The compare page's call-tree diff: the merged call trees of the baseline and the slow set
 * compared node by node (engine call-tree-diff.ts; the slow set is the comparison side), as diff
 * flame graph columns under each measure (the diff itself is built as traces arrive,
 * compareProgress.ts), and the call paths that changed most as rows: ranked
 * by |Δ critical-path time per trace|, then |Δ self time per trace|, then |Δ calls per trace|,
 * then path; nodes with no change at all are left out. Each node names the example trace of each
 * side (the longest trace of that set with a span on that call path) by trace id.
 * `exampleLinks` lists them for a row of the flame graph. O(nodes log nodes) for the columns and
 * the ranking.
 */
import { t } from '@grafana/i18n';
import { callTreeDiffToFlameFrames, CallTreeDiff, FlameFrames, nodeLabel } from '../../engine';

/** Example trace ids of one call-tree node; absent where the side has none. */
export interface NodeExamples {
  slow?: string;
  baseline?: string;
}

export interface DiffPathRow extends NodeExamples {
  node: number;
  /** node labels from the first call below the root down to this node */
  path: string[];
  /** slow − baseline, per trace of each set; times in ns */
  callsDelta: number;
  selfDelta: number;
  criticalDelta: number;
  /** the call path occurs in one set only */
  onlyIn?: 'slow' | 'baseline';
}

export interface CallTreeDiffView {
  flame: FlameFrames;
  /** the call paths that changed most, largest first (see the file header) */
  rows: DiffPathRow[];
  /** example traces of each node */
  examples: NodeExamples[];
}

/** Node labels from below the root down to `node`. */
function pathOf(diff: CallTreeDiff, node: number): string[] {
  const out: string[] = [];
  for (let at = node; at > 0; at = diff.parent[at]) {
    out.push(nodeLabel(diff, at));
  }
  return out.reverse();
}

/**
 * The view of `diff` (baseline vs the slow set as the comparison side) with at most `limit` rows
 * (see the file header); `baselineIds` and `slowIds` name each side's traces in the order the
 * diff took them.
 */
export function callTreeDiffView(
  diff: CallTreeDiff,
  baselineIds: readonly string[],
  slowIds: readonly string[],
  limit: number
): CallTreeDiffView {
  const n = diff.parent.length;
  const examples = Array.from({ length: n }, (_, node): NodeExamples => {
    const s = diff.comparison.example[node];
    const b = diff.baseline.example[node];
    return { ...(s >= 0 ? { slow: slowIds[s] } : {}), ...(b >= 0 ? { baseline: baselineIds[b] } : {}) };
  });
  const changed: number[] = [];
  for (let node = 1; node < n; node++) {
    if (diff.criticalDelta[node] !== 0 || diff.selfDelta[node] !== 0 || diff.callsDelta[node] !== 0) {
      changed.push(node);
    }
  }
  const paths = new Map(changed.map((node) => [node, pathOf(diff, node).join(' › ')]));
  const magnitude = (column: Float64Array, a: number, b: number) => Math.abs(column[b]) - Math.abs(column[a]);
  changed.sort(
    (a, b) =>
      magnitude(diff.criticalDelta, a, b) ||
      magnitude(diff.selfDelta, a, b) ||
      magnitude(diff.callsDelta, a, b) ||
      (paths.get(a)! < paths.get(b)! ? -1 : 1)
  );
  const rows = changed.slice(0, limit).map((node): DiffPathRow => ({
    node,
    path: pathOf(diff, node),
    callsDelta: diff.callsDelta[node],
    selfDelta: diff.selfDelta[node],
    criticalDelta: diff.criticalDelta[node],
    ...examples[node],
    ...(diff.baseline.count[node] === 0 ? { onlyIn: 'slow' as const } : {}),
    ...(diff.comparison.count[node] === 0 ? { onlyIn: 'baseline' as const } : {}),
  }));
  return { flame: callTreeDiffToFlameFrames(diff), rows, examples };
}

/** An example trace to open from a node of the diff flame graph. */
export interface ExampleLink {
  label: string;
  traceId: string;
}

/** The example traces of the node on row `row` of the diff flame graph's columns, slow side first. */
export function exampleLinks(view: CallTreeDiffView, row: number): ExampleLink[] {
  const { slow, baseline } = view.examples[view.flame.criticalPath.node[row]] ?? {};
  return [
    ...(slow
      ? [{ label: t('compare.diff.open-slow', 'Open the slowest slow trace on this call path'), traceId: slow }]
      : []),
    ...(baseline
      ? [
          {
            label: t('compare.diff.open-baseline', 'Open the slowest baseline trace on this call path'),
            traceId: baseline,
          },
        ]
      : []),
  ];
}
