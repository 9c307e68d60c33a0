/*
 * The llm-disaggregated generator's batch read through the engine's OTLP reader (as the live
 * tests read what the generator sent): every GenAI, disaggregated-split and busy/idle figure
 * equals the generator's ground truth exactly.
 */
import { generateLlmBatch } from '../../tests/generator/llm-batch';
import { splitTotalUs } from '../../tests/generator/llm-truth';
import { asyncBusyIdle } from './async-busy';
import { spanIdOf } from './analyze';
import { genAiReadings } from './genai';
import { aggregateGenAi } from './genai-aggregate';
import { disaggSplit } from './genai-disagg';
import { serviceOf } from './model';
import { spanAttributes, spanLinks } from './span-accessors';
import { analysedGenTrace, spanIndexOf } from './testing/genai-spans';

const US = 1000;
const batch = generateLlmBatch({ seed: 15, count: 80, nowUs: 1_700_000_000_000_000 });
const analyses = new Map(batch.traces.map((t) => [t.traceId, analysedGenTrace(t)]));
const analysisOf = (traceId: string) => analyses.get(traceId)!;

/** Nearest rank as percentile.ts defines it, over plain numbers. */
const nearestRank = (values: number[], q: number) =>
  [...values].sort((a, b) => a - b)[Math.max(1, Math.ceil(q * values.length)) - 1];

describe('llm-disaggregated batch through the engine', () => {
  it('has detached requests and both ways of recording TTFT', () => {
    expect(batch.truth.filter((t) => t.detached).length).toBeGreaterThan(5);
    expect(new Set(batch.truth.map((t) => t.ttftSource))).toEqual(new Set(['attribute', 'event']));
  });

  it('reads each request’s GenAI span as the truth says', () => {
    for (const truth of batch.truth) {
      const analysis = analysisOf(truth.traces[0].traceId);
      const { readings, warnings } = genAiReadings(analysis);
      expect(warnings).toEqual([]);
      expect(readings.map((r) => spanIdOf(analysis.trace, r.span))).toEqual([truth.genAiSpanId]);
      expect(readings[0]).toEqual({
        span: spanIndexOf(analysis, truth.genAiSpanId),
        operation: truth.operation,
        model: truth.model,
        inputTokens: truth.inputTokens,
        outputTokens: truth.outputTokens,
        finishReasons: truth.finishReasons,
        ttft: truth.ttftUs * US,
        ttftSource: truth.ttftSource,
        decodeTime: truth.decodeTimeUs * US,
        outputTokensPerSecond: truth.outputTokensPerSecond,
        queueTime: truth.queueUs * US,
      });
    }
  });

  it('splits each trace into prefill, decode, worker queue, network and routing as the truth says', () => {
    for (const truth of batch.truth) {
      for (const t of truth.traces) {
        const { prefillUs, decodeUs, workerQueueUs, networkUs, routingUs } = t.split;
        expect(disaggSplit(analysisOf(t.traceId))).toEqual({
          prefill: prefillUs * US,
          decode: decodeUs * US,
          workerQueue: workerQueueUs * US,
          network: networkUs * US,
          routing: routingUs * US,
        });
        expect(splitTotalUs(t.split)).toBe(t.durationUs);
        expect(analysisOf(t.traceId).duration).toBe(t.durationUs * US);
      }
    }
  });

  it('reads busy_ns/idle_ns per span and per service as the truth says, with no warning', () => {
    for (const truth of batch.truth) {
      for (const t of truth.traces) {
        const analysis = analysisOf(t.traceId);
        const result = asyncBusyIdle(analysis);
        const id = (i: number) => spanIdOf(analysis.trace, i);
        expect(result.warnings).toEqual([]);
        expect(Object.fromEntries(result.spans.map((s) => [id(s.span), { busyNs: s.busy, idleNs: s.idle }]))).toEqual(
          t.busyIdle.spans
        );
        expect(result.lacking.map(id).sort()).toEqual([...t.busyIdle.lacking].sort());
        const reporting = result.services.filter((s) => s.reporting > 0);
        expect(Object.fromEntries(reporting.map((s) => [s.service, { busyNs: s.busy, idleNs: s.idle }]))).toEqual(
          t.busyIdle.byService
        );
      }
    }
  });

  it('joins a detached decode trace to its request by x_request_id and a link to the router’s call', () => {
    for (const truth of batch.truth.filter((t) => t.detached)) {
      const [main, decode] = truth.traces.map((t) => analysisOf(t.traceId));
      const root = decode.tree.roots[0];
      expect(serviceOf(decode.trace, root)).toBe('decode-worker');
      expect(spanAttributes(decode.trace, root)).toContainEqual(['x_request_id', truth.requestId]);
      const [link] = spanLinks(decode.trace, root);
      expect(link.traceId).toBe(main.trace.traceId);
      expect(serviceOf(main.trace, spanIndexOf(main, link.spanId))).toBe('llm-router');
    }
  });

  it('aggregates per model and operation as the truth’s nearest ranks and sums', () => {
    const rows = aggregateGenAi([...analyses.values()].flatMap((a) => genAiReadings(a).readings));
    const keys = [...new Set(batch.truth.map((t) => `${t.model} ${t.operation}`))].sort();
    expect(rows.map((r) => `${r.model} ${r.operation}`)).toEqual(keys);
    for (const row of rows) {
      const group = batch.truth.filter((t) => t.model === row.model && t.operation === row.operation);
      const ranks = (us: number[]) => ({
        p50: nearestRank(us, 0.5) * US,
        p90: nearestRank(us, 0.9) * US,
        p99: nearestRank(us, 0.99) * US,
      });
      const sum = (f: (t: (typeof group)[number]) => number) => group.reduce((a, t) => a + f(t), 0);
      expect(row).toEqual({
        model: row.model,
        operation: row.operation,
        requests: group.length,
        ttft: ranks(group.map((t) => t.ttftUs)),
        decodeTime: ranks(group.map((t) => t.decodeTimeUs)),
        queueTime: ranks(group.map((t) => t.queueUs)),
        withTtft: group.length,
        withDecodeTime: group.length,
        withQueueTime: group.length,
        inputTokens: sum((t) => t.inputTokens),
        outputTokens: sum((t) => t.outputTokens),
        outputTokensPerSecond: (sum((t) => t.outputTokens) * 1e9) / (sum((t) => t.decodeTimeUs) * US),
      });
    }
  });
});
