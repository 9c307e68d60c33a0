import { recorded, wireText } from '../../data/recorded';
import { DataError } from '../../data/errors';
import { createTempoClient } from '../../data/tempo/client';
import { QueryParams, RequestOptions, Transport } from '../../data/transport';
import { fetchAnalyses } from './fetch-traces';

const TRACE = wireText(recorded('tempo-trace-v2'));

/** A transport answering every trace with the recorded trace after `release()`, counting requests in flight. */
function gatedTransport(fail: Set<string> = new Set()) {
  const pending: Array<() => void> = [];
  const state = { inFlight: 0, maxInFlight: 0, paths: [] as string[], params: [] as QueryParams[] };
  const transport: Transport = {
    target: 'Tempo (datasource "tempo")',
    get<T>(path: string, params?: QueryParams, options?: RequestOptions): Promise<T> {
      state.paths.push(path);
      state.params.push(params ?? {});
      state.inFlight++;
      state.maxInFlight = Math.max(state.maxInFlight, state.inFlight);
      return new Promise<T>((resolve, reject) => {
        options?.signal?.addEventListener('abort', () => reject(new DataError('cancelled', 'cancelled')));
        pending.push(() => {
          state.inFlight--;
          const id = path.split('/').pop()!;
          fail.has(id)
            ? reject(new DataError('timeout', `Tempo did not answer for trace ${id} within 30 s.`))
            : resolve(TRACE as T);
        });
      });
    },
  };
  const release = async () => {
    while (pending.length) {
      pending.shift()!();
      await new Promise((r) => setTimeout(r, 0));
    }
  };
  return { transport, state, release };
}

const ids = ['a1', 'a2', 'a3', 'a4', 'a5', 'a6'];

describe('fetchAnalyses', () => {
  it('fetches at most `concurrency` traces at a time, reports progress and keeps order', async () => {
    const { transport, state, release } = gatedTransport(new Set(['a3']));
    const progress: string[] = [];
    const controller = new AbortController();
    const run = fetchAnalyses(
      createTempoClient(transport),
      ids,
      { start: 100, end: 200 },
      {
        signal: controller.signal,
        concurrency: 2,
        onProgress: (done, total) => progress.push(`${done}/${total}`),
      }
    );
    await new Promise((r) => setTimeout(r, 0));
    expect(state.inFlight).toBe(2);
    await release();
    const result = await run;
    expect(state.maxInFlight).toBe(2);
    expect(state.paths).toEqual(ids.map((id) => `api/v2/traces/${id}`));
    expect(state.params[0]).toEqual({ start: 100, end: 200 });
    expect(progress).toEqual(['1/6', '2/6', '3/6', '4/6', '5/6', '6/6']);
    expect(result.analyses).toHaveLength(5);
    expect(result.analyses[0].trace.spanCount).toBe(10);
    expect(result.failures).toEqual([{ traceId: 'a3', message: 'Tempo did not answer for trace a3 within 30 s.' }]);
  });

  it('stops starting requests and reports no failures once aborted', async () => {
    const { transport, state } = gatedTransport();
    const controller = new AbortController();
    const run = fetchAnalyses(createTempoClient(transport), ids, {}, { signal: controller.signal, concurrency: 3 });
    await new Promise((r) => setTimeout(r, 0));
    controller.abort();
    const result = await run;
    expect(state.paths).toHaveLength(3);
    expect(result).toEqual({ analyses: [], failures: [], partial: [] });
  });
});
