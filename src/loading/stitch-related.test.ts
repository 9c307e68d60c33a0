import { analyzeTrace, parseOtlpTrace, TraceAnalysis } from '../engine';
import { generateLlmBatch } from '../../tests/generator/llm-batch';
import { GenTrace } from '../../tests/generator/model';
import { toOtlpJson } from '../../tests/generator/otlp';
import { generatedSource } from './testing/generatedSource';
import { findRelatedTraces, loadStitched, MAX_RELATED } from './stitch-related';

const batch = generateLlmBatch({ seed: 7, count: 12, nowUs: 1_800_000_000_000_000 });
const detached = batch.truth.find((t) => t.detached)!;
const [mainId, decodeId] = detached.traces.map((t) => t.traceId);
const genTrace = (id: string) => batch.traces.find((t) => t.traceId === id)!;
const analysed = (t: GenTrace): TraceAnalysis => analyzeTrace(parseOtlpTrace(JSON.stringify(toOtlpJson([t]))));
const signal = () => new AbortController().signal;
const BY_REQUEST = { key: 'x_request_id', followLinks: false };

describe('findRelatedTraces', () => {
  it('on Tempo, searches each value of the join key once and finds the detached decode trace', async () => {
    const { source, searches } = generatedSource(batch.traces);
    const related = await findRelatedTraces(source, analysed(genTrace(mainId)), BY_REQUEST, signal());
    expect(searches).toEqual([{ service: undefined, spanAttributes: { x_request_id: detached.requestId } }]);
    expect(related).toEqual({
      values: [detached.requestId],
      valuesLeftOut: 0,
      traceIds: [decodeId],
      byValue: 1,
      leftOut: 0,
      moreMayExist: false,
      services: undefined,
    });
  });

  it('on Jaeger, searches service by service, the trace’s own services first', async () => {
    const { source, searches } = generatedSource(batch.traces, 'jaeger');
    const related = await findRelatedTraces(source, analysed(genTrace(mainId)), BY_REQUEST, signal());
    expect(searches.map((f) => f.service)).toEqual(['llm-frontend', 'llm-router', 'prefill-worker', 'decode-worker']);
    expect(related.traceIds).toEqual([decodeId]);
    expect(related.services).toEqual({ searched: 4, leftOut: 0 });
  });

  it('follows links without any search when the key is empty', async () => {
    const { source, searches } = generatedSource(batch.traces);
    const related = await findRelatedTraces(
      source,
      analysed(genTrace(decodeId)),
      { key: '', followLinks: true },
      signal()
    );
    expect(searches).toEqual([]);
    expect([related.traceIds, related.byValue]).toEqual([[mainId], 0]);
  });

  it(`fetches at most ${MAX_RELATED} related traces and counts the others`, async () => {
    const main = genTrace(mainId);
    const copies = Array.from({ length: 25 }, (_, k) => ({ ...main, traceId: `${k + 10}`.padStart(32, 'f') }));
    const { source } = generatedSource([main, ...copies]);
    const related = await findRelatedTraces(source, analysed(main), BY_REQUEST, signal());
    expect([related.traceIds.length, related.leftOut, related.moreMayExist]).toEqual([20, 5, true]);
  });
});

describe('loadStitched', () => {
  it('stitches the trace with its related traces and reports progress', async () => {
    const { source } = generatedSource(batch.traces);
    const progress: string[] = [];
    const outcome = await loadStitched(source, analysed(genTrace(mainId)), BY_REQUEST, signal(), (p) =>
      progress.push(`${p.phase} ${p.done}/${p.total}`)
    );
    expect(progress).toEqual(['searching 0/1', 'searching 1/1', 'fetching 1/1']);
    expect(outcome.stitched.traceIds).toEqual([mainId, decodeId]);
    expect(outcome.stitched.analysis.trace.spanCount).toBe(
      genTrace(mainId).spans.length + genTrace(decodeId).spans.length
    );
    expect(outcome.stitched.links.length).toBe(1);
    expect(outcome.failed).toEqual([]);
  });

  it('lists a related trace that cannot be fetched and stitches the rest', async () => {
    const { source } = generatedSource([genTrace(decodeId)]);
    const outcome = await loadStitched(source, analysed(genTrace(decodeId)), { key: '', followLinks: true }, signal());
    expect(outcome.failed.map((f) => [f.traceId, f.error.message])).toEqual([[mainId, `Trace ${mainId} not found.`]]);
    expect(outcome.stitched.traceIds).toEqual([decodeId]);
  });

  it('rejects with words once cancelled after the searches, fetching nothing', async () => {
    const { source } = generatedSource(batch.traces);
    const traceById = jest.spyOn(source, 'traceById');
    const controller = new AbortController();
    const stitching = loadStitched(source, analysed(genTrace(mainId)), BY_REQUEST, controller.signal, (p) => {
      if (p.phase === 'searching' && p.done === p.total) {
        controller.abort();
      }
    });
    await expect(stitching).rejects.toMatchObject({
      kind: 'cancelled',
      message: `Stitching trace ${mainId} was cancelled.`,
      words: { reason: 'stitch-cancelled', values: { traceId: mainId } },
    });
    expect(traceById).not.toHaveBeenCalled();
  });
});
