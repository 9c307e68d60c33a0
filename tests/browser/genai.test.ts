/**
 * The trace page's LLM and agent views in real Chromium on the live stack: an llm-disaggregated
 * request and an agent-workflow run (generator, seeded per run: trace ids come from the seed, so a
 * long-lived stack never merges two runs' spans) go through the collector into Jaeger, and the
 * trace page (`ds=jaeger`) shows them. The LLM view's TTFT, decode and queue time, tokens and
 * output rate, and the disaggregated split, equal the generator's truth; the waterfall hatches
 * the idle share of each span reporting busy_ns/idle_ns, in proportion, and its label says both
 * times; the agent view's model calls, retrieval, each tool and the agent's own time equal the
 * truth. Both views are screenshotted in both themes (tests/artifacts/screenshots/trace-llm-*,
 * trace-agent-*; the README's copies in src/img/screenshots/), and the LLM view once in zh-Hans
 * (dark). Durations are checked against the truth independently of the app's formatter
 * (durationText.ts).
 */
import { Browser, Page } from 'playwright-core';
import { generateAgentBatch } from '../generator/agent-batch';
import { generateLlmBatch } from '../generator/llm-batch';
import { APP, eventually, launch, newPage, OpenPage, screenshot, tableRows, Theme } from './browser';
import { durationTextProblem } from './durationText';
import { rowTexts, sendToJaeger, shoot } from './genai';
import { browserState } from './state';

/** Set TRACELENS_GENAI_SEED to replay a run. */
const SEED = Number(process.env.TRACELENS_GENAI_SEED ?? (Date.now() % 1_000_000) + 1);
const US = 1000;
const state = browserState();
const llm = generateLlmBatch({ seed: SEED, count: 4 });
const agents = generateAgentBatch({ seed: SEED + 1, count: 3 });
/** a request whose decode part stayed in its trace: the split covers the whole request */
const request = llm.truth.find((r) => !r.detached)!;
const llmTrace = llm.traces.find((t) => t.traceId === request.traces[0].traceId)!;
/** the run calling the most tools */
const run = agents.truth.reduce((a, b) => (Object.keys(b.toolUs).length > Object.keys(a.toolUs).length ? b : a));
const agentTrace = agents.traces.find((t) => t.traceId === run.traceId)!;

const LLM_TABLE = 'GenAI spans per model and operation';
const SPLIT_TABLE = 'Disaggregated serving split';
const agentTable = `Agent run ${run.agentName} (${run.rootSpanId})`;
const tracePath = (traceId: string) => `${APP}/trace/${traceId}?ds=jaeger`;

let browser: Browser;
let open: OpenPage | undefined;

beforeAll(async () => {
  console.log(`genai browser test: seed ${SEED} (TRACELENS_GENAI_SEED=${SEED} replays it)`);
  await sendToJaeger([llmTrace, agentTrace]);
  browser = await launch();
});
afterAll(() => browser?.close());
afterEach(async () => {
  expect(open?.errors).toEqual([]);
  await open?.page.close();
});

/** Every duration of "a / b / c" shows `ns`. */
const ranksProblem = (text: string, ns: number) =>
  text
    .split(' / ')
    .map((part) => durationTextProblem(part, ns))
    .find(Boolean);

async function openTrace(theme: Theme, traceId: string): Promise<Page> {
  open = await newPage(browser, theme);
  await open.page.goto(state.harnessUrl + tracePath(traceId));
  await open.page.getByRole('region', { name: 'LLM and agents' }).waitFor({ timeout: 60_000 });
  return open.page;
}

describe.each<Theme>(['dark', 'light'])('%s theme', (theme) => {
  it('LLM view: the request’s TTFT, decode, queue, tokens, rate and split are the truth; idle parts hatched', async () => {
    const page = await openTrace(theme, llmTrace.traceId);
    await eventually(async () => {
      const [model, operation, requests, ttft, decode, queue, tokensIn, tokensOut, rate] = await rowTexts(
        page,
        LLM_TABLE,
        request.model
      );
      expect([model, operation, requests, tokensIn, tokensOut, rate]).toEqual([
        request.model,
        request.operation,
        '1',
        String(request.inputTokens),
        String(request.outputTokens),
        request.outputTokensPerSecond.toFixed(1),
      ]);
      expect([
        ranksProblem(ttft, request.ttftUs * US),
        ranksProblem(decode, request.decodeTimeUs * US),
        ranksProblem(queue, request.queueUs * US),
      ]).toEqual([undefined, undefined, undefined]);
    });
    const split = request.traces[0].split;
    const parts: Array<[string, number]> = [
      ['Prefill', split.prefillUs],
      ['Decode', split.decodeUs],
      ['Worker queue', split.workerQueueUs],
      ['Network', split.networkUs],
      ['Routing', split.routingUs],
    ];
    for (const [part, us] of parts) {
      const [, time] = await rowTexts(page, SPLIT_TABLE, part);
      expect(durationTextProblem(time, us * US)).toBeUndefined();
    }
    // each span reporting idle time has its idle share hatched at its bar's end
    const reporting = Object.values(request.traces[0].busyIdle.spans);
    const waterfall = page.getByTestId('waterfall');
    expect(await waterfall.getByTestId('idle-shading').count()).toBe(reporting.filter((v) => v.idleNs > 0).length);
    const decodeEngine = llmTrace.spans.find((s) => s.attributes.disagg_role === 'decode')!;
    const { busyNs, idleNs } = request.traces[0].busyIdle.spans[decodeEngine.spanId];
    const row = waterfall.getByRole('option', { name: /^decode-worker engine\.generate, busy / });
    const [, busyText, idleText] = /, busy (.+) · idle (.+) \(reported by the span\)$/.exec(
      (await row.getAttribute('aria-label'))!
    )!;
    expect([durationTextProblem(busyText, busyNs), durationTextProblem(idleText, idleNs)]).toEqual([
      undefined,
      undefined,
    ]);
    const bar = (await row.getByTestId('waterfall-bar').boundingBox())!;
    const idle = (await row.getByTestId('idle-shading').boundingBox())!;
    expect(Math.abs(idle.width - (bar.width * idleNs) / (busyNs + idleNs))).toBeLessThan(1.5);
    expect(Math.abs(idle.x + idle.width - (bar.x + bar.width))).toBeLessThan(1.5);
    await shoot(page, 'trace-llm', theme);
  });

  it('agent view: the run’s model calls, retrieval, each tool and own time are the truth', async () => {
    const page = await openTrace(theme, run.traceId);
    const tools = Object.entries(run.toolUs).sort(([a], [b]) => (a < b ? -1 : 1));
    const parts: Array<[string, number]> = [
      ['Model calls', run.modelUs],
      ['Retrieval', run.retrievalUs],
      ...tools.map(([tool, us]): [string, number] => [`Tool ${tool}`, us]),
      ['Own time', run.ownUs],
    ];
    await tableRows(page, agentTable).first().waitFor();
    expect(await tableRows(page, agentTable).count()).toBe(parts.length);
    for (const [part, us] of parts) {
      const [, , time] = await rowTexts(page, agentTable, part);
      expect(durationTextProblem(time, us * US)).toBeUndefined();
    }
    await shoot(page, 'trace-agent', theme);
  });
});

describe('Simplified Chinese, dark theme', () => {
  it('words the LLM table, the split and the hatched span’s busy/idle in Chinese', async () => {
    open = await newPage(browser, 'dark', 'zh-Hans');
    const { page } = open;
    await page.goto(state.harnessUrl + tracePath(llmTrace.traceId));
    await page.getByRole('region', { name: 'LLM 和智能体' }).waitFor({ timeout: 60_000 });
    const [model, operation, requests] = await rowTexts(page, '按模型和操作的 GenAI 跨度', request.model);
    expect([model, operation, requests]).toEqual([request.model, request.operation, '1']);
    expect((await rowTexts(page, '分离式推理的时间拆分', '预填充')).length).toBe(3);
    await page
      .getByTestId('waterfall')
      .getByRole('option', { name: /^decode-worker engine\.generate，忙碌 .+ · 空闲 .+（跨度自报）$/ })
      .waitFor();
    await page.waitForTimeout(300); // let the tables settle before the shot
    await screenshot(page, 'trace-llm-zh-Hans', 'dark');
  });
});
