import React from 'react';
import { render, screen } from '@testing-library/react';
import { inZhHans } from '../../../tests/support/i18n';
import { tableCells } from '../../../tests/support/tables';
import { NONE_LABEL } from '../../engine';
import type { LlmCompareRow } from './llmCompare';
import { LlmCompareSection } from './LlmCompareSection';

const MS = 1e6;

// m1 chat: slow 1 request per trace, TTFT 200/400 ms, decode 600 ms, queue 100 ms, 116.7 tokens/s;
// baseline 0.5 per trace, TTFT 100/100 ms, decode 300 ms, queue unknown, 200 tokens/s
const row: LlmCompareRow = {
  model: 'm1',
  operation: 'chat',
  slow: {
    requestsPerTrace: 1,
    ttftP50: 200 * MS,
    ttftP90: 400 * MS,
    decodeP50: 600 * MS,
    queueP50: 100 * MS,
    outputTokensPerSecond: 116.66,
  },
  baseline: {
    requestsPerTrace: 0.5,
    ttftP50: 100 * MS,
    ttftP90: 100 * MS,
    decodeP50: 300 * MS,
    queueP50: NaN,
    outputTokensPerSecond: 200,
  },
  delta: {
    requestsPerTrace: 0.5,
    ttftP50: 100 * MS,
    ttftP90: 300 * MS,
    decodeP50: 300 * MS,
    queueP50: NaN,
    outputTokensPerSecond: -83.34,
  },
};

describe('LlmCompareSection', () => {
  it('shows each figure as slow vs baseline with the difference, "–" where a side lacks it', () => {
    render(<LlmCompareSection rows={[row]} />);
    expect(screen.getByRole('heading', { name: 'LLM calls per model' })).toBeInTheDocument();
    expect(tableCells('LLM calls per model and operation, slow vs baseline')).toEqual([
      [
        'm1',
        'chat',
        '1 vs 0.5 (+0.5)',
        '200 ms vs 100 ms (+100 ms)',
        '400 ms vs 100 ms (+300 ms)',
        '600 ms vs 300 ms (+300 ms)',
        '100 ms vs – (–)',
        '116.7 vs 200.0 (−83.3)',
      ],
    ]);
  });
});

describe('LlmCompareSection in zh-Hans', () => {
  inZhHans();

  it('names calls without a model （无）', () => {
    render(<LlmCompareSection rows={[{ ...row, model: NONE_LABEL }]} />);
    expect(tableCells('按模型和操作的 LLM 调用：慢追踪与基线')[0].slice(0, 2)).toEqual(['（无）', 'chat']);
  });
});
