/**
 * Stitching through the live stack: an llm-disaggregated batch (generator, seed 45) goes to the
 * collector and comes back from Jaeger through the app's Jaeger source. For every detached
 * request (its decode worker's spans in a trace of their own, with the same x_request_id and a
 * link to the router's decode call), `loadStitched` from either trace finds the other by
 * x_request_id — Jaeger searched service by service — and the stitched analysis equals the
 * generator's truth for the whole request: its spans, its end-to-end duration, and the
 * disaggregated split of the whole request (the decode worker's time is decode and worker queue,
 * no longer network).
 */
import { createFetchTransport } from '../../src/data/fetch-transport';
import { createJaegerClient } from '../../src/data/jaeger/client';
import { disaggSplit, spanIdOf } from '../../src/engine';
import { loadTrace } from '../../src/loading';
import { loadStitched } from '../../src/loading/stitch-related';
import { createJaegerSource } from '../../src/sources/jaeger-source';
import { generateLlmBatch } from '../generator/llm-batch';
import { sendTraces } from '../generator/send';
import { stackEnv, waitFor } from './stack';

const US = 1000;
const env = stackEnv();
const source = createJaegerSource(
  createJaegerClient(createFetchTransport(env.jaegerUrl, 'Jaeger')),
  'jaeger',
  'Jaeger'
);
const llm = generateLlmBatch({ seed: 45, count: 24 });
const detached = llm.truth.filter((t) => t.detached);
const spansOf = (traceId: string) => llm.traces.find((t) => t.traceId === traceId)!.spans;
const range = {
  start: Math.floor(Math.min(...llm.traces.flatMap((t) => t.spans.map((s) => s.startUs))) / 1e6) - 1,
  end: Math.ceil(Date.now() / 1000) + 60,
};
const BY_REQUEST = { key: 'x_request_id', followLinks: true };

beforeAll(async () => {
  await sendTraces(env.otlpUrl, llm.traces);
  for (const t of llm.traces) {
    await waitFor(`trace ${t.traceId} with all ${t.spans.length} spans in Jaeger`, async () => {
      const { analysis } = await loadTrace(source, t.traceId, { range });
      return analysis.trace.spanCount === t.spans.length ? true : undefined;
    });
  }
});

describe('stitching the traces of detached LLM requests read back from Jaeger', () => {
  it('has detached requests', () => {
    expect(detached.length).toBeGreaterThan(2);
  });

  it('stitches each detached request into the truth’s whole request, from either of its traces', async () => {
    for (const truth of detached) {
      const [main, decode] = truth.traces;
      for (const opened of [main, decode]) {
        const { analysis } = await loadTrace(source, opened.traceId, { range });
        const outcome = await loadStitched(source, analysis, BY_REQUEST, new AbortController().signal);
        const { stitched, related, failed } = outcome;
        expect(failed).toEqual([]);
        expect(related.values).toEqual([truth.requestId]);
        expect(stitched.traceIds).toEqual(
          opened === main ? [main.traceId, decode.traceId] : [decode.traceId, main.traceId]
        );
        const a = stitched.analysis;
        expect(a.trace.spanCount).toBe(spansOf(main.traceId).length + spansOf(decode.traceId).length);
        expect(a.duration).toBe(main.durationUs * US);
        expect(disaggSplit(a)).toEqual({
          prefill: main.split.prefillUs * US,
          decode: decode.split.decodeUs * US,
          workerQueue: (main.split.workerQueueUs + decode.split.workerQueueUs) * US,
          network: (main.split.networkUs - decode.durationUs) * US,
          routing: main.split.routingUs * US,
        });
        // the decode worker's root hangs under the span its link names: the router's decode call
        const decodeRoot = spansOf(decode.traceId).find((s) => s.links?.length)!;
        expect(stitched.links.map((l) => [spanIdOf(a.trace, l.span), spanIdOf(a.trace, l.parent)])).toEqual([
          [decodeRoot.spanId, decodeRoot.links![0].spanId],
        ]);
      }
    }
  });
});
