/**
 * The compare page's LLM and agent sections in real Chromium on the live stack: 30 llm-disaggregated
 * requests and 30 agent-workflow runs (generator, seeded per run) go through the collector into
 * Jaeger, and the compare page (`ds=jaeger`) splits each root service's traces into the slowest
 * 20% and the rest. On the LLM requests (root service llm-frontend), "LLM calls per model" gives
 * per model and operation the requests per trace, TTFT p50/p90, decode p50, queue p50 and output
 * tokens per second of each side as the generator's truth says; on the agent runs (root service
 * agent-app), "Agent runs: slow vs baseline" counts the runs of each side, ranks first the part
 * with the largest share of the difference in critical path per run, and gives each part's mean
 * per run and share (to 0.1%) as the truth says (agent-truth.ts `pathPartStats`), and "LLM calls
 * per model" counts the runs' chat calls per run. Both sections are screenshotted in both themes
 * (tests/artifacts/screenshots/compare-llm-*, compare-agent-*; the README's copies in
 * src/img/screenshots/), and the agent runs' page once in zh-Hans (dark): the sets, the runs, the
 * dominating part and the sides worded in Chinese. The batches are placed six hours back, where no other test sends
 * traces, so the pages' time range holds only them. The slow/baseline split is the app's own
 * `splitSlowest` on the truth's durations (unit-tested in compareModel.test.ts); every figure is
 * computed here from the truth, and durations are checked independently of the app's formatter.
 */
import { Browser, Page } from 'playwright-core';
import { splitSlowest } from '../../src/pages/compare/compareModel';
import { generateAgentBatch } from '../generator/agent-batch';
import { AgentRunTruth, PATH_PARTS, pathPartStats } from '../generator/agent-truth';
import { generateLlmBatch } from '../generator/llm-batch';
import { LlmRequestTruth } from '../generator/llm-truth';
import { GenTrace } from '../generator/model';
import { APP, eventually, launch, newPage, OpenPage, screenshot, tableRows, Theme } from './browser';
import { durationTextProblem } from './durationText';
import { rowTexts, sendToJaeger, shoot } from './genai';
import { browserState } from './state';

/** Set TRACELENS_GENAI_COMPARE_SEED to replay a run (seeds from 2,000,001 up: no other test draws them). */
const SEED = Number(process.env.TRACELENS_GENAI_COMPARE_SEED ?? (Date.now() % 1_000_000) + 2_000_001);
const COUNT = 30;
/** the slow share the page is asked for, percent */
const PCT = 20;
const US = 1000;
const state = browserState();
const nowUs = Date.now() * US - 6 * 3600 * 1e6;
const llm = generateLlmBatch({ seed: SEED, count: COUNT, nowUs });
const agents = generateAgentBatch({ seed: SEED + 1, count: COUNT, nowUs });

const LLM_TABLE = 'LLM calls per model and operation, slow vs baseline';
const AGENT_TABLE = 'Agent runs’ critical path per step, slow vs baseline';

/** Splits `items` as the page splits their traces: the slowest PCT% by duration, and the rest. */
function sides<T>(items: T[], traceId: (item: T) => string, durationUs: (item: T) => number) {
  const split = splitSlowest(
    items.map((item) => ({ traceId: traceId(item), durationMs: durationUs(item) / US })),
    PCT / 100
  );
  const of = (ids: string[]) => items.filter((item) => ids.includes(traceId(item)));
  return { slow: of(split.slow), baseline: of(split.baseline) };
}

const llmSides = sides(
  llm.truth,
  (r) => r.traces[0].traceId,
  (r) => r.traces[0].durationUs
);
const agentSides = sides(
  agents.truth,
  (r) => r.traceId,
  (r) => r.durationUs
);
const LLM_SECTION = 'LLM calls per model';
const AGENT_SECTION = 'Agent runs: slow vs baseline';

const sum = (values: number[]) => values.reduce((a, b) => a + b, 0);
/** nearest rank: the smallest value with at least ⌈q·n⌉ values at or below it */
const nearestRank = (values: number[], q: number) =>
  [...values].sort((a, b) => a - b)[Math.max(1, Math.ceil(q * values.length)) - 1];

/** "slow vs baseline (±difference)" → [slow, baseline] */
function bothSides(cell: string): [string, string] {
  const match = /^(.+) vs (.+) \(.+\)$/.exec(cell);
  if (!match) {
    throw new Error(`"${cell}" is not "slow vs baseline (difference)"`);
  }
  return [match[1], match[2]];
}

/** The problem with `text` showing the number `expected` to `digits` decimals ('–' when undefined). */
function numberProblem(text: string, expected: number | undefined, digits: number): string | undefined {
  if (expected === undefined) {
    return text === '–' ? undefined : `"${text}" where nothing is known`;
  }
  return Math.abs(Number(text) - expected) <= 0.5 * 10 ** -digits + 1e-9 ? undefined : `"${text}" is not ${expected}`;
}
/** The problem with `text` showing the duration `ns` ('–' when undefined). */
const timeProblem = (text: string, ns: number | undefined) =>
  ns === undefined ? (text === '–' ? undefined : `"${text}" where nothing is known`) : durationTextProblem(text, ns);

/** What "LLM calls per model" shows of one side's requests of a model and operation, in `traces` traces. */
function llmFigures(requests: LlmRequestTruth[], traces: number) {
  const known = requests.length > 0;
  const ns = (pick: (r: LlmRequestTruth) => number, q: number) =>
    known
      ? nearestRank(
          requests.map((r) => pick(r) * US),
          q
        )
      : undefined;
  return {
    requestsPerTrace: requests.length / traces,
    ttftP50: ns((r) => r.ttftUs, 0.5),
    ttftP90: ns((r) => r.ttftUs, 0.9),
    decodeP50: ns((r) => r.decodeTimeUs, 0.5),
    queueP50: ns((r) => r.queueUs, 0.5),
    // pooled: all output tokens over all decode time
    rate: known
      ? (sum(requests.map((r) => r.outputTokens)) * 1e9) / sum(requests.map((r) => r.decodeTimeUs * US))
      : undefined,
  };
}

/** The problems with one side's cells of an LLM row: requests, TTFT p50/p90, decode p50, queue p50, rate. */
function llmSideProblems(cells: string[], expected: ReturnType<typeof llmFigures>) {
  const [requests, ttftP50, ttftP90, decodeP50, queueP50, rate] = cells;
  return [
    numberProblem(requests, expected.requestsPerTrace, 2),
    timeProblem(ttftP50, expected.ttftP50),
    timeProblem(ttftP90, expected.ttftP90),
    timeProblem(decodeP50, expected.decodeP50),
    timeProblem(queueP50, expected.queueP50),
    numberProblem(rate, expected.rate, 1),
  ].filter(Boolean);
}

/** The name the page gives a part of PATH_PARTS, in English and in Simplified Chinese. */
const partName = (key: string) =>
  ({ model: 'Model calls', retrieval: 'Retrieval', own: 'Own time' })[key] ?? key.replace(/^tool /, 'Tool ');
const partNameZh = (key: string) =>
  ({ model: '模型调用', retrieval: '检索', own: '智能体自有时间' })[key] ?? key.replace(/^tool /, '工具 ');

/** Per part of the runs' critical paths: each side's mean per run (ns) and its share of the difference. */
function agentParts(slow: AgentRunTruth[], baseline: AgentRunTruth[]) {
  const meanUs = (runs: AgentRunTruth[]) => sum(runs.map((r) => r.durationUs)) / runs.length;
  const total = (meanUs(slow) - meanUs(baseline)) * US;
  return Object.entries(PATH_PARTS).map(([key, part]) => {
    const s = pathPartStats(slow, part).mean;
    const b = pathPartStats(baseline, part).mean;
    return { key, name: partName(key), slow: s, baseline: b, share: (s - b) / total };
  });
}

const parts = agentParts(agentSides.slow, agentSides.baseline);
/** a part no run waited on may be listed (0 on both sides) or not; every other part is listed */
const listed = parts.filter((p) => p.slow > 0 || p.baseline > 0);
/** the part that dominates slow runs */
const top = listed.reduce((a, b) => (b.share > a.share ? b : a));

let browser: Browser;
let open: OpenPage | undefined;

beforeAll(async () => {
  console.log(`genai compare browser test: seed ${SEED} (TRACELENS_GENAI_COMPARE_SEED=${SEED} replays it)`);
  await sendToJaeger([...llm.traces, ...agents.traces]);
  browser = await launch();
});
afterAll(() => browser?.close());
afterEach(async () => {
  expect(open?.errors).toEqual([]);
  await open?.page.close();
});

/** The compare page on Jaeger for `svc`'s traces among `traces`: their time range (epoch ms), the slowest PCT% vs the rest. */
function compareUrl(svc: string, traces: GenTrace[]): string {
  const spans = traces.flatMap((t) => t.spans);
  const from = Math.floor(Math.min(...spans.map((s) => s.startUs)) / US) - 1000;
  const to = Math.ceil(Math.max(...spans.map((s) => s.endUs)) / US) + 1000;
  const params = { ds: 'jaeger', svc, pct: String(PCT), run: '1', from: String(from), to: String(to) };
  return `${state.harnessUrl}${APP}/compare?${new URLSearchParams(params).toString()}`;
}

/** Opens the compare page of `svc`'s traces, waits for the section `section` and checks the sets' sizes. */
async function openCompare(
  theme: Theme,
  svc: string,
  traces: GenTrace[],
  section: string,
  sizes: { slow: unknown[]; baseline: unknown[] }
): Promise<Page> {
  open = await newPage(browser, theme);
  const { page } = open;
  await page.goto(compareUrl(svc, traces));
  await page.getByRole('region', { name: section }).waitFor({ timeout: 60_000 });
  const sets = await page.getByText(/^Slow set: /).innerText();
  expect([
    sets.startsWith(`Slow set: ${sizes.slow.length} traces (≥ `),
    sets.endsWith(`; baseline: ${sizes.baseline.length} traces.`),
  ]).toEqual([true, true]);
  return page;
}

describe.each<Theme>(['dark', 'light'])('%s theme', (theme) => {
  it('LLM calls per model: each model’s requests, TTFT, decode, queue and output rate per side are the truth', async () => {
    const { slow, baseline } = llmSides;
    expect([slow.length, baseline.length]).toEqual([6, 24]);
    const page = await openCompare(theme, 'llm-frontend', llm.traces, LLM_SECTION, llmSides);
    const keys = [...new Set(llm.truth.map((r) => `${r.model}\t${r.operation}`))].sort();
    const ofRow = (requests: LlmRequestTruth[], key: string) =>
      requests.filter((r) => `${r.model}\t${r.operation}` === key);
    await eventually(async () => {
      expect(await tableRows(page, LLM_TABLE).count()).toBe(keys.length);
      for (const key of keys) {
        const [model, operation] = key.split('\t');
        const [, , ...cells] = await rowTexts(page, LLM_TABLE, model, operation);
        const sidesOf = cells.map(bothSides);
        expect([
          key,
          llmSideProblems(
            sidesOf.map(([s]) => s),
            llmFigures(ofRow(slow, key), slow.length)
          ),
          llmSideProblems(
            sidesOf.map(([, b]) => b),
            llmFigures(ofRow(baseline, key), baseline.length)
          ),
        ]).toEqual([key, [], []]);
      }
    }, 60_000);
    await shoot(page, 'compare-llm', theme, page.getByRole('region', { name: LLM_SECTION }));
  });

  it('agent runs: the runs per side, the part dominating slow runs and each part’s mean and share are the truth', async () => {
    const { slow, baseline } = agentSides;
    const page = await openCompare(theme, 'agent-app', agents.traces, AGENT_SECTION, agentSides);
    const section = page.getByRole('region', { name: AGENT_SECTION });
    await eventually(async () => {
      expect(await section.getByText(/^Runs: /).innerText()).toContain(
        `Runs: ${slow.length} slow, ${baseline.length} baseline. Critical path per run:`
      );
      const rows = (await tableRows(page, AGENT_TABLE).allInnerTexts()).map((r) => r.split('\t').map((s) => s.trim()));
      expect(rows[0][0]).toBe(top.name);
      expect(rows.map(([name]) => name).filter((name) => listed.some((p) => p.name === name))).toHaveLength(
        listed.length
      );
      for (const [name, mean, , , share] of rows) {
        const part = parts.find((p) => p.name === name)!;
        const [slowMean, baselineMean] = bothSides(mean);
        expect([
          name,
          durationTextProblem(slowMean, part.slow),
          durationTextProblem(baselineMean, part.baseline),
          numberProblem(share.replace(/%$/, '').replace('−', '-'), part.share * 100, 1),
        ]).toEqual([name, undefined, undefined, undefined]);
      }
    }, 60_000);
    // the runs' chat calls, per run of each side
    const chats = (runs: AgentRunTruth[]) =>
      sum(
        runs.map(
          (r) =>
            agents.traces
              .find((t) => t.traceId === r.traceId)!
              .spans.filter((s) => s.attributes['gen_ai.operation.name'] === 'chat').length
        )
      ) / runs.length;
    const [, , requests] = await rowTexts(page, LLM_TABLE, 'gpt-4o-mini', 'chat');
    const [slowRequests, baselineRequests] = bothSides(requests);
    expect([numberProblem(slowRequests, chats(slow), 2), numberProblem(baselineRequests, chats(baseline), 2)]).toEqual([
      undefined,
      undefined,
    ]);
    await shoot(page, 'compare-agent', theme, section);
  });
});

describe('Simplified Chinese, dark theme', () => {
  it('words the agent runs’ section, its runs, parts and sides in Chinese', async () => {
    open = await newPage(browser, 'dark', 'zh-Hans');
    const { page } = open;
    const { slow, baseline } = agentSides;
    await page.goto(compareUrl('agent-app', agents.traces));
    const section = page.getByRole('region', { name: '智能体运行：慢追踪与基线' });
    await section.waitFor({ timeout: 60_000 });
    expect(await page.getByText(/^慢追踪集：/).innerText()).toMatch(
      new RegExp(`^慢追踪集：${slow.length} 个追踪（≥ [\\d.]+ ms）；基线：${baseline.length} 个追踪。$`)
    );
    await eventually(async () => {
      expect(await section.getByText(/^运行次数：/).innerText()).toContain(
        `运行次数：慢追踪 ${slow.length} 次，基线 ${baseline.length} 次。每次运行的关键路径耗时：`
      );
      const [name, mean] = (await tableRows(page, '智能体运行各步骤的关键路径：慢追踪与基线').first().innerText())
        .split('\t')
        .map((c) => c.trim());
      expect([name, /^.+ 对比 .+ \(.+\)$/.test(mean)]).toEqual([partNameZh(top.key), true]);
    }, 60_000);
    await page.getByRole('region', { name: '按模型的 LLM 调用' }).waitFor();
    await page.waitForTimeout(300); // let the tables settle before the shot
    await screenshot(page, 'compare-agent-zh-Hans', 'dark');
  });
});
