import React from 'react';
import { render, screen, within } from '@testing-library/react';
import { analyzeTrace, parseOtlpTrace, PathMode, TraceAnalysis, withPathMode } from '../../engine';
import { TinySpan, tinyId, tinyOtlp } from '../../../tests/synthetic/tiny';
import { user } from '../../../tests/support/user';
import { CriticalPathSection } from './CriticalPathSection';
import { GAPS_SHOWN, pathGapRows } from './pathGapRows';

const MS = 1000; // tiny traces are in µs
const NS_PER_MS = 1e6; // the engine answers in ns

const analyze = (spans: TinySpan[]) => analyzeTrace(parseOtlpTrace(tinyOtlp(spans)));

/**
 * r [0,100] ms sends a message (prod [10,20]); it waits in a queue until cons runs [150,200]:
 * async path r, prod, r, cons with the 50 ms queue gap (100,150]; sync path r, prod, r and the
 * gap (100,200].
 */
const QUEUE: TinySpan[] = [
  { id: 'r', service: 'web', kind: 'server', start: 0, end: 100 * MS },
  { id: 'prod', service: 'web', kind: 'producer', parent: 'r', start: 10 * MS, end: 20 * MS },
  { id: 'cons', service: 'worker', kind: 'consumer', parent: 'prod', start: 150 * MS, end: 200 * MS },
];

function renderSection(analysis: TraceAnalysis, mode: PathMode, traceHref?: (id: string) => string) {
  const onSelect = jest.fn();
  const onModeChange = jest.fn();
  render(
    <CriticalPathSection
      analysis={withPathMode(analysis, mode)}
      mode={mode}
      onModeChange={onModeChange}
      onSelect={onSelect}
      traceHref={traceHref}
    />
  );
  return { onSelect, onModeChange };
}

const items = () => within(screen.getByRole('list', { name: 'Unattributed gaps' })).getAllByRole('listitem');

describe('CriticalPathSection', () => {
  it('lists the queue gap between the producer side and the consumer; a span name selects the span', async () => {
    const a = analyze(QUEUE);
    const { onSelect } = renderSection(a, 'async');
    expect(screen.getByText(/Unattributed gaps:/)).toHaveTextContent('Unattributed gaps: 50 ms in 1 gap');
    expect(items().map((li) => li.textContent)).toEqual(['50 ms at 100 ms between web: r and worker: cons']);
    await user.click(screen.getByRole('button', { name: 'worker: cons' }));
    expect(onSelect).toHaveBeenCalledWith(2);
    expect(screen.getByRole('radio', { name: 'Follow async work and links' })).toBeChecked();
  });

  it('keeps a focused span button, and its focus, when the page re-renders', () => {
    const a = withPathMode(analyze(QUEUE), 'async');
    const section = (onSelect: (span: number) => void) => (
      <CriticalPathSection analysis={a} mode="async" onModeChange={jest.fn()} onSelect={onSelect} />
    );
    const { rerender } = render(section(jest.fn()));
    const button = screen.getByRole('button', { name: 'web: r' });
    button.focus();
    const onSelect = jest.fn();
    rerender(section(onSelect));
    expect(screen.getByRole('button', { name: 'web: r' })).toBe(button);
    expect(button).toHaveFocus();
    button.click();
    expect(onSelect).toHaveBeenCalledWith(0);
  });

  it('says in sync mode that async work runs after the synchronous path, and switches mode', async () => {
    const { onModeChange } = renderSection(analyze(QUEUE), 'sync');
    expect(screen.getByText(/Unattributed gaps:/)).toHaveTextContent('Unattributed gaps: 100 ms in 1 gap');
    expect(items().map((li) => li.textContent)).toEqual([
      '100 ms at 100 ms after web: r: the synchronous path has ended; async work runs until the trace ends',
    ]);
    await user.click(screen.getByRole('radio', { name: 'Follow async work and links' }));
    expect(onModeChange).toHaveBeenCalledWith('async');
  });

  it('says when the path accounts for the whole trace', () => {
    renderSection(analyze([{ id: 'r', start: 0, end: 10 * MS }]), 'async');
    expect(screen.getByText('No unattributed gaps: the path accounts for the whole trace.')).toBeInTheDocument();
    expect(screen.queryByTestId('unfollowed-links')).toBeNull();
  });

  it('counts the links not followed and links the other traces', () => {
    const OTHER = 'ffeeddccbbaa99887766554433221100';
    const a = analyze([
      { id: 'r', start: 0, end: 10 * MS },
      {
        id: 'k',
        parent: 'r',
        start: 2 * MS,
        end: 4 * MS,
        links: [
          { traceId: OTHER, spanId: tinyId('x') },
          { traceId: OTHER, spanId: tinyId('y') },
          { traceId: '', spanId: tinyId('r') }, // its parent: followed
          { traceId: '', spanId: tinyId('gone') },
        ],
      },
    ]);
    renderSection(a, 'async', (id) => `/trace/${id}`);
    expect(screen.getByTestId('unfollowed-links')).toHaveTextContent(
      '3 links not followed (2 to other traces): neither path follows a link to a span other than the parent, or into ' +
        `another trace. Linked trace: ${OTHER}`
    );
    expect(screen.getByRole('link', { name: OTHER })).toHaveAttribute('href', `/trace/${OTHER}`);
  });
});

describe('pathGapRows', () => {
  it('keeps the largest gaps, largest first, and counts the others', () => {
    // 13 roots of 1 ms: root k runs [k², k² + 1] ms, so 11 gaps of 2k − 2 ms (k = 2..12) lie between them
    const spans = Array.from({ length: 13 }, (_, k) => ({ id: `r${k}`, start: k * k * MS, end: k * k * MS + MS }));
    const { rows, more } = pathGapRows(analyze(spans));
    expect(rows.map((g) => g.duration / NS_PER_MS)).toEqual([22, 20, 18, 16, 14, 12, 10, 8, 6, 4]);
    expect(rows.length).toBe(GAPS_SHOWN);
    // the largest: r11 ends at 122 ms, r12 starts at 144 ms
    expect(rows[0]).toMatchObject({
      start: 122 * NS_PER_MS,
      before: { label: 'svc: r11' },
      after: { label: 'svc: r12' },
    });
    // left out: the 2 ms gap between r1 and r2
    expect(more).toBe(1);
  });
});
