import type { BreakdownView } from '../../components/breakdown';
import type { TraceAnalysis } from '../../engine';
import type { PanelInput } from './input';
import { DEFAULT_OPTIONS } from './options';
import {
  fetchOutcome,
  isTiny,
  panelAnalyses,
  panelBody,
  PanelContent,
  panelSummary,
  tracePageView,
} from './panelModel';
import type { FetchedAnalyses, SearchState } from './useSearchAnalyses';

const analysis = {} as TraceAnalysis;
const done = (result: Partial<FetchedAnalyses>): SearchState => ({
  status: 'done',
  result: { analyses: [], failures: [], partial: [], ...result },
});
const gone = (traceId: string) => ({ traceId, message: 'Trace not found.' });
const SOURCE = { uid: 'tempo', type: 'tempo' as const };
const searchInput: PanelInput = { kind: 'search', source: SOURCE, hits: [], notes: ['Sampled 2 of 3.'], metrics: [] };
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

describe('fetchOutcome', () => {
  it('says nothing before the fetch is done', () => {
    expect(fetchOutcome({ status: 'loading', done: 1, total: 3 })).toEqual({ notes: [] });
  });

  it('is a message when every trace failed, naming the first and counting the rest', () => {
    expect(fetchOutcome(done({ failures: [gone('a'), gone('b'), gone('c')] }))).toEqual({
      message: {
        tone: 'error',
        title: 'None of the 3 listed traces could be fetched',
        detail: 'a: Trace not found. (and 2 more)',
      },
      notes: [],
    });
  });

  it('notes partial traces and, when some arrived, the failures', () => {
    const partial = [{ traceId: 'p', message: 'too big' }];
    expect(fetchOutcome(done({ analyses: [analysis, analysis], failures: [gone('x')], partial }))).toEqual({
      notes: ['Trace p is partial: too big', '1 of 3 traces could not be fetched, e.g. x: Trace not found.'],
    });
  });
});

describe('panelBody', () => {
  const message = { tone: 'info' as const, title: 'No data', detail: 'Nothing.' };

  it('shows the input’s message first, then the fetch’s, then the progress', () => {
    expect(panelBody({ kind: 'message', message }, { status: 'idle' }, undefined, DEFAULT_OPTIONS)).toEqual({
      kind: 'message',
      message,
    });
    expect(panelBody(searchInput, done({ failures: [gone('a')] }), undefined, DEFAULT_OPTIONS)).toMatchObject({
      kind: 'message',
      message: { title: 'None of the 1 listed traces could be fetched' },
    });
    expect(panelBody(searchInput, { status: 'loading', done: 1, total: 4 }, undefined, DEFAULT_OPTIONS)).toEqual({
      kind: 'progress',
      done: 1,
      total: 4,
    });
  });

  it('shows the breakdown with the input’s notes and the fetch’s as warnings', () => {
    const state = done({ analyses: [analysis], failures: [gone('x')] });
    expect(panelBody(searchInput, state, content, DEFAULT_OPTIONS)).toEqual({
      kind: 'breakdown',
      content,
      summary: 'Self time by service · 2 traces · share of the summed trace durations (37 ms)',
      warnings: ['Sampled 2 of 3.', '1 of 2 traces could not be fetched, e.g. x: Trace not found.'],
      notes: ['Work running in parallel can make shares add up to more than 100%.'],
    });
    expect(panelBody(searchInput, { status: 'idle' }, undefined, DEFAULT_OPTIONS)).toEqual({ kind: 'none' });
  });
});

describe('panelAnalyses', () => {
  it('takes the trace frames’ analyses, or the fetched ones once all are in', () => {
    const frames: PanelInput = { kind: 'traces', analyses: [analysis], metrics: [] };
    expect(panelAnalyses(frames, { status: 'idle' })).toEqual([analysis]);
    expect(panelAnalyses(searchInput, { status: 'loading', done: 0, total: 1 })).toBeUndefined();
    expect(panelAnalyses(searchInput, done({ analyses: [analysis, analysis] }))).toHaveLength(2);
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

  it('drops the header below 260 × 120 px', () => {
    expect([isTiny(260, 120), isTiny(259, 400), isTiny(800, 119)]).toEqual([false, true, true]);
  });
});
