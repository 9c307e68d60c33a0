/*
 * "Agent runs: slow vs baseline" rendered from a hand-made comparison (engine compareAgentRuns):
 * the parts in share order with both sides and the difference, the runs and the path per run, and
 * the table in zh-Hans.
 */
import React from 'react';
import { render, screen } from '@testing-library/react';
import { AgentRunPath, compareAgentRuns } from '../../engine';
import { inZhHans } from '../../../tests/support/i18n';
import { tableCells, tableHeaders } from '../../../tests/support/tables';
import { AgentCompareSection } from './AgentCompareSection';

const US = 1000;
const TABLE = 'Agent runs’ critical path per step, slow vs baseline';

/** A run's path: model, the search tool and own time, µs. */
const run = (model: number, search: number, own: number): AgentRunPath => ({
  span: 0,
  duration: (model + search + own) * US,
  length: (model + search + own) * US,
  model: model * US,
  retrieval: 0,
  tools: [{ tool: 'search', time: search * US }],
  own: own * US,
});

// slow runs (50, 30, 20) and (70, 50, 20): means 60, 40, 20 — path 120; baseline (20, 10, 20): path 50.
// Δ 70: model +40 (57.1%), search +30 (42.9%), retrieval and own 0
const comparison = compareAgentRuns([run(50, 30, 20), run(70, 50, 20)], [run(20, 10, 20)]);

describe('AgentCompareSection', () => {
  it('shows each step as slow vs baseline with the difference and its share, largest share first', () => {
    render(<AgentCompareSection comparison={comparison} />);
    expect(screen.getByRole('heading', { name: 'Agent runs: slow vs baseline' })).toBeInTheDocument();
    expect(screen.getByText(/Runs: 2 slow, 1 baseline\. Critical path per run:/)).toHaveTextContent(
      'Runs: 2 slow, 1 baseline. Critical path per run: 120 µs vs 50 µs (+70 µs)'
    );
    expect(tableHeaders(TABLE)).toEqual([
      'Part',
      'Mean per run',
      'p50 per run',
      'p90 per run',
      'Share of the difference',
    ]);
    expect(tableCells(TABLE)).toEqual([
      ['Model calls', '60 µs vs 20 µs (+40 µs)', '50 µs vs 20 µs (+30 µs)', '70 µs vs 20 µs (+50 µs)', '57.1%'],
      ['Tool search', '40 µs vs 10 µs (+30 µs)', '30 µs vs 10 µs (+20 µs)', '50 µs vs 10 µs (+40 µs)', '42.9%'],
      ['Retrieval', '0 ns vs 0 ns (+0 ns)', '0 ns vs 0 ns (+0 ns)', '0 ns vs 0 ns (+0 ns)', '0.0%'],
      ['Own time', '20 µs vs 20 µs (+0 ns)', '20 µs vs 20 µs (+0 ns)', '20 µs vs 20 µs (+0 ns)', '0.0%'],
    ]);
  });

  it('shows "–" for a side without runs', () => {
    render(<AgentCompareSection comparison={compareAgentRuns([run(50, 30, 20)], [])} />);
    expect(tableCells(TABLE)[0]).toEqual(['Model calls', '50 µs vs – (–)', '50 µs vs – (–)', '50 µs vs – (–)', '–']);
  });

  describe('in zh-Hans', () => {
    inZhHans();

    it('words the section in Chinese', () => {
      render(<AgentCompareSection comparison={comparison} />);
      expect(screen.getByRole('heading', { name: '智能体运行：慢追踪与基线' })).toBeInTheDocument();
      const table = screen.getByRole('table');
      expect(tableCells(table.getAttribute('aria-label')!)[1][0]).toBe('工具 search');
    });
  });
});
