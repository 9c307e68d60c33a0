import { DataError, partialTraceWarning } from '../../data';
import { analyzeTrace, parseOtlpTrace } from '../../engine';
import { loadTrace, TraceResult } from '../../loading';
import { recordedHits, recordedSource } from '../../loading/testing/recordedSource';
import { recorded, RECORDED_TRACE_ID, wireText } from '../../../tests/support/recorded';
import { tinyOtlp } from '../../../tests/synthetic/tiny';
import { examplesByKey, rootMatches, setWarnings, splitSlowest } from './compareModel';

describe('splitSlowest', () => {
  const traces = Array.from({ length: 40 }, (_, i) => ({
    traceId: `t${String(i).padStart(2, '0')}`,
    durationMs: i + 1,
  }));

  it('puts the slowest 5% in the slow set', () => {
    expect(splitSlowest(traces, 0.05)).toEqual({
      slow: ['t39', 't38'],
      baseline: traces
        .slice(0, 38)
        .map((t) => t.traceId)
        .reverse(),
      thresholdMs: 39,
    });
  });

  it('keeps at least one trace on each side', () => {
    expect(splitSlowest(traces.slice(0, 3), 0.01)).toMatchObject({ slow: ['t02'], thresholdMs: 3 });
    expect(splitSlowest(traces.slice(0, 2), 0.9)).toMatchObject({ slow: ['t01'], baseline: ['t00'] });
    expect(splitSlowest(traces.slice(0, 1), 0.05)).toMatchObject({ slow: [], baseline: ['t00'] });
  });
});

describe('rootMatches', () => {
  // the recorded hit: root frontend / GET /checkout
  const hit = recordedHits()[0];
  const noRoot = { ...hit, traceId: 'f00d', rootService: undefined, rootName: undefined };
  const otherRoot = { ...hit, traceId: 'beef', rootService: 'api-gateway', rootName: 'POST /orders' };

  it('keeps the hits whose root is the service and span name, counting the rest', () => {
    expect(rootMatches([hit, noRoot, otherRoot], 'frontend', 'GET /checkout')).toEqual({ kept: [hit], otherRoot: 2 });
    expect(rootMatches([hit, otherRoot], 'api-gateway', '')).toEqual({ kept: [otherRoot], otherRoot: 1 });
  });

  it('takes any root when neither is given, but not a root that has not arrived', () => {
    expect(rootMatches([hit, noRoot, otherRoot], '', '')).toEqual({ kept: [hit, otherRoot], otherRoot: 1 });
  });
});

describe('setWarnings', () => {
  it('lists failed, partial and repaired traces with their messages', async () => {
    const partial = partialTraceWarning(
      { target: 'Jaeger (datasource "jaeger")', path: 'api/v3/traces/x' },
      'trace was truncated'
    );
    const whole = await loadTrace(recordedSource(), RECORDED_TRACE_ID);
    const cut = await loadTrace(
      recordedSource({
        traceById: async () => ({ format: 'otlp', raw: wireText(recorded('tempo-trace-v2')), partial }),
      }),
      RECORDED_TRACE_ID
    );
    const results = new Map<string, TraceResult>([
      ['a', whole],
      ['b', new DataError('trace-not-found', 'Trace b not found.')],
      ['c', cut],
    ]);
    const repair = '1 span(s) end after their parent (asynchronous work); kept as they are';
    expect(setWarnings(results)).toEqual({
      failed: [{ traceId: 'b', message: 'Trace b not found.' }],
      partial: [
        {
          traceId: 'c',
          message: 'Jaeger (datasource "jaeger") returned only part of this trace: trace was truncated.',
        },
      ],
      repaired: [
        { traceId: 'a', message: repair },
        { traceId: 'c', message: repair },
      ],
    });
  });
});

describe('examplesByKey', () => {
  it('lists the slowest traces containing each component first', () => {
    const trace = (db: number) =>
      analyzeTrace(
        parseOtlpTrace(
          tinyOtlp([
            { id: 'root', service: 'api', name: 'GET', start: 0, end: 10 + db },
            ...(db ? [{ id: 'db', parent: 'root', service: 'api', name: 'SELECT', start: 1, end: 1 + db }] : []),
          ])
        )
      );
    const examples = examplesByKey(
      [
        { traceId: 'a', analysis: trace(0) },
        { traceId: 'b', analysis: trace(5) },
        { traceId: 'c', analysis: trace(50) },
      ],
      { kind: 'operation' },
      2
    );
    expect(examples.get(JSON.stringify(['api', 'SELECT']))).toEqual(['c', 'b']);
    expect(examples.get(JSON.stringify(['api', 'GET']))).toEqual(['c', 'b']);
  });
});
