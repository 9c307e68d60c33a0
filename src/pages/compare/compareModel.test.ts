import { analyzeTrace, parseOtlpTrace } from '../../engine';
import { tinyOtlp } from '../../../tests/synthetic/tiny';
import { examplesByKey, rootQuery, splitSlowest } from './compareModel';

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

describe('rootQuery', () => {
  it('escapes the root service and span name', () => {
    expect(rootQuery('front"end', 'GET /a\\b')).toBe('{ rootServiceName = "front\\"end" && rootName = "GET /a\\\\b" }');
    expect(rootQuery('', '')).toBe('{}');
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
