import React from 'react';
import { render, screen, within } from '@testing-library/react';

import { ComparisonOther, ComparisonRow } from '../../engine';
import { ComparisonTable } from './ComparisonTable';

const MS = 1e6;
const side = (critical: number, traces = 1) => ({
  traces,
  criticalPathPerTrace: critical * MS,
  selfPerTrace: critical * MS,
  criticalPathShare: critical / 100,
});
const row: ComparisonRow = {
  key: '["api","GET"]',
  label: 'api: GET',
  parts: ['api', 'GET'],
  slow: side(30),
  baseline: side(10),
  criticalPathDelta: 20 * MS,
  selfDelta: 20 * MS,
  shareDelta: 0.2,
};
// three components merged: 14 ms vs 15 ms of critical path per trace, self 89 vs 15
const other: ComparisonOther = {
  components: 3,
  slow: { criticalPathPerTrace: 14 * MS, selfPerTrace: 89 * MS, criticalPathShare: 0.14 },
  baseline: { criticalPathPerTrace: 15 * MS, selfPerTrace: 15 * MS, criticalPathShare: 0.3 },
  criticalPathDelta: -1 * MS,
  selfDelta: 74 * MS,
  shareDelta: -0.16,
};

describe('ComparisonTable', () => {
  it('shows the merged components last, in one row without a rank', () => {
    render(<ComparisonTable rows={[row]} other={other} examples={new Map()} traceHref={(id) => id} />);
    expect(screen.getAllByTestId('comparison-row')).toHaveLength(1);
    const cells = within(screen.getByTestId('comparison-other'))
      .getAllByRole('cell')
      .map((c) => c.textContent);
    expect(cells.slice(0, 5)).toEqual(['', 'Other (3 components)', '14 ms', '15 ms', '−1 ms']);
    // (the bar cell is hidden from the accessibility tree) then the shares and the self-time difference
    expect(cells.slice(5)).toEqual(['14.0% vs 30.0%', '+74 ms', '']);
  });

  it('has no "other" row when every component has a row', () => {
    render(<ComparisonTable rows={[row]} other={null} examples={new Map()} traceHref={(id) => id} />);
    expect(screen.queryByTestId('comparison-other')).toBeNull();
  });
});
