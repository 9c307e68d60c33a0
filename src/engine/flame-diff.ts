/**
 * Converts a call-tree diff (call-tree-diff.ts) into the columns of `@grafana/flamegraph`'s diff
 * mode: the nested-set rows of flame.ts, with `value`/`self` the baseline's and
 * `valueRight`/`selfRight` the comparison's (the component draws each node as wide as both
 * together and colours it by the change in its share of each side's root). Every value is the
 * measure's mean per trace of that side (ns), so the tooltip's baseline, comparison and diff
 * read as time per trace; each side keeps value ≥ children's sum by flame.ts's rule for the
 * measure. O(nodes log nodes).
 */
import { CallTreeDiff, CallTreeDiffSide } from './call-tree-diff';
import { FlameFrameColumns, FlameFrames, FlameMeasure, flameValues, framesByMeasure, nestedSetRows } from './flame';

/** Diff flame graph columns of `diff` under `measure` (see the file header). */
function diffFrame(
  diff: CallTreeDiff,
  rows: ReturnType<typeof nestedSetRows>,
  measure: FlameMeasure
): FlameFrameColumns {
  const side = (s: CallTreeDiffSide) => {
    const n = Math.max(1, s.traces);
    const { value, self } = flameValues(diff.parent, s, measure);
    return { value: rows.node.map((node) => value[node] / n), self: rows.node.map((node) => self[node] / n) };
  };
  const left = side(diff.baseline);
  const right = side(diff.comparison);
  return {
    level: rows.level,
    value: left.value,
    self: left.self,
    label: rows.label,
    node: rows.node,
    valueRight: right.value,
    selfRight: right.self,
    unit: 'ns',
  };
}

/** The diff flame graph columns of `diff` under every measure (rows ordered once). */
export function callTreeDiffToFlameFrames(diff: CallTreeDiff): FlameFrames {
  const rows = nestedSetRows(diff);
  return framesByMeasure((measure) => diffFrame(diff, rows, measure));
}
