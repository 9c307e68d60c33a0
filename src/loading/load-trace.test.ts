import { DataError, partialTraceWarning } from '../data';
import { recorded, RECORDED_TRACE_ID, wireText } from '../../tests/support/recorded';
import { loadTrace } from './load-trace';
import { recordedSource } from './testing/recordedSource';
import { answerFetched } from './worker/answer-fetched';
import type { RunJob } from './worker/worker-pool';

// the worker pool that streams a body (none in jest): each test that streams says how it answers
const mockStreamJob = jest.fn<ReturnType<RunJob>, Parameters<RunJob>>();
jest.mock('./analyze-fetched', () => ({
  ...jest.requireActual('./analyze-fetched'),
  streamInWorker: (...job: Parameters<RunJob>) => mockStreamJob(...job),
}));

describe('loadTrace', () => {
  it('fetches, reads and analyses the recorded Tempo trace, asking for the given range', async () => {
    const traceById = jest.fn(async () => ({ format: 'otlp' as const, raw: wireText(recorded('tempo-trace-v2')) }));
    const { analysis, warnings } = await loadTrace(recordedSource({ traceById }), RECORDED_TRACE_ID, {
      range: { start: 1795255306, end: 1795255317 },
    });
    expect(traceById).toHaveBeenCalledWith(
      RECORDED_TRACE_ID,
      { start: 1795255306, end: 1795255317 },
      { signal: undefined }
    );
    expect(analysis.trace.spanCount).toBe(10);
    // the order-worker consumer ends 18.467 ms after the root starts
    expect(analysis.duration).toBe(18_467_000);
    // the engine's note on the consumer outliving its producer parent
    expect(warnings.map((w) => [w.kind, w.message])).toEqual([
      ['childOutlivesParent', '1 span(s) end after their parent (asynchronous work); kept as they are'],
    ]);
  });

  it("reads each of Jaeger's formats: v3 as OTLP, v1 as Jaeger JSON, to the same analysis", async () => {
    const load = (format: 'otlp' | 'jaeger', fixture: string) =>
      loadTrace(
        recordedSource({ kind: 'jaeger', traceById: async () => ({ format, raw: wireText(recorded(fixture)) }) }),
        '862e40707a2b002c061be0fb0f2c677f'
      );
    const v3 = await load('otlp', 'jaeger-api-trace-v3');
    const v1 = await load('jaeger', 'jaeger-api-trace-v1');
    // the recorded trace: 10 spans over 63.663 ms
    expect([v3.analysis.trace.spanCount, v3.analysis.duration]).toEqual([10, 63_663_000]);
    expect([v1.analysis.trace.spanCount, v1.analysis.duration]).toEqual([10, 63_663_000]);
    // the same self times (the two formats list the spans in different orders)
    const sorted = (a: Float64Array) => Array.from(a).sort((x, y) => x - y);
    expect(sorted(v1.analysis.selfTime)).toEqual(sorted(v3.analysis.selfTime));
    expect(sorted(v1.analysis.selfTime).slice(-2)).toEqual([6_958_000, 49_300_000]);
  });

  it("puts the source's partial-trace note before the engine's warnings", async () => {
    const partial = partialTraceWarning(
      { target: 'Tempo (datasource "tempo")', path: 'api/v2/traces/x' },
      'trace exceeds max size'
    );
    const { warnings } = await loadTrace(
      recordedSource({
        traceById: async () => ({ format: 'otlp', raw: wireText(recorded('tempo-trace-v2')), partial }),
      }),
      RECORDED_TRACE_ID
    );
    expect(warnings.map((w) => w.kind)).toEqual(['partial-trace', 'childOutlivesParent']);
    expect(warnings[0]).toEqual({
      kind: 'partial-trace',
      message: 'Tempo (datasource "tempo") returned only part of this trace: trace exceeds max size.',
      error: partial,
    });
  });

  it("passes the source's DataError through", async () => {
    const notFound = new DataError('trace-not-found', 'Trace not found in Jaeger (datasource "jaeger").');
    await expect(
      loadTrace(
        recordedSource({
          kind: 'jaeger',
          traceById: async () => {
            throw notFound;
          },
        }),
        RECORDED_TRACE_ID
      )
    ).rejects.toBe(notFound);
  });

  it('says which source sent a body it cannot read', async () => {
    const error = await loadTrace(
      recordedSource({ traceById: async () => ({ format: 'otlp', raw: wireText(recorded('tempo-unknown-path')) }) }),
      RECORDED_TRACE_ID
    ).catch((e) => e);
    expect(error).toBeInstanceOf(DataError);
    expect(error.kind).toBe('bad-response');
    expect(error.message).toMatch(
      new RegExp(`^Tempo \\(datasource "tempo"\\) sent trace ${RECORDED_TRACE_ID} in a form TraceLens cannot read: `)
    );
  });

  describe("gives the reader's syntax error as words beside the English, for the UI to say", () => {
    // the body stops after its 13th character: line 1, column 14, character 13
    const raw = '{"batches": [';
    const loads = {
      'read on this thread': () =>
        loadTrace(recordedSource({ traceById: async () => ({ format: 'otlp', raw }) }), 'abc'),
      'streamed by a worker': () => {
        // the worker's answer for that body
        mockStreamJob.mockResolvedValueOnce({
          ...answerFetched({ format: 'otlp', raw }),
          ends: { head: raw, tail: raw },
        });
        const source = recordedSource({
          traceById: async () => {
            throw new Error('not fetched: the worker streamed it');
          },
          traceStream: () => ({
            request: { url: 'http://grafana/api/x', headers: {} },
            endChars: 64,
            ends: () => ({}),
          }),
        });
        return loadTrace(source, 'abc', { stream: { onProgress: () => {} } });
      },
    };

    it.each(Object.keys(loads) as Array<keyof typeof loads>)('%s', async (path) => {
      const error = await loads[path]().catch((e) => e);
      const cause = "invalid JSON: the document ends early, at line 1, column 14 (character 13), while expecting '{'";
      expect(error.message).toBe(`Tempo (datasource "tempo") sent trace abc in a form TraceLens cannot read: ${cause}`);
      expect(error.words).toEqual({
        reason: 'trace-unreadable',
        values: {
          target: 'Tempo (datasource "tempo")',
          traceId: 'abc',
          cause,
          causeWords: { code: 'json-ends-early', values: { line: 1, column: 14, character: 13, expected: "'{'" } },
        },
      });
    });
  });

  it('does not analyse a trace whose request was cancelled meanwhile', async () => {
    const controller = new AbortController();
    const source = recordedSource({
      traceById: async () => {
        controller.abort();
        return { format: 'otlp', raw: wireText(recorded('tempo-trace-v2')) };
      },
    });
    await expect(loadTrace(source, RECORDED_TRACE_ID, { signal: controller.signal })).rejects.toMatchObject({
      kind: 'cancelled',
      message: `Loading trace ${RECORDED_TRACE_ID} from Tempo (datasource "tempo") was cancelled.`,
      words: { reason: 'trace-load-cancelled', values: { traceId: RECORDED_TRACE_ID } },
    });
  });
});
