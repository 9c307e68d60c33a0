import { analysedGenTrace, analysedHandSpans } from '../../engine/testing/genai-spans';
import { generateAgentBatch } from '../../../tests/generator/agent-batch';
import { PATH_PARTS, pathPartStats } from '../../../tests/generator/agent-truth';
import { AgentCompareProgress } from './agentCompare';
import { splitSlowest } from './compareModel';
import { arrivals, loaded } from './testing/arrivals';

const US = 1000;
const op = (name: string, more: Record<string, string> = {}) => ({ 'gen_ai.operation.name': name, ...more });

/** A run [0,end] µs: a chat [10,chatEnd], then a search tool call until toolEnd, then own time. */
const run = (end: number, chatEnd: number, toolEnd: number) =>
  loaded(
    analysedHandSpans([
      { id: 'run', start: 0, end, attrs: op('invoke_agent') },
      { id: 'chat', parent: 'run', start: 10, end: chatEnd, attrs: op('chat') },
      {
        id: 'tool',
        parent: 'run',
        start: chatEnd,
        end: toolEnd,
        attrs: op('execute_tool', { 'gen_ai.tool.name': 'search' }),
      },
    ])
  );
const stats = (mean: number, p50 = mean, p90 = mean) => ({ mean: mean * US, p50: p50 * US, p90: p90 * US });

describe('AgentCompareProgress', () => {
  it('compares the runs of the two sets per part, filling in as traces arrive', () => {
    const a = arrivals();
    const agents = new AgentCompareProgress({ slow: ['s'], baseline: ['plain', 'b'], thresholdMs: 1 }, 'async');
    expect(agents.update(a)).toBeNull();
    // slow: run [0,100], chat [10,60], search [60,90]: model 50, search 30, own 10 + 10
    a.arrive('s', run(100, 60, 90));
    a.arrive('plain', loaded(analysedHandSpans([{ id: 'x', start: 0, end: 10 }])));
    const first = agents.update(a)!;
    expect(first.runs).toEqual({ slow: 1, baseline: 0 });
    expect(first.total.slow).toEqual(stats(100));
    expect(first.total.baseline.mean).toBeNaN();
    // baseline: run [0,50], chat [10,30], search [30,40]: model 20, search 10, own 20.
    // Δ 50: model +30 (60%), search +20 (40%), retrieval and own 0
    a.arrive('b', run(50, 30, 40));
    const { runs, total, rows } = agents.update(a)!;
    expect(runs).toEqual({ slow: 1, baseline: 1 });
    expect(total).toEqual({ slow: stats(100), baseline: stats(50), difference: 50 * US });
    expect(rows).toEqual([
      { kind: 'model', tool: '', slow: stats(50), baseline: stats(20), difference: 30 * US, share: 0.6 },
      { kind: 'tool', tool: 'search', slow: stats(30), baseline: stats(10), difference: 20 * US, share: 0.4 },
      { kind: 'retrieval', tool: '', slow: stats(0), baseline: stats(0), difference: 0, share: 0 },
      { kind: 'own', tool: '', slow: stats(20), baseline: stats(20), difference: 0, share: 0 },
    ]);
  });

  /* R [0,50] ── run [10,100] (outlives R) ── chat [20,60]: async path chat (50,60], run (60,100]; sync: none */
  it('takes the path of the page’s mode', () => {
    const a = arrivals();
    a.arrive(
      's',
      loaded(
        analysedHandSpans([
          { id: 'R', start: 0, end: 50, kind: 'SERVER' },
          { id: 'run', parent: 'R', start: 10, end: 100, attrs: op('invoke_agent') },
          { id: 'chat', parent: 'run', start: 20, end: 60, attrs: op('chat') },
        ])
      )
    );
    const sets = { slow: ['s'], baseline: [], thresholdMs: 1 };
    const slowOf = (mode: 'async' | 'sync') =>
      new AgentCompareProgress(sets, mode).update(a)!.rows.map((r) => [r.kind, r.slow.mean / US]);
    // no baseline run, so no shares: the largest mean first
    expect(slowOf('async')).toEqual([
      ['own', 40],
      ['model', 10],
      ['retrieval', 0],
    ]);
    expect(slowOf('sync')).toEqual([
      ['model', 0],
      ['retrieval', 0],
      ['own', 0],
    ]);
  });
});

describe('AgentCompareProgress over the agent-workflow generator', () => {
  // 40 runs (seed 21), one per trace, split as the page splits them: the slowest 25% by duration
  const batch = generateAgentBatch({ seed: 21, count: 40, nowUs: 1_700_000_000_000_000 });
  const split = splitSlowest(
    batch.truth.map((t) => ({ traceId: t.traceId, durationMs: t.durationUs / 1000 })),
    0.25
  );
  const a = arrivals();
  batch.traces.forEach((t) => a.arrive(t.traceId, loaded(analysedGenTrace(t))));
  const comparison = new AgentCompareProgress(split, 'async').update(a)!;

  const runsOf = (ids: string[]) => batch.truth.filter((t) => ids.includes(t.traceId));

  it('gives each part’s figures per run on each side as the generator’s truth says', () => {
    expect(comparison.runs).toEqual({ slow: 10, baseline: 30 });
    const rows = new Map(comparison.rows.map((r) => [r.kind === 'tool' ? `tool ${r.tool}` : r.kind, r]));
    expect([...rows.keys()].sort()).toEqual(Object.keys(PATH_PARTS).sort());
    for (const [name, part] of Object.entries(PATH_PARTS)) {
      const row = rows.get(name)!;
      const slow = pathPartStats(runsOf(split.slow), part);
      const baseline = pathPartStats(runsOf(split.baseline), part);
      expect([name, row.slow, row.baseline, row.difference]).toEqual([name, slow, baseline, slow.mean - baseline.mean]);
    }
  });

  it('ranks the model calls first: the slow runs wait on more and longer model calls', () => {
    const { rows, total } = comparison;
    expect(total.difference).toBeGreaterThan(0);
    expect(rows[0].kind).toBe('model');
    expect(rows.reduce((sum, r) => sum + r.share, 0)).toBeCloseTo(1, 9);
  });
});
