/**
 * @jest-environment node
 */
// node: the pool records a performance measure per job, which jsdom's `performance` lacks.
import { recorded, wireText } from '../../../tests/support/recorded';
import { analysisOf, analyzeOnThisThread, answerOnThisThread } from '../analyze-fetched';
import { TraceParseError } from '../../engine';
import { AnalysisRequest, LoadProgress, readerErrorOf, StreamRequest } from './wire';
import { createWorkerPool, PoolWorker, RunJob, WORKER_MEASURE } from './worker-pool';

const RECORDED: AnalysisRequest = { format: 'otlp', raw: wireText(recorded('tempo-trace-v2')) };
const BAD: AnalysisRequest = { format: 'otlp', raw: '{"resourceSpans": 3}' };

/** Stand-in workers that answer only when the test says so, each as the real worker would. */
function fakeWorkers() {
  const spawned: Array<PoolWorker & { posted: AnalysisRequest[]; terminated: boolean; answer(): Promise<void> }> = [];
  const spawn = () => {
    const worker = {
      posted: [] as AnalysisRequest[],
      terminated: false,
      onmessage: null as PoolWorker['onmessage'],
      onerror: null as PoolWorker['onerror'],
      postMessage(request: AnalysisRequest) {
        this.posted.push(request);
      },
      terminate() {
        this.terminated = true;
      },
      /** replies to the last request posted */
      async answer() {
        const data = await analyzeOnThisThread(this.posted[this.posted.length - 1]).then(
          (analysis) => ({ analysis, analyseMs: 7 }),
          readerErrorOf
        );
        this.onmessage!.call(this as never, { data } as MessageEvent);
      },
    };
    spawned.push(worker);
    return worker;
  };
  return { spawn, spawned };
}

/** The pool's answers as analyses (the reader's error thrown), as analyze-fetched.ts uses them. */
const asAnalyses = (run: RunJob) => (request: AnalysisRequest, signal?: AbortSignal) =>
  run(request, signal).then(analysisOf);

const noFallback = jest.fn(async () => {
  throw new Error('the fallback was not expected');
});

describe('createWorkerPool', () => {
  it('runs at most `size` jobs at once, the next one in the first worker that is free', async () => {
    const { spawn, spawned } = fakeWorkers();
    const analyze = asAnalyses(createWorkerPool(spawn, 2, noFallback));
    const results = [analyze(RECORDED), analyze(RECORDED), analyze(RECORDED)];
    expect(spawned.map((w) => w.posted.length)).toEqual([1, 1]);
    await spawned[1].answer();
    // the third job went to the worker that finished, no third worker
    expect(spawned.map((w) => w.posted.length)).toEqual([1, 2]);
    await spawned[0].answer();
    await spawned[1].answer();
    const analyses = await Promise.all(results);
    expect(analyses.map((a) => [a.trace.spanCount, a.duration])).toEqual([
      [10, 18_467_000],
      [10, 18_467_000],
      [10, 18_467_000],
    ]);
    expect(performance.getEntriesByName(WORKER_MEASURE).map((m) => (m as PerformanceMeasure).detail)).toEqual([
      { spans: 10, analyseMs: 7 },
      { spans: 10, analyseMs: 7 },
      { spans: 10, analyseMs: 7 },
    ]);
  });

  it("rejects with the reader's own message, as the main-thread path does", async () => {
    const { spawn, spawned } = fakeWorkers();
    const result = asAnalyses(createWorkerPool(spawn, 1, noFallback))(BAD);
    await spawned[0].answer();
    const mainThread = await analyzeOnThisThread(BAD).then(
      () => 'read without an error',
      (e: Error) => e.message
    );
    await expect(result).rejects.toThrow(mainThread);
    expect(mainThread).toMatch(/resourceSpans/);
  });

  it("rebuilds the reader's words, as the main-thread path throws them", async () => {
    // the body stops after its 13th character: line 1, column 14, character 13
    const cut: AnalysisRequest = { format: 'otlp', raw: '{"batches": [' };
    const { spawn, spawned } = fakeWorkers();
    const result = asAnalyses(createWorkerPool(spawn, 1, noFallback))(cut).catch((e: unknown) => e);
    await spawned[0].answer();
    const mainThread = await analyzeOnThisThread(cut).catch((e: unknown) => e);
    const rejection = await result;
    expect(rejection).toBeInstanceOf(TraceParseError);
    expect(rejection).toEqual(mainThread);
    expect((rejection as TraceParseError).words).toEqual({
      code: 'json-ends-early',
      values: { line: 1, column: 14, character: 13, expected: "'{'" },
    });
    expect((rejection as TraceParseError).words).toEqual((mainThread as TraceParseError).words);
  });

  it('terminates the worker of a cancelled job and starts a fresh one for the next', async () => {
    const { spawn, spawned } = fakeWorkers();
    const analyze = asAnalyses(createWorkerPool(spawn, 1, noFallback));
    const controller = new AbortController();
    const cancelled = analyze(RECORDED, controller.signal);
    const next = analyze(RECORDED);
    controller.abort('navigated away');
    await expect(cancelled).rejects.toBe('navigated away');
    expect(spawned.map((w) => [w.terminated, w.posted.length])).toEqual([
      [true, 1],
      [false, 1],
    ]);
    await spawned[1].answer();
    expect((await next).trace.spanCount).toBe(10);
  });

  it('drops a cancelled job that is still waiting, without posting it', async () => {
    const { spawn, spawned } = fakeWorkers();
    const analyze = asAnalyses(createWorkerPool(spawn, 1, noFallback));
    const controller = new AbortController();
    const first = analyze(RECORDED);
    const waiting = analyze(RECORDED, controller.signal);
    controller.abort('a new trace');
    await expect(waiting).rejects.toBe('a new trace');
    await spawned[0].answer();
    await first;
    expect(spawned.map((w) => [w.terminated, w.posted.length])).toEqual([[false, 1]]);
  });

  it('runs on the fallback from the first worker that cannot start on', async () => {
    const fallback = jest.fn(answerOnThisThread);
    const throwing = asAnalyses(
      createWorkerPool(
        () => {
          throw new Error('blocked by the content security policy');
        },
        2,
        fallback
      )
    );
    expect((await throwing(RECORDED)).trace.spanCount).toBe(10);
    expect((await throwing(RECORDED)).trace.spanCount).toBe(10);
    expect(fallback).toHaveBeenCalledTimes(2);

    const { spawn, spawned } = fakeWorkers();
    const unloadable = asAnalyses(createWorkerPool(spawn, 2, fallback));
    const result = unloadable(RECORDED);
    // the worker's script failed to load
    spawned[0].onerror!.call(spawned[0] as never, { preventDefault: () => {} } as ErrorEvent);
    expect((await result).trace.spanCount).toBe(10);
    expect(spawned[0].terminated).toBe(true);
    expect((await unloadable(RECORDED)).trace.spanCount).toBe(10);
    expect(fallback).toHaveBeenCalledTimes(4);
    expect(spawned).toHaveLength(1);
  });

  it('starts a worker ahead of the first job, and gives that job to it', async () => {
    const { spawn, spawned } = fakeWorkers();
    const pool = createWorkerPool(spawn, 2, noFallback);
    pool.prestart();
    pool.prestart();
    expect(spawned.map((w) => w.posted.length)).toEqual([0]);
    const result = asAnalyses(pool)(RECORDED);
    expect(spawned.map((w) => w.posted.length)).toEqual([1]);
    await spawned[0].answer();
    expect((await result).trace.spanCount).toBe(10);
  });

  it('runs on the fallback when the worker started ahead cannot load its script, or cannot start', async () => {
    const fallback = jest.fn(answerOnThisThread);
    const { spawn, spawned } = fakeWorkers();
    const unloadable = createWorkerPool(spawn, 2, fallback);
    unloadable.prestart();
    // the script failed to load before any job came
    spawned[0].onerror!.call(spawned[0] as never, { preventDefault: () => {} } as ErrorEvent);
    expect(spawned[0].terminated).toBe(true);
    expect((await asAnalyses(unloadable)(RECORDED)).trace.spanCount).toBe(10);
    expect(fallback).toHaveBeenCalledTimes(1);
    expect(spawned).toHaveLength(1);

    const throwing = createWorkerPool(
      () => {
        throw new Error('blocked by the content security policy');
      },
      2,
      fallback
    );
    throwing.prestart();
    expect((await asAnalyses(throwing)(RECORDED)).trace.spanCount).toBe(10);
    expect(fallback).toHaveBeenCalledTimes(2);
  });

  it("hands a job's progress to its onProgress and settles it with the answer", async () => {
    const { spawn, spawned } = fakeWorkers();
    const stream: StreamRequest = { url: 'http://grafana/api/x', headers: {}, endChars: 64 };
    const seen: LoadProgress[] = [];
    const answer = createWorkerPool(spawn, 1, noFallback)(stream, undefined, (p) => seen.push(p));
    const post = (data: unknown) => spawned[0].onmessage!.call(spawned[0] as never, { data } as MessageEvent);
    post({ progress: { bytes: 65536, totalBytes: 200000, spans: 180 } });
    post({ progress: { bytes: 131072, totalBytes: 200000, spans: 370 } });
    post({ status: 404 });
    expect(await answer).toEqual({ status: 404 });
    expect(seen).toEqual([
      { bytes: 65536, totalBytes: 200000, spans: 180 },
      { bytes: 131072, totalBytes: 200000, spans: 370 },
    ]);
    expect(spawned[0].posted).toEqual([stream]);
  });

  it('answers a stream job with status 0 (not streamed) where no worker starts', async () => {
    const stream: StreamRequest = { url: 'http://grafana/api/x', headers: {}, endChars: 64 };
    const pool = createWorkerPool(
      () => {
        throw new Error('no workers here');
      },
      1,
      answerOnThisThread
    );
    expect(await pool(stream)).toEqual({ status: 0 });
  });
});
