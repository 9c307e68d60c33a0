import { recorded, wireText } from '../../tests/support/recorded';
import { analyzeOnThisThread, bySize } from './analyze-fetched';
import type { AnalysisRequest } from './worker/wire';

describe('bySize', () => {
  it('sends a body of at least the limit to the worker path and reads a shorter one here', async () => {
    const request: AnalysisRequest = { format: 'otlp', raw: wireText(recorded('tempo-trace-v2')) };
    const inWorker = jest.fn(analyzeOnThisThread);
    const signal = new AbortController().signal;
    // exactly the limit: the worker path, with the signal
    expect((await bySize(inWorker, request.raw.length)(request, signal)).trace.spanCount).toBe(10);
    expect(inWorker.mock.calls).toEqual([[request, signal]]);
    // one character under it: read here, to the same 10 spans
    expect((await bySize(inWorker, request.raw.length + 1)(request, signal)).trace.spanCount).toBe(10);
    expect(inWorker).toHaveBeenCalledTimes(1);
  });
});
