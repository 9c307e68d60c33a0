/*
 * The LLM and agent section of the trace page, rendered: hand-made traces (testing/handTraces.ts,
 * figures worked out by hand) and generated ones (fixed seeds → engine → component, compared with
 * the generator's truth): the tables' cells, the tabs, the warnings and the empty states.
 */
import React from 'react';
import { render, screen } from '@testing-library/react';
import { formatDuration } from '../../../components/breakdown';
import { analysedGenTrace } from '../../../engine/testing/genai-spans';
import { generateAgentBatch } from '../../../../tests/generator/agent-batch';
import { generateLlmBatch } from '../../../../tests/generator/llm-batch';
import { inZhHans } from '../../../../tests/support/i18n';
import { tableCells, tableHeaders } from '../../../../tests/support/tables';
import { user } from '../../../../tests/support/user';
import { tinyId } from '../../../../tests/synthetic/tiny';
import { MAX_RUNS } from './agentViewModel';
import { GenAiSection } from './GenAiSection';
import { helperRun, manyRuns, plainTrace, prefillOnly, rustUnderFrontend, twoChats } from './testing/handTraces';

const NOW_US = 1_700_000_000_000_000;
const LLM_TABLE = 'GenAI spans per model and operation';

describe('GenAiSection on hand-made traces', () => {
  it('shows the LLM calls per model with p50 / p90 / p99, tokens and rate, and the value left out', () => {
    render(<GenAiSection analysis={twoChats()} />);
    expect(screen.getByRole('tab', { name: 'LLM' })).toHaveAttribute('aria-selected', 'true');
    expect(tableCells(LLM_TABLE)).toEqual([
      [
        'm1',
        'chat',
        '2',
        '100 µs / 300 µs / 300 µs',
        '200 µs / 500 µs / 500 µs',
        '100 µs / 200 µs / 200 µs',
        '10',
        '50',
        '71428.6',
      ],
    ]);
    expect(screen.getByRole('list', { name: 'Values left out' })).toHaveTextContent(
      `fe: c2 (${tinyId('c2')}): gen_ai.usage.input_tokens 'many' is not a whole number ≥ 0; not used`
    );
    expect(screen.queryByRole('table', { name: 'Disaggregated serving split' })).toBeNull();
  });

  it('shows the disaggregated split with shares, and says the other tabs have nothing', async () => {
    render(<GenAiSection analysis={prefillOnly()} />);
    expect(tableCells('Disaggregated serving split')).toEqual([
      ['Prefill', '30 µs', '30.0%'],
      ['Decode', '0 ns', '0.0%'],
      ['Worker queue', '10 µs', '10.0%'],
      ['Network', '10 µs', '10.0%'],
      ['Routing', '50 µs', '50.0%'],
    ]);
    expect(screen.getByText('No span of this trace has gen_ai.operation.name.')).toBeInTheDocument();
    await user.click(screen.getByRole('tab', { name: 'Agents' }));
    expect(screen.getByText('No agent runs')).toBeInTheDocument();
    await user.click(screen.getByRole('tab', { name: 'Async busy/idle' }));
    expect(screen.getByText('No reported busy/idle time')).toBeInTheDocument();
  });

  it('opens on the agent run’s split (not its model call), and its button selects the run’s span', async () => {
    const analysis = helperRun();
    const onSelect = jest.fn();
    render(<GenAiSection analysis={analysis} onSelect={onSelect} />);
    expect(screen.getByRole('tab', { name: 'Agents' })).toHaveAttribute('aria-selected', 'true');
    expect(tableCells(`Agent run helper (${tinyId('run')})`)).toEqual([
      ['Model calls', '', '20 µs', '20.0%'],
      ['Retrieval', '', '0 ns', '0.0%'],
      ['Tool calc', '1', '10 µs', '10.0%'],
      ['Tool search', '1', '25 µs', '25.0%'],
      ['Own time', '', '45 µs', '45.0%'],
    ]);
    await user.click(screen.getByRole('button', { name: `Select span ${tinyId('run')}` }));
    expect(onSelect).toHaveBeenCalledWith(analysis.tree.roots[0]);
    // every GenAI span has a row per (model, operation); without a model name, time to first token
    // or serving span, no figure is known
    await user.click(screen.getByRole('tab', { name: 'LLM' }));
    const unknown = (n: number) => Array(3).fill(`– / – / – (0 of ${n})`);
    expect(tableCells(LLM_TABLE)).toEqual([
      ['(none)', 'chat', '1', ...unknown(1), '0', '0', '–'],
      ['(none)', 'execute_tool', '2', ...unknown(2), '0', '0', '–'],
      ['(none)', 'invoke_agent', '1', ...unknown(1), '0', '0', '–'],
    ]);
  });

  it('opens on the reported busy/idle per service, with the spans lacking them and the one left out', async () => {
    render(<GenAiSection analysis={rustUnderFrontend()} />);
    expect(tableCells('Reported busy and idle time per service')).toEqual([
      ['fe', '0', '–', '–', '–', '1', '0'],
      ['rs', '2', '60 µs', '40 µs', '60.0%', '0', '1'],
    ]);
    expect(screen.getByText('Without busy_ns/idle_ns: fe: f.')).toBeInTheDocument();
    expect(screen.getByRole('list', { name: 'Spans left out' })).toHaveTextContent(
      `rs: c (${tinyId('c')}): busy_ns 'x' is not a whole number of ns and has no idle_ns; not used`
    );
    await user.click(screen.getByRole('tab', { name: 'LLM' }));
    expect(screen.getByText('No LLM spans')).toBeInTheDocument();
  });

  it('renders nothing for a trace without LLM, agent or busy/idle spans', () => {
    const { container } = render(<GenAiSection analysis={plainTrace()} />);
    expect(container).toBeEmptyDOMElement();
  });
});

describe('GenAiSection on generated traces', () => {
  it('shows an llm-disaggregated request’s figures and split as the generator’s truth says', async () => {
    const batch = generateLlmBatch({ seed: 15, count: 1, nowUs: NOW_US });
    const [truth] = batch.truth;
    render(<GenAiSection analysis={analysedGenTrace(batch.traces[0])} />);
    const once = (us: number) =>
      Array(3)
        .fill(formatDuration(us * 1000))
        .join(' / ');
    expect(tableCells(LLM_TABLE)).toEqual([
      [
        truth.model,
        truth.operation,
        '1',
        once(truth.ttftUs),
        once(truth.decodeTimeUs),
        once(truth.queueUs),
        String(truth.inputTokens),
        String(truth.outputTokens),
        truth.outputTokensPerSecond.toFixed(1),
      ],
    ]);
    const split = truth.traces[0].split;
    expect(tableCells('Disaggregated serving split').map((cells) => cells[1])).toEqual(
      [split.prefillUs, split.decodeUs, split.workerQueueUs, split.networkUs, split.routingUs].map((us) =>
        formatDuration(us * 1000)
      )
    );
    await user.click(screen.getByRole('tab', { name: 'Async busy/idle' }));
    const { byService } = truth.traces[0].busyIdle;
    const reporting = (service: string) =>
      batch.traces[0].spans.filter((s) => s.service === service && s.attributes.busy_ns !== undefined).length;
    expect(tableCells('Reported busy and idle time per service').map((cells) => cells.slice(0, 4))).toEqual(
      Object.keys(byService)
        .concat('llm-frontend')
        .sort()
        .map((service) =>
          byService[service]
            ? [
                service,
                String(reporting(service)),
                formatDuration(byService[service].busyNs),
                formatDuration(byService[service].idleNs),
              ]
            : [service, '0', '–', '–']
        )
    );
  });

  it('shows an agent-workflow run’s split as the generator’s truth says', () => {
    const batch = generateAgentBatch({ seed: 21, count: 1, nowUs: NOW_US });
    const [truth] = batch.truth;
    render(<GenAiSection analysis={analysedGenTrace(batch.traces[0])} />);
    const tools = Object.entries(truth.toolUs).sort(([a], [b]) => (a < b ? -1 : 1));
    const cells = tableCells(`Agent run ${truth.agentName} (${truth.rootSpanId})`);
    expect(cells.map(([part, , time]) => [part, time])).toEqual(
      [
        ['Model calls', truth.modelUs],
        ['Retrieval', truth.retrievalUs],
        ...tools.map(([tool, us]) => [`Tool ${tool}`, us] as const),
        ['Own time', truth.ownUs],
      ].map(([part, us]) => [part, formatDuration(Number(us) * 1000)])
    );
  });
});

describe('GenAiSection in Simplified Chinese', () => {
  inZhHans();

  it('words the agent run’s parts, its button and the LLM table in Chinese', async () => {
    render(<GenAiSection analysis={helperRun()} onSelect={jest.fn()} />);
    expect(screen.getByRole('heading', { name: 'LLM 和智能体' })).toBeInTheDocument();
    expect(screen.getByRole('tab', { name: '智能体' })).toHaveAttribute('aria-selected', 'true');
    const run = `智能体运行 helper（${tinyId('run')}）`;
    expect(tableHeaders(run)).toEqual(['部分', '调用次数', '时间', '占运行的比例']);
    expect(tableCells(run)).toEqual([
      ['模型调用', '', '20 µs', '20.0%'],
      ['检索', '', '0 ns', '0.0%'],
      ['工具 calc', '1', '10 µs', '10.0%'],
      ['工具 search', '1', '25 µs', '25.0%'],
      ['智能体自有时间', '', '45 µs', '45.0%'],
    ]);
    expect(screen.getByRole('button', { name: `选择跨度 ${tinyId('run')}` })).toBeInTheDocument();
    await user.click(screen.getByRole('tab', { name: 'LLM' }));
    const llm = '按模型和操作的 GenAI 跨度';
    expect(tableHeaders(llm).slice(0, 4)).toEqual(['模型', '操作', '请求数', 'TTFT p50 / p90 / p99']);
    // no figure known for the one chat call: none of its 1 request had it; without a model name, （无）
    expect(tableCells(llm)[0].slice(0, 4)).toEqual(['（无）', 'chat', '1', '– / – / –（1 个中的 0 个）']);
  });

  it('counts the runs beyond the first ones in the plural form zh-Hans has', () => {
    render(<GenAiSection analysis={manyRuns(MAX_RUNS + 1)} />);
    expect(screen.getByText(`共 ${MAX_RUNS + 1} 次智能体运行，显示前 ${MAX_RUNS} 次。`)).toBeInTheDocument();
  });

  it('names the disaggregated split’s parts, and says in Chinese that there are no agent runs', async () => {
    render(<GenAiSection analysis={prefillOnly()} />);
    expect(tableCells('分离式推理的时间拆分')).toEqual([
      ['预填充', '30 µs', '30.0%'],
      ['解码', '0 ns', '0.0%'],
      ['工作节点排队', '10 µs', '10.0%'],
      ['网络', '10 µs', '10.0%'],
      ['路由', '50 µs', '50.0%'],
    ]);
    await user.click(screen.getByRole('tab', { name: '智能体' }));
    expect(screen.getByText('没有智能体运行')).toBeInTheDocument();
  });
});
