/**
 * The summary of a huge trace in zh-Hans: the notice on what is folded, the self-time hotspots and
 * the in-trace search's status (the page itself, in English, is TraceSummaryView.test.tsx).
 */
import React from 'react';
import { render, screen } from '@testing-library/react';
import { analyzeTrace, parseOtlpTrace } from '../../engine';
import { inZhHans } from '../../../tests/support/i18n';
import { tinyOtlp } from '../../../tests/synthetic/tiny';
import { SelfTimeHotspots } from './SelfTimeHotspots';
import { SummaryNotice } from './SummaryNotice';
import { TraceSearchBox } from './TraceSearchBox';
import { TraceSearchState } from './useTraceSearch';

const MS = 1000; // tiny traces are in µs

const search = (result: TraceSearchState['result']): TraceSearchState => ({
  text: 'x',
  setText: () => undefined,
  step: () => undefined,
  result,
});

describe('the summary of a huge trace in zh-Hans', () => {
  inZhHans();

  it('says what is folded: 0.5% of a 100 ms trace is 500 µs of self time', () => {
    render(<SummaryNotice spanCount={20_006} threshold={500 * MS} onAllSpans={() => undefined} />);
    expect(screen.getByTestId('summary-notice')).toHaveTextContent(
      '此追踪有 20,006 个跨度（超过 20,000 个），因此先显示摘要：关键路径之外、其跨度的自身耗时合计少于追踪时长 0.5%（500 µs）的每个子树都折叠为一行；点击或按 Enter 展开。'
    );
    expect(screen.getByRole('button', { name: '显示全部跨度' })).toBeInTheDocument();
  });

  it('heads the hotspots with their count and gives each its share of the trace', () => {
    // r [0,100] ms with child c [10,40] ms: self times r 70 ms, c 30 ms
    const analysis = analyzeTrace(
      parseOtlpTrace(
        tinyOtlp([
          { id: 'r', service: 'web', start: 0, end: 100 * MS },
          { id: 'c', service: 'db', parent: 'r', start: 10 * MS, end: 40 * MS },
        ])
      )
    );
    render(<SelfTimeHotspots analysis={analysis} hotspots={Uint32Array.of(0, 1)} onReveal={() => undefined} />);
    expect(screen.getByText('自身耗时热点：自身耗时最多的 2 个跨度')).toBeInTheDocument();
    expect(screen.getAllByTestId('hotspot').map((li) => li.textContent)).toEqual([
      'web: r 70 ms 占追踪的 70.0%',
      'db: c 30 ms 占追踪的 30.0%',
    ]);
  });

  it('says where the current match is, or that nothing matches', () => {
    const { rerender } = render(<TraceSearchBox search={search({ query: 'x', count: 12, at: 2 })} />);
    expect(screen.getByTestId('trace-search-status')).toHaveTextContent('第 3 个，共 12 个');
    expect(screen.getByRole('textbox', { name: '在追踪中查找' })).toBeInTheDocument();
    rerender(<TraceSearchBox search={search({ query: 'needle', count: 0, at: -1 })} />);
    expect(screen.getByTestId('trace-search-status')).toHaveTextContent('没有跨度匹配“needle”');
  });
});
