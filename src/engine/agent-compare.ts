/**
 * Slow vs baseline agent runs: which step kind the slow set's runs wait on longer. Each side's
 * runs (agent-path.ts: a run's critical-path time split into model calls, retrieval, each tool
 * and own time) are folded in as traces come. Per part and side, over the side's runs (a run
 * without the part counts 0): the **mean** time per run and the nearest-rank **p50** and **p90**
 * (percentile.ts); NaN for a side without runs. The part's **difference** is slow mean − baseline
 * mean, and its **share** that difference ÷ the total difference (the difference of the mean
 * critical-path time per run, the parts' differences summed): the shares add up to 1 (up to
 * rounding); a negative share means the part made the slow runs faster; NaN when the total
 * difference is 0 or unknown. Rows are sorted by share, largest first (the part that dominates the
 * slow runs first); without shares, by the larger mean. Times are whole ns, so the sums, and every
 * figure, do not depend on the order the runs came in. `add` is O(parts) per run; `snapshot` is
 * O(runs · parts) plus the sorts, and may be taken any number of times.
 */
import type { AgentRunPath } from './agent-path';
import { nearestRank } from './percentile';

export type AgentPartKind = 'model' | 'retrieval' | 'tool' | 'own';

/** One side's figures of a part, ns (NaN without runs). */
export interface AgentPartStats {
  mean: number;
  p50: number;
  p90: number;
}

export interface AgentSides {
  slow: AgentPartStats;
  baseline: AgentPartStats;
  /** slow mean − baseline mean */
  difference: number;
}

export interface AgentCompareRow extends AgentSides {
  kind: AgentPartKind;
  /** the tool's name for kind `tool`, else '' */
  tool: string;
  /** of the total difference (see the file header) */
  share: number;
}

export interface AgentComparison {
  /** runs folded in per side */
  runs: Record<Side, number>;
  /** the critical-path time per run (agent-path.ts `length`) */
  total: AgentSides;
  rows: AgentCompareRow[];
}

type Side = 'slow' | 'baseline';

interface SideValues {
  runs: number;
  /** the non-zero run lengths */
  total: number[];
  /** by part key (every part a run had): its non-zero times, one per run */
  parts: Map<string, number[]>;
}

/** The parts in agent.ts's order: model, retrieval, the tools by name, own. */
const ORDER: Record<AgentPartKind, number> = { model: 0, retrieval: 1, tool: 2, own: 3 };
const partKey = (kind: AgentPartKind, tool = '') => JSON.stringify([kind, tool]);

function stats(values: number[] | undefined, runs: number): AgentPartStats {
  const sorted = new Float64Array(runs); // the runs without the part are the leading zeros
  sorted.set(values ?? [], runs - (values?.length ?? 0));
  sorted.sort();
  const sum = sorted.reduce((a, v) => a + v, 0);
  return { mean: runs > 0 ? sum / runs : NaN, p50: nearestRank(sorted, 0.5), p90: nearestRank(sorted, 0.9) };
}

function sides(slow: SideValues, baseline: SideValues, pick: (side: SideValues) => number[] | undefined): AgentSides {
  const s = stats(pick(slow), slow.runs);
  const b = stats(pick(baseline), baseline.runs);
  return { slow: s, baseline: b, difference: s.mean - b.mean };
}

export class AgentRunComparer {
  private readonly sides: Record<Side, SideValues> = {
    slow: { runs: 0, total: [], parts: new Map() },
    baseline: { runs: 0, total: [], parts: new Map() },
  };

  /** Folds in `runs` (of one trace or many) on `side`. */
  add(side: Side, runs: Iterable<AgentRunPath>): void {
    const values = this.sides[side];
    const put = (key: string, time: number) => {
      const times = values.parts.get(key) ?? [];
      values.parts.set(key, times);
      if (time > 0) {
        times.push(time);
      }
    };
    for (const run of runs) {
      values.runs++;
      if (run.length > 0) {
        values.total.push(run.length);
      }
      put(partKey('model'), run.model);
      put(partKey('retrieval'), run.retrieval);
      run.tools.forEach((t) => put(partKey('tool', t.tool), t.time));
      put(partKey('own'), run.own);
    }
  }

  /** The comparison of everything added so far (see the file header). */
  snapshot(): AgentComparison {
    const { slow, baseline } = this.sides;
    const total = sides(slow, baseline, (side) => side.total);
    const keys = new Set([partKey('model'), partKey('retrieval'), partKey('own')]);
    [...slow.parts.keys(), ...baseline.parts.keys()].forEach((key) => keys.add(key));
    const rows = [...keys].map((key): AgentCompareRow => {
      const [kind, tool]: [AgentPartKind, string] = JSON.parse(key);
      const row = sides(slow, baseline, (side) => side.parts.get(key));
      return { kind, tool, ...row, share: total.difference !== 0 ? row.difference / total.difference : NaN };
    });
    const withShares = rows.some((r) => Number.isFinite(r.share));
    const largerMean = (r: AgentCompareRow) => Math.max(...[r.slow.mean, r.baseline.mean].filter(Number.isFinite));
    const key = (r: AgentCompareRow) => (withShares ? r.share : largerMean(r));
    rows.sort((a, b) => key(b) - key(a) || ORDER[a.kind] - ORDER[b.kind] || (a.tool < b.tool ? -1 : 1));
    return { runs: { slow: slow.runs, baseline: baseline.runs }, total, rows };
  }
}

/** The comparison of the `slow` and `baseline` runs, all at once (AgentRunComparer defines it). */
export function compareAgentRuns(slow: Iterable<AgentRunPath>, baseline: Iterable<AgentRunPath>): AgentComparison {
  const comparer = new AgentRunComparer();
  comparer.add('slow', slow);
  comparer.add('baseline', baseline);
  return comparer.snapshot();
}
