import React from 'react';
import { fireEvent, render, screen } from '@testing-library/react';
import type { Coverage } from '../app/coverage';
import { dataError } from '../data';
import { inZhHans } from '../../tests/support/i18n';
import { CoverageLine } from './CoverageLine';

const BASE: Coverage = {
  listed: 3,
  limitReached: false,
  requested: 3,
  used: 1,
  spans: 10,
  failed: [{ traceId: 'aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa', message: 'Trace not found.' }],
  tooLarge: [],
  partial: [{ traceId: 'bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb', message: 'Tempo returned only part of this trace.' }],
  notFetched: 1,
  cancelled: false,
  given: false,
  range: { from: 'now-1h', to: 'now' },
};

const SENTENCE = '1 of 3 matching traces used · 1 failed · 1 partial · 10 spans (whole traces) · Last 1 hour';

describe('CoverageLine', () => {
  it('states the sentence and lists the traces not fully used, with their messages, once expanded', () => {
    render(<CoverageLine coverage={BASE} traceHref={(id) => `/trace/${id}`} />);
    expect(screen.getByTestId('coverage')).toHaveTextContent(SENTENCE);
    const toggle = screen.getByRole('button', { name: 'Show traces not fully used (2)' });
    expect(toggle).toHaveAttribute('aria-expanded', 'false');
    expect(screen.queryByRole('list')).not.toBeInTheDocument();
    fireEvent.click(toggle);
    expect(screen.getByRole('button', { name: 'Hide traces not fully used (2)' })).toHaveAttribute(
      'aria-expanded',
      'true'
    );
    const items = screen.getAllByRole('listitem').map((li) => li.textContent);
    expect(items).toEqual([
      'Failed: aaaaaaaaaaaaaaaa — Trace not found.',
      'Partial: bbbbbbbbbbbbbbbb — Tempo returned only part of this trace.',
    ]);
    expect(screen.getByRole('link', { name: 'aaaaaaaaaaaaaaaa' })).toHaveAttribute(
      'href',
      '/trace/aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa'
    );
  });

  it('shows progress with Cancel while fetching, and the raise button only once done', () => {
    const onCancel = jest.fn();
    const onClick = jest.fn();
    const clean = { ...BASE, failed: [], partial: [] };
    const { rerender } = render(
      <CoverageLine
        coverage={clean}
        fetching={{ done: 2, total: 3, onCancel }}
        raise={{ label: 'Use 45 traces', onClick }}
      />
    );
    expect(screen.getByRole('progressbar', { name: 'Fetching traces' })).toHaveAttribute(
      'aria-valuetext',
      'Fetching traces: 2 of 3'
    );
    expect(screen.queryByRole('button', { name: 'Use 45 traces' })).not.toBeInTheDocument();
    expect(screen.queryByRole('button', { name: /traces not fully used/ })).not.toBeInTheDocument();
    fireEvent.click(screen.getByRole('button', { name: 'Cancel' }));
    expect(onCancel).toHaveBeenCalledTimes(1);
    rerender(<CoverageLine coverage={clean} raise={{ label: 'Use 45 traces', onClick }} />);
    expect(screen.queryByRole('progressbar')).not.toBeInTheDocument();
    fireEvent.click(screen.getByRole('button', { name: 'Use 45 traces' }));
    expect(onClick).toHaveBeenCalledTimes(1);
  });
});

describe('CoverageLine in Simplified Chinese', () => {
  inZhHans();

  it('labels the toggle, the notes and the fetch in Chinese', () => {
    const { rerender } = render(<CoverageLine coverage={BASE} />);
    fireEvent.click(screen.getByRole('button', { name: '显示未完全使用的追踪（2）' }));
    expect(screen.getByRole('list', { name: '未完全使用的追踪' })).toBeInTheDocument();
    expect(screen.getAllByRole('listitem').map((li) => li.textContent)).toEqual([
      '失败： aaaaaaaaaaaaaaaa — Trace not found.',
      '不完整： bbbbbbbbbbbbbbbb — Tempo returned only part of this trace.',
    ]);
    rerender(<CoverageLine coverage={BASE} fetching={{ done: 2, total: 3, onCancel: jest.fn() }} />);
    expect(screen.getByRole('progressbar', { name: '正在获取追踪' })).toHaveAttribute(
      'aria-valuetext',
      '正在获取追踪：2 / 3'
    );
    expect(screen.getByRole('button', { name: '取消' })).toBeInTheDocument();
  });

  it('says a failed trace’s error in Chinese, with its values', () => {
    const error = dataError('trace-absent', { traceId: 'c'.repeat(32), target: 'Tempo (datasource "tempo")' });
    render(
      <CoverageLine
        coverage={{ ...BASE, failed: [{ traceId: 'c'.repeat(32), message: error.message, error }], partial: [] }}
      />
    );
    fireEvent.click(screen.getByRole('button', { name: '显示未完全使用的追踪（1）' }));
    expect(screen.getByRole('listitem')).toHaveTextContent(
      `失败： cccccccccccccccc — 在 Tempo (datasource "tempo") 中找不到追踪 ${'c'.repeat(32)}。`
    );
  });
});
