/*
 * One agent run's critical path through its steps, rendered from hand-made traces whose paths are
 * worked out by hand: the parts' times and shares, the run's path beside its duration, a run the
 * path does not enter, and the table in zh-Hans.
 */
import React from 'react';
import { render, screen } from '@testing-library/react';
import { withPathMode } from '../../../engine';
import { analysedHandSpans, handSpan } from '../../../engine/testing/genai-spans';
import { inZhHans } from '../../../../tests/support/i18n';
import { tableCells, tableHeaders } from '../../../../tests/support/tables';
import { tinyId } from '../../../../tests/synthetic/tiny';
import { AgentPathTable } from './AgentPathTable';
import { helperRun } from './testing/handTraces';

/*
 * helperRun: run [0,100], chat [20,40], search [45,70], calc [50,80]. The path waits for calc,
 * which ended last: run (80,100], calc (50,80], run (40,50], chat (20,40], run (0,20] →
 * model 20, calc 30, search 0, own 50 of 100 µs.
 */
const TABLE = `Critical path through the steps of run ${tinyId('run')}`;

describe('AgentPathTable', () => {
  it('shows the run’s time on the critical path per step kind, with shares of the run’s path', () => {
    const analysis = helperRun();
    render(<AgentPathTable analysis={analysis} run={handSpan(analysis, 'run')} />);
    expect(screen.getByText('100 µs of the run’s 100 µs on the critical path')).toBeInTheDocument();
    expect(tableHeaders(TABLE)).toEqual(['Part', 'On the critical path', 'Share of the run’s path']);
    expect(tableCells(TABLE)).toEqual([
      ['Model calls', '20 µs', '20.0%'],
      ['Retrieval', '0 ns', '0.0%'],
      ['Tool calc', '30 µs', '30.0%'],
      ['Tool search', '0 ns', '0.0%'],
      ['Own time', '50 µs', '50.0%'],
    ]);
  });

  /* R [0,50] ── run [10,100] (outlives R): the synchronous path is R (0,50], then a gap. */
  it('says so when the path of the page’s mode does not run through the run', () => {
    const analysis = analysedHandSpans([
      { id: 'R', start: 0, end: 50, kind: 'SERVER' },
      { id: 'run', parent: 'R', start: 10, end: 100, attrs: { 'gen_ai.operation.name': 'invoke_agent' } },
    ]);
    render(<AgentPathTable analysis={withPathMode(analysis, 'sync')} run={handSpan(analysis, 'run')} />);
    expect(screen.getByText('0 ns of the run’s 90 µs on the critical path')).toBeInTheDocument();
    expect(screen.getByText(/The critical path does not run through this run/)).toBeInTheDocument();
    expect(screen.queryByRole('table')).toBeNull();
  });

  describe('in zh-Hans', () => {
    inZhHans();

    it('words the parts and headers in Chinese', () => {
      const analysis = helperRun();
      render(<AgentPathTable analysis={analysis} run={handSpan(analysis, 'run')} />);
      const table = screen.getByRole('table');
      expect(screen.getByText('通过智能体步骤的关键路径')).toBeInTheDocument();
      expect(tableCells(table.getAttribute('aria-label')!)[2]).toEqual(['工具 calc', '30 µs', '30.0%']);
    });
  });
});
