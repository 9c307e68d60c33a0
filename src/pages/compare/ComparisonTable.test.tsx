import React from 'react';
import { render, screen } from '@testing-library/react';
import { tableCells } from '../../../tests/support/tables';
import { user } from '../../../tests/support/user';
import { ComparisonOther, ComparisonRow } from '../../engine';
import { ComparisonTable } from './ComparisonTable';

const MS = 1e6;
const side = (critical: number, traces = 1) => ({
  traces,
  criticalPathPerTrace: critical * MS,
  selfPerTrace: critical * MS,
  criticalPathShare: critical / 100,
});
/** A component (service, operation) taking `slowMs` vs `baselineMs` of critical path and of self time per trace. */
const component = (service: string, operation: string, slowMs: number, baselineMs: number): ComparisonRow => ({
  key: JSON.stringify([service, operation]),
  label: `${service}: ${operation}`,
  parts: [service, operation],
  slow: side(slowMs),
  baseline: side(baselineMs),
  criticalPathDelta: (slowMs - baselineMs) * MS,
  selfDelta: (slowMs - baselineMs) * MS,
  shareDelta: (slowMs - baselineMs) / 100,
});
const row = component('api', 'GET', 30, 10);
// a component faster in the slow traces: 5 ms vs 15 ms
const faster = component('db', 'SELECT', 5, 15);
// three components merged: 14 ms vs 15 ms of critical path per trace, self 89 vs 15
const other: ComparisonOther = {
  components: 3,
  slow: { criticalPathPerTrace: 14 * MS, selfPerTrace: 89 * MS, criticalPathShare: 0.14 },
  baseline: { criticalPathPerTrace: 15 * MS, selfPerTrace: 15 * MS, criticalPathShare: 0.3 },
  criticalPathDelta: -1 * MS,
  selfDelta: 74 * MS,
  shareDelta: -0.16,
};

const TABLE = 'Differences, largest first';
const labels = () => tableCells(TABLE).map((cells) => cells[1]);

describe('ComparisonTable', () => {
  it('shows the merged components last, in one row without a rank or bar', () => {
    render(<ComparisonTable rows={[row]} other={other} examples={new Map()} traceHref={(id) => id} />);
    expect(tableCells(TABLE)).toEqual([
      ['1', 'api: GET', '30 ms', '10 ms', '+20 ms', '', '30.0% vs 10.0%', '+20 ms', ''],
      ['', 'Other (3 components)', '14 ms', '15 ms', '−1 ms', '', '14.0% vs 30.0%', '+74 ms', ''],
    ]);
  });

  it('has no "other" row when every component has a row, and links example traces', () => {
    const examples = new Map([[row.key, ['862e40707a2b002c', '0af7651916cd43dd']]]);
    render(<ComparisonTable rows={[row]} other={null} examples={examples} traceHref={(id) => `/trace/${id}`} />);
    expect(labels()).toEqual(['api: GET']);
    expect(screen.getByRole('link', { name: '0af76519' })).toHaveAttribute('href', '/trace/0af7651916cd43dd');
  });

  it('sorts by a column with "Other" last in both directions, and the rank gives the ranking back', async () => {
    render(<ComparisonTable rows={[row, faster]} other={other} examples={new Map()} traceHref={(id) => id} />);
    // self time difference: api +20 ms, db −10 ms, Other +74 ms (largest, yet last)
    const self = screen.getByRole('button', { name: 'Sort column Self time difference' });
    await user.click(self);
    expect(labels()).toEqual(['api: GET', 'db: SELECT', 'Other (3 components)']);
    await user.click(self);
    expect(screen.getByRole('columnheader', { name: /Self time difference/ })).toHaveAttribute(
      'aria-sort',
      'ascending'
    );
    expect(labels()).toEqual(['db: SELECT', 'api: GET', 'Other (3 components)']);
    screen.getByRole('button', { name: 'Sort column #' }).focus();
    await user.keyboard('{Enter}');
    expect(tableCells(TABLE).map((cells) => cells[0])).toEqual(['1', '2', '']);
    expect(labels()).toEqual(['api: GET', 'db: SELECT', 'Other (3 components)']);
  });
});
