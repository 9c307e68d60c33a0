import React from 'react';
import { fireEvent, render, screen, within } from '@testing-library/react';
import { tableCells, tableRows } from '../../../tests/support/tables';
import { analyzeTrace, diffCallTrees, parseOtlpTrace } from '../../engine';
import { TinySpan, tinyOtlp } from '../../../tests/synthetic/tiny';
import { callTreeDiffView } from './callTreeDiffView';
import { CallTreeDiffSection } from './CallTreeDiffSection';

// the flame graph draws on a canvas, which jsdom has not: a stand-in shows the second row's values
jest.mock('@grafana/flamegraph', () => ({
  FlameGraph: ({ data }: { data: { fields: Array<{ name: string; values: number[] }> } }) =>
    jest.requireActual('react').createElement(
      'div',
      { 'data-testid': 'flame-graph' },
      data.fields
        .filter((f) => f.name === 'value' || f.name === 'valueRight')
        .map((f) => `${f.name} ${f.values[1] / 1000}`)
        .join(', ')
    ),
}));

const analysed = (spans: TinySpan[]) => analyzeTrace(parseOtlpTrace(tinyOtlp(spans)));

/*
 * Baseline b1: GET [0,100] ── q [10,30]            self = critical: GET 80, q 20
 * Slow s1:     GET [0,100] ── q ×3, each [10,50] in parallel (a fan-out)
 *   self: GET 60, q 3 × 40 = 120; critical: GET 60, q 40 (one of them); durations: q 120 > GET 100
 *   Δ per trace: q +2 calls, critical +20, self +100; GET critical −20, self −20
 */
const view = callTreeDiffView(
  diffCallTrees(
    [
      analysed([
        { id: 'r', service: 'api', name: 'GET', start: 0, end: 100 },
        { id: 'q', parent: 'r', service: 'db', name: 'q', start: 10, end: 30 },
      ]),
    ],
    [
      analysed([
        { id: 'r', service: 'api', name: 'GET', start: 0, end: 100 },
        ...[0, 1, 2].map((k): TinySpan => ({ id: `q${k}`, parent: 'r', service: 'db', name: 'q', start: 10, end: 50 })),
      ]),
    ]
  ),
  ['b1'],
  ['s1'],
  10
);

describe('CallTreeDiffSection', () => {
  it('lists the changed call paths with Δ calls and times per trace and links to both sides', () => {
    render(<CallTreeDiffSection view={view} rowActions={() => []} traceHref={(id) => `/trace/${id}`} />);
    // GET and q tie on |Δ critical path| 20; q's |Δ self| is larger
    expect(tableCells('Call paths that changed most')).toEqual([
      ['api: GET › db: q', '+2', '+20 µs', '+100 µs', 'slowbaseline'],
      ['api: GET', '+0', '−20 µs', '−20 µs', 'slowbaseline'],
    ]);
    const rows = tableRows('Call paths that changed most');
    expect(within(rows[0]).getByRole('link', { name: 'slow' })).toHaveAttribute('href', '/trace/s1');
    expect(within(rows[0]).getByRole('link', { name: 'baseline' })).toHaveAttribute('href', '/trace/b1');
    // a header sorts: the first click puts the largest first, the second the smallest
    const calls = screen.getByRole('button', { name: /Calls per trace/ });
    fireEvent.click(calls);
    fireEvent.click(calls);
    expect(tableCells('Call paths that changed most').map((r) => r[1])).toEqual(['+0', '+2']);
  });

  it('switches the flame graph between critical-path, self and total time', async () => {
    render(<CallTreeDiffSection view={view} rowActions={() => []} traceHref={(id) => `/trace/${id}`} />);
    // row 1 is api: GET: the whole 100 µs on the path on both sides
    expect(await screen.findByTestId('flame-graph')).toHaveTextContent('value 100, valueRight 100');
    fireEvent.click(screen.getByRole('radio', { name: 'Self time' }));
    // self over GET's subtree: 80 + 20 vs 60 + 120
    expect(screen.getByTestId('flame-graph')).toHaveTextContent('value 100, valueRight 180');
    fireEvent.click(screen.getByRole('radio', { name: 'Total span time' }));
    // durations: GET 100 ≥ q 20 (baseline); the slow queries add up to 120 > 100, so GET is widened
    expect(screen.getByTestId('flame-graph')).toHaveTextContent('value 100, valueRight 120');
  });
});
