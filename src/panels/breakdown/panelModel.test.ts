import type { BreakdownView } from '../../components/breakdown';
import { coverageSentence } from '../../components/coverageSentence';
import { DataError } from '../../data';
import type { TraceAnalysis } from '../../engine';
import type { TraceResult } from '../../loading';
import type { PanelInput } from './input';
import { DEFAULT_OPTIONS } from './options';
import {
  fetchMessage,
  isTiny,
  panelAnalyses,
  panelBody,
  panelContent,
  PanelContent,
  panelCoverage,
  panelSummary,
  tracePageView,
} from './panelModel';
import type { SearchState } from './useSearchAnalyses';
import { analysedHandSpans } from '../../engine/testing/genai-spans';

/** a trace of 10 spans, as far as coverage reads it */
const analysis = { trace: { spanCount: 10 }, warnings: [] } as unknown as TraceAnalysis;
const loaded: TraceResult = { analysis, warnings: [] };
const gone = (traceId: string) => new DataError('trace-not-found', `Trace ${traceId} not found.`);
const done = (results: Array<[string, TraceResult]>, cancelled = false): SearchState => ({
  status: 'done',
  results: new Map(results),
  analyses: results.flatMap(([, r]) => (r instanceof DataError ? [] : [r.analysis])),
  cancelled,
});
const RANGE = { from: 'now-1h', to: 'now' };
const SOURCE = { uid: 'tempo', type: 'tempo' as const };
const hit = (traceId: string) => ({ traceId, startMs: 0, durationMs: 1 });
/** 3 listed, the 2 newest fetched (a, b), the query's limit of 20 not reached */
const searchInput: PanelInput = {
  kind: 'search',
  source: SOURCE,
  hits: [hit('a'), hit('b')],
  listed: 3,
  search: { limit: 20, reached: false },
  metrics: [],
};
const content: PanelContent = {
  breakdown: {
    measure: 'self',
    measureLabel: 'Self time',
    traceCount: 2,
    denominator: 37e6,
    denominatorNote: 'share of the summed trace durations (37 ms)',
    rows: [],
    notes: ['Work running in parallel can make shares add up to more than 100%.'],
  } satisfies BreakdownView,
};

describe('panelCoverage', () => {
  it('counts the listed, the sampled and what came back', () => {
    const c = panelCoverage(
      searchInput,
      done([
        ['a', loaded],
        ['b', gone('b')],
      ]),
      DEFAULT_OPTIONS,
      RANGE
    );
    expect(coverageSentence(c)).toBe(
      '1 of 3 matching traces used · the 2 newest fetched · 1 failed · 10 spans (whole traces) · Last 1 hour'
    );
    expect(c.failed).toEqual([{ traceId: 'b', message: 'Trace b not found.', error: expect.any(DataError) }]);
  });

  it('names the traces a query gave as trace frames', () => {
    const frames: PanelInput = { kind: 'traces', analyses: [analysis, analysis], metrics: [] };
    expect(coverageSentence(panelCoverage(frames, { status: 'idle' }, DEFAULT_OPTIONS, RANGE))).toBe(
      '2 traces · 20 spans · Last 1 hour'
    );
  });
});

describe('fetchMessage', () => {
  const covered = (state: SearchState) => panelCoverage(searchInput, state, DEFAULT_OPTIONS, RANGE);

  it('says nothing while fetching or once a trace is in', () => {
    const loading: SearchState = { status: 'loading', results: new Map(), total: 2 };
    expect(fetchMessage(loading, covered(loading))).toBeUndefined();
    const some = done([
      ['a', loaded],
      ['b', gone('b')],
    ]);
    expect(fetchMessage(some, covered(some))).toBeUndefined();
  });

  it('is an error when every trace failed, naming the first and counting the rest', () => {
    const none = done([
      ['a', gone('a')],
      ['b', gone('b')],
    ]);
    expect(fetchMessage(none, covered(none))).toEqual({
      tone: 'error',
      title: 'None of the 2 listed traces could be fetched',
      detail: 'a: Trace a not found. (and 1 more)',
    });
  });

  it('says the fetch was cancelled before any trace came in', () => {
    const cancelled = done([], true);
    expect(fetchMessage(cancelled, covered(cancelled))).toMatchObject({ tone: 'info', title: 'Fetching cancelled' });
  });
});

describe('panelBody', () => {
  const message = { tone: 'info' as const, title: 'No data', detail: 'Nothing.' };

  it('shows the input’s message first, then the fetch’s, then the progress', () => {
    expect(panelBody({ kind: 'message', message }, { status: 'idle' }, undefined, DEFAULT_OPTIONS, RANGE)).toEqual({
      kind: 'message',
      message,
    });
    const failed = done([
      ['a', gone('a')],
      ['b', gone('b')],
    ]);
    expect(panelBody(searchInput, failed, undefined, DEFAULT_OPTIONS, RANGE)).toMatchObject({
      kind: 'message',
      message: { title: 'None of the 2 listed traces could be fetched' },
    });
    const loading: SearchState = { status: 'loading', results: new Map([['a', loaded]]), total: 2 };
    expect(panelBody(searchInput, loading, undefined, DEFAULT_OPTIONS, RANGE)).toMatchObject({
      kind: 'progress',
      done: 1,
      total: 2,
      coverage: { used: 1, requested: 2, notFetched: 1 },
    });
  });

  it('shows the breakdown with its coverage and the larger sample the panel could fetch', () => {
    const state = done([
      ['a', loaded],
      ['b', gone('b')],
    ]);
    expect(panelBody(searchInput, state, content, DEFAULT_OPTIONS, RANGE)).toMatchObject({
      kind: 'breakdown',
      content,
      summary: 'Self time by service · 2 traces · share of the summed trace durations (37 ms)',
      coverage: { used: 1, listed: 3 },
      // 2 of 3 listed fetched: all 3 can be
      raiseTo: 3,
      notes: ['Work running in parallel can make shares add up to more than 100%.'],
    });
    const all = { ...searchInput, listed: 2 };
    expect(panelBody(all, state, content, DEFAULT_OPTIONS, RANGE)).toMatchObject({ raiseTo: undefined });
    expect(panelBody(searchInput, { status: 'idle' }, undefined, DEFAULT_OPTIONS, RANGE)).toEqual({ kind: 'none' });
  });
});

describe('panelAnalyses', () => {
  it('takes the trace frames’ analyses, or the fetched ones once all are in', () => {
    const frames: PanelInput = { kind: 'traces', analyses: [analysis], metrics: [] };
    expect(panelAnalyses(frames, { status: 'idle' })).toEqual([analysis]);
    expect(panelAnalyses(searchInput, { status: 'loading', results: new Map(), total: 1 })).toBeUndefined();
    expect(
      panelAnalyses(
        searchInput,
        done([
          ['a', loaded],
          ['b', loaded],
        ])
      )
    ).toHaveLength(2);
  });
});

describe('the header and links', () => {
  it('names the group (the attribute key for attributes), the traces and the overlay', () => {
    const one = { breakdown: { ...content.breakdown, traceCount: 1, overlayLabel: 'p95 (span metrics)' } };
    expect(panelSummary(one, { ...DEFAULT_OPTIONS, groupBy: 'spanKind' })).toBe(
      'Self time by span kind · 1 trace · share of the summed trace durations (37 ms) · ticks: p95 (span metrics)'
    );
    expect(panelSummary(content, { ...DEFAULT_OPTIONS, groupBy: 'attribute', attributeKey: 'db.system' })).toBe(
      'Self time by db.system · 2 traces · share of the summed trace durations (37 ms)'
    );
  });

  it('carries the grouping and measure to the trace page, the key only for attributes', () => {
    expect(tracePageView({ ...DEFAULT_OPTIONS, groupBy: 'operation', measure: 'criticalPath' })).toEqual({
      group: 'operation',
      measure: 'criticalPath',
    });
    expect(tracePageView({ ...DEFAULT_OPTIONS, groupBy: 'attribute', attributeKey: 'http.route' })).toEqual({
      group: 'attribute',
      measure: 'self',
      groupAttr: 'http.route',
    });
  });

  it('carries a synchronous critical path to the trace page', () => {
    expect(tracePageView({ ...DEFAULT_OPTIONS, measure: 'criticalPath', pathMode: 'sync' })).toEqual({
      group: 'service',
      measure: 'criticalPath',
      path: 'sync',
    });
  });

  it('drops the header below 260 × 120 px', () => {
    expect([isTiny(260, 120), isTiny(259, 400), isTiny(800, 119)]).toEqual([false, true, true]);
  });
});

describe('panelContent’s critical path', () => {
  // web's request R [0,50] µs publishes P [10,30]; worker's consumer C [20,80] runs on after R ended.
  // Async: C owns (50,80] of the 80 µs path, web R (0,10] + (30,50] and P (10,30]: 50 µs.
  // Sync: the path ends with R at 50 µs; C's 30 µs is a gap, on no row.
  const trace = analysedHandSpans([
    { id: 'r', service: 'web', kind: 'SERVER', start: 0, end: 50 },
    { id: 'p', service: 'web', kind: 'PRODUCER', parent: 'r', start: 10, end: 30 },
    { id: 'c', service: 'worker', kind: 'CONSUMER', parent: 'p', start: 20, end: 80 },
  ]);
  const input = { kind: 'traces' as const, source: SOURCE, analyses: [trace], metrics: [] };
  const perService = (pathMode: 'sync' | 'async') =>
    panelContent(
      [trace],
      input,
      { ...DEFAULT_OPTIONS, measure: 'criticalPath', pathMode },
      { fromMs: 0, toMs: 1 }
    ).breakdown.rows.map((r) => [r.label, r.value / 1000]);

  it.each([
    [
      'async',
      [
        ['web', 50],
        ['worker', 30],
      ],
    ],
    [
      'sync',
      [
        ['web', 50],
        ['worker', 0],
      ],
    ],
  ] as const)('in %s mode gives %j µs per service', (mode, rows) => {
    expect(perService(mode)).toEqual(rows);
  });
});

describe('panelContent grouped by model', () => {
  // an agent run r [0,100] µs calls gpt-4o (c1 [10,35], its request model) and then a model that
  // only names itself in its response, claude-3 (c2 [50,90]): self times c1 25, c2 40,
  // r 100 − 25 − 40 = 35, which has no model
  const run = analysedHandSpans([
    { id: 'r', service: 'agent', start: 0, end: 100, attrs: { 'gen_ai.operation.name': 'invoke_agent' } },
    {
      id: 'c1',
      parent: 'r',
      service: 'agent',
      start: 10,
      end: 35,
      attrs: { 'gen_ai.operation.name': 'chat', 'gen_ai.request.model': 'gpt-4o' },
    },
    {
      id: 'c2',
      parent: 'r',
      service: 'agent',
      start: 50,
      end: 90,
      attrs: { 'gen_ai.operation.name': 'chat', 'gen_ai.response.model': 'claude-3' },
    },
  ]);
  const options = { ...DEFAULT_OPTIONS, groupBy: 'model' as const };
  const input = { kind: 'traces' as const, source: SOURCE, analyses: [run], metrics: [] };
  const byModel = panelContent([run], input, options, { fromMs: 1000, toMs: 2000 });

  it('gives each model its self time, the spans without one to (none), and links a model to its spans', () => {
    expect(byModel.breakdown.rows.map((r) => [r.label, r.value / 1000])).toEqual([
      ['claude-3', 40],
      ['(none)', 35],
      ['gpt-4o', 25],
    ]);
    const search = (href: string | undefined) => href && new URL(href, 'http://grafana').searchParams.get('q');
    expect(byModel.breakdown.rows.map((r) => search(r.href))).toEqual([
      '{ span.gen_ai.request.model = "claude-3" || span.gen_ai.response.model = "claude-3" }',
      undefined,
      '{ span.gen_ai.request.model = "gpt-4o" || span.gen_ai.response.model = "gpt-4o" }',
    ]);
  });

  it('names the grouping in the header and carries it to the trace page', () => {
    expect(panelSummary(byModel, options)).toBe('Self time by model · 1 trace · share of the trace duration (100 µs)');
    expect(tracePageView(options)).toEqual({ group: 'model', measure: 'self' });
  });
});
