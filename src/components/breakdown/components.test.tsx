import React from 'react';
import { render, screen, within } from '@testing-library/react';
import { tableCells, tableHeaders, tableRows } from '../../../tests/support/tables';
import { user } from '../../../tests/support/user';
import { analyzeTrace, NONE_LABEL, traceFromDataFrame } from '../../engine';
import { inZhHans } from '../../../tests/support/i18n';
import { BreakdownBars } from './BreakdownBars';
import { BreakdownTable } from './BreakdownTable';
import { flameDataFrame } from './BreakdownFlameGraph';
import { formatDuration } from './format';
import { StackedTraceBars } from './StackedTraceBars';
import { tempoTraceFrame } from '../../../tests/support/traceFrames';
import { breakdownView, flameColumns, traceStacks, ViewOptions } from './view-model';

const analysis = analyzeTrace(traceFromDataFrame(tempoTraceFrame()));
const opts: ViewOptions = { groupBy: { kind: 'service' }, measure: 'self', topN: 3, sort: 'desc' };
const view = breakdownView([analysis], opts);
const rowTexts = (testId: string) => screen.getAllByTestId(testId).map((r) => r.textContent);

describe('formatDuration', () => {
  it.each([
    [5_363_000, 'auto', '5.36 ms'],
    [18_467_000, 'ms', '18.5 ms'],
    [587_000, 'auto', '587 µs'],
    [587_000, 's', '0.000587 s'],
    [1_250_000_000, 'auto', '1.25 s'],
    [750, 'auto', '750 ns'],
  ] as const)('%d ns in %s → %s', (ns, unit, text) => expect(formatDuration(ns, unit)).toBe(text));
});

describe('BreakdownBars', () => {
  it('shows each row with its value and share of the trace duration, "Other" last', () => {
    render(<BreakdownBars view={view} />);
    // user-service 5363 µs = 29.0% of 18467 µs; Other = api-gateway 3680 + frontend 3196 = 6876 µs = 37.2%
    expect(rowTexts('breakdown-row')).toEqual([
      'user-service5.36 ms 29.0%',
      'auth-service5.10 ms 27.6%',
      'order-worker4.41 ms 23.9%',
      'Other (2 groups)6.88 ms 37.2%',
    ]);
  });

  it('makes rows with a link focusable links, in a fixed unit', async () => {
    const linked = { ...view, rows: view.rows.map((r) => ({ ...r, href: `/a/x/search?key=${r.label}` })) };
    render(<BreakdownBars view={linked} unit="us" />);
    await user.tab();
    expect(screen.getByRole('link', { name: 'user-service' })).toHaveFocus();
    expect(screen.getByRole('link', { name: 'user-service' })).toHaveAttribute('href', '/a/x/search?key=user-service');
    expect(rowTexts('breakdown-row')[0]).toBe('user-service5363 µs 29.0%');
  });

  it('puts waiting time and the overlay in the row summary', () => {
    const busy = breakdownView([analysis], { ...opts, measure: 'busyIdle', topN: 0 });
    const frontend = { ...busy.rows.find((r) => r.label === 'frontend')!, overlay: 9_000_000 };
    render(<BreakdownBars view={{ ...busy, rows: [frontend], overlayLabel: 'p95 (span metrics)' }} />);
    expect(screen.getByText('frontend')).toHaveAttribute(
      'title',
      'Busy time: 3.20 ms · 17.3% (share of the trace duration (18.5 ms)) · waiting on others: 8.20 ms · 2 spans · p95 (span metrics): 9 ms'
    );
  });
});

describe('BreakdownTable', () => {
  const TABLE = 'Self time by group';
  const rowNames = () => tableRows(TABLE).map((r) => within(r).getAllByRole('cell')[0].textContent);

  it('sorts by a column from the keyboard and keeps "Other" last', async () => {
    render(<BreakdownTable view={view} unit="ms" />);
    screen.getByRole('button', { name: 'Sort column Group' }).focus();
    await user.keyboard('{Enter}');
    expect(screen.getByRole('columnheader', { name: /Group/ })).toHaveAttribute('aria-sort', 'ascending');
    expect(tableRows(TABLE).map((r) => r.textContent)).toEqual([
      'auth-service5.10 ms27.6%1',
      'order-worker4.41 ms23.9%1',
      'user-service5.36 ms29.0%2',
      'Other (2 groups)6.88 ms37.2%6',
    ]);
    expect(screen.getByRole('table', { name: TABLE })).toHaveAccessibleDescription(
      'Self time by group, share of the trace duration (18.5 ms)'
    );
  });

  it("sorts numbers largest first, then reversed, then back in the view's order; ties keep that order", async () => {
    render(<BreakdownTable view={view} />);
    // spans: user-service 2, auth-service 1, order-worker 1; "Other" (6) last all the same
    expect(rowNames()).toEqual(['user-service', 'auth-service', 'order-worker', 'Other (2 groups)']);
    await user.click(screen.getByRole('button', { name: 'Sort column Spans' }));
    expect(screen.getByRole('columnheader', { name: /Spans/ })).toHaveAttribute('aria-sort', 'descending');
    expect(rowNames()).toEqual(['user-service', 'auth-service', 'order-worker', 'Other (2 groups)']);
    await user.click(screen.getByRole('button', { name: 'Sort column Spans' }));
    expect(rowNames()).toEqual(['auth-service', 'order-worker', 'user-service', 'Other (2 groups)']);
    await user.click(screen.getByRole('button', { name: 'Sort column Spans' }));
    expect(screen.getByRole('columnheader', { name: /Spans/ })).not.toHaveAttribute('aria-sort');
    // share: user-service 29.0%, auth-service 27.6%, order-worker 23.9%; ascending on the second press
    await user.click(screen.getByRole('button', { name: 'Sort column Share' }));
    await user.click(screen.getByRole('button', { name: 'Sort column Share' }));
    expect(rowNames()).toEqual(['order-worker', 'auth-service', 'user-service', 'Other (2 groups)']);
  });

  it('adds per-trace percentile and overlay columns when the view has them', () => {
    const two = breakdownView([analysis, analysis], { ...opts, topN: 1 });
    render(
      <BreakdownTable view={{ ...two, overlayLabel: 'p95', rows: [{ ...two.rows[0], overlay: 6e6 }, two.rows[1]] }} />
    );
    expect(tableHeaders(TABLE)).toEqual([
      'Group',
      'Self time',
      'Share',
      'Spans',
      'p50 per trace',
      'p90 per trace',
      'p99 per trace',
      'p95',
    ]);
    expect(tableCells(TABLE)[0]).toEqual([
      'user-service',
      '5.36 ms',
      '29.0%',
      '4',
      '5.36 ms',
      '5.36 ms',
      '5.36 ms',
      '6 ms',
    ]);
  });
});

describe('StackedTraceBars', () => {
  it('draws one labelled stack per trace with a legend', () => {
    const stacks = traceStacks([analysis], opts, view).map((s) => ({ ...s, href: `/a/x/trace/${s.traceId}` }));
    render(<StackedTraceBars stacks={stacks} measureLabel="Self time" />);
    expect(screen.getByRole('link', { name: 'frontend: GET /checkout' })).toHaveAttribute(
      'href',
      '/a/x/trace/8d3115b67acbe152b049ac86d48a02e0'
    );
    // segments sum to the self time of all spans: 21754 µs
    expect(screen.getByRole('img')).toHaveAccessibleName(
      'frontend: GET /checkout (18.5 ms), Self time: user-service 5.36 ms, auth-service 5.10 ms, order-worker 4.41 ms, Other 6.88 ms'
    );
    expect(
      within(screen.getByRole('list', { name: 'Legend' }))
        .getAllByRole('listitem')
        .map((i) => i.textContent)
    ).toEqual(['user-service', 'auth-service', 'order-worker', 'Other']);
    expect(rowTexts('trace-stack')[0]).toBe('frontend: GET /checkout21.8 ms');
  });
});

describe('flameDataFrame', () => {
  it('has the four nested-set fields in ns', () => {
    const frame = flameDataFrame(flameColumns([analysis]).self);
    expect(frame.fields.map((f) => [f.name, f.config.unit])).toEqual([
      ['level', undefined],
      ['value', 'ns'],
      ['self', 'ns'],
      ['label', undefined],
    ]);
    expect(frame.length).toBe(11);
  });
});

describe('RowLabel in zh-Hans', () => {
  inZhHans();

  it('says the group of spans lacking the attribute as （无）, its link unchanged', () => {
    const none = { ...view.rows[0], label: NONE_LABEL, href: '/a/x/search?key=%28none%29' };
    render(<BreakdownBars view={{ ...view, rows: [none] }} />);
    expect(screen.getByRole('link', { name: '（无）' })).toHaveAttribute('href', '/a/x/search?key=%28none%29');
  });
});
