/*
 * The LLM, agent and async busy/idle view models on hand-made traces (testing/handTraces.ts holds
 * each trace's figures worked out by hand): values in ns, shares, warnings and empty states.
 */
import { tinyId } from '../../../../tests/synthetic/tiny';
import { agentView, MAX_RUNS } from './agentViewModel';
import { asyncBusyView } from './asyncBusyViewModel';
import { isLlmViewEmpty, llmView } from './llmViewModel';
import { analysedHandSpans } from '../../../engine/testing/genai-spans';
import { helperRun, manyRuns, plainTrace, prefillOnly, rustUnderFrontend, twoChats } from './testing/handTraces';

const US = 1000;

describe('llmView', () => {
  it('sums two chat calls of one model: percentiles, tokens, pooled rate, and the bad token count as a warning', () => {
    const view = llmView(twoChats());
    expect(view.rows).toEqual([
      {
        model: 'm1',
        operation: 'chat',
        requests: 2,
        ttft: { p50: 100 * US, p90: 300 * US, p99: 300 * US },
        decodeTime: { p50: 200 * US, p90: 500 * US, p99: 500 * US },
        queueTime: { p50: 100 * US, p90: 200 * US, p99: 200 * US },
        withTtft: 2,
        withDecodeTime: 2,
        withQueueTime: 2,
        inputTokens: 10,
        outputTokens: 50,
        outputTokensPerSecond: (50 * 1e9) / (700 * US),
      },
    ]);
    expect(view.split).toBeNull();
    expect(view.warnings).toEqual([
      {
        span: expect.any(Number),
        spanId: tinyId('c2'),
        spanLabel: 'fe: c2',
        problem: { code: 'tokens-not-count', attribute: 'gen_ai.usage.input_tokens', text: 'many' },
      },
    ]);
    expect(isLlmViewEmpty(view)).toBe(false);
  });

  it('splits a prefill-only trace into its five parts with shares of their sum', () => {
    const view = llmView(prefillOnly());
    expect(view.rows).toEqual([]);
    expect(view.split).toEqual([
      { key: 'prefill', time: 30 * US, share: 0.3 },
      { key: 'decode', time: 0, share: 0 },
      { key: 'workerQueue', time: 10 * US, share: 0.1 },
      { key: 'network', time: 10 * US, share: 0.1 },
      { key: 'routing', time: 50 * US, share: 0.5 },
    ]);
    expect(isLlmViewEmpty(view)).toBe(false);
  });

  it('is empty for a trace without GenAI or disagg_role spans', () => {
    expect(isLlmViewEmpty(llmView(plainTrace()))).toBe(true);
  });
});

describe('agentView', () => {
  it('splits the worked example’s run into model, retrieval, each tool and own time, with shares of the run', () => {
    const view = agentView(helperRun());
    expect(view.runCount).toBe(1);
    const [run] = view.runs;
    expect([run.spanId, run.agentName, run.duration]).toEqual([tinyId('run'), 'helper', 100 * US]);
    expect(run.parts).toEqual([
      { kind: 'model', calls: null, time: 20 * US, share: 0.2 },
      { kind: 'retrieval', calls: null, time: 0, share: 0 },
      { kind: 'tool', tool: 'calc', calls: 1, time: 10 * US, share: 0.1 },
      { kind: 'tool', tool: 'search', calls: 1, time: 25 * US, share: 0.25 },
      { kind: 'own', calls: null, time: 45 * US, share: 0.45 },
    ]);
  });

  it('lists the first runs of a trace with more and counts them all', () => {
    const view = agentView(manyRuns(MAX_RUNS + 1));
    expect(view.runCount).toBe(MAX_RUNS + 1);
    expect(view.runs.map((r) => r.spanId)).toEqual(Array.from({ length: MAX_RUNS }, (_, k) => tinyId(`run${k}`)));
  });

  it('has no run without invoke_agent spans', () => {
    expect(agentView(plainTrace())).toEqual({ runs: [], runCount: 0 });
  });
});

describe('asyncBusyView', () => {
  it('sums each service’s outermost reporting spans, names the spans without values and warns about the bad one', () => {
    const view = asyncBusyView(rustUnderFrontend())!;
    expect(view.services).toEqual([
      { service: 'fe', reporting: 0, lacking: 1, leftOut: 0, busy: 0, idle: 0, busyShare: NaN },
      { service: 'rs', reporting: 2, lacking: 0, leftOut: 1, busy: 60 * US, idle: 40 * US, busyShare: 0.6 },
    ]);
    expect([view.lackingCount, view.lackingListed]).toEqual([1, ['fe: f']]);
    expect(view.warnings).toEqual([
      {
        span: expect.any(Number),
        spanId: tinyId('c'),
        spanLabel: 'rs: c',
        problems: [
          { code: 'not-whole-ns', attribute: 'busy_ns', text: 'x' },
          { code: 'missing', attribute: 'idle_ns' },
        ],
      },
    ]);
  });

  it('has nothing for a trace without busy_ns/idle_ns', () => {
    expect(asyncBusyView(plainTrace())).toBeUndefined();
  });

  it('has nothing when busy_ns is only a value, not an attribute, in the trace', () => {
    const namedOnly = analysedHandSpans([{ id: 'r', service: 'web', start: 0, end: 100, attrs: { note: 'busy_ns' } }]);
    expect(namedOnly.trace.strings).toContain('busy_ns');
    expect(asyncBusyView(namedOnly)).toBeUndefined();
  });
});
