import type { TraceHit, TraceSource } from '../../sources/types';
import { tinyOtlp } from '../../../tests/synthetic/tiny';
import type { LatencyMetrics } from '../../data';
import { loadLatencyCharts, loadSampleShares, SAMPLE_TRACES } from './latencyLoaders';

const hit = (traceId: string, startMs: number): TraceHit => ({ traceId, startMs, durationMs: 1, serviceStats: {} });

/**
 * A source that cannot search without a service (as Jaeger): services a and b, each search
 * answering that service's hits, newest first. Every trace is one span of api GET [0,100] µs.
 */
function jaegerLike(hits: Record<string, TraceHit[]>) {
  const searched: Array<string | undefined> = [];
  const fetched: string[] = [];
  const source = {
    kind: 'jaeger',
    uid: 'jaeger',
    target: 'Jaeger',
    capabilities: { traceql: false, tagSuggestions: false, dependencies: true },
    services: async () => Object.keys(hits),
    search: async (query: { filter: { service?: string } }) => {
      searched.push(query.filter.service);
      return hits[query.filter.service!] ?? [];
    },
    traceById: async (id: string) => {
      fetched.push(id);
      return { format: 'otlp', raw: tinyOtlp([{ id: 'get', service: 'api', name: 'GET', start: 0, end: 100 }]) };
    },
  } as unknown as TraceSource;
  return { source, searched, fetched };
}

describe('loadSampleShares', () => {
  const signal = new AbortController().signal;
  const range = { start: 0, end: 100 };

  it('searches each service when the source needs one, and fetches the newest traces once each', async () => {
    // t2 is in both services' answers; the newest N overall are among the newest N of each service
    const { source, searched, fetched } = jaegerLike({
      a: [hit('t3', 300), hit('t2', 200)],
      b: [hit('t2', 200), hit('t1', 100)],
    });
    const sample = await loadSampleShares(source, undefined, range, signal);
    expect(searched).toEqual(['a', 'b']);
    expect(fetched.sort()).toEqual(['t1', 't2', 't3']);
    expect(sample.traces).toBe(3);
    expect(Object.fromEntries(sample.shares)).toEqual({ api: { selfTime: 1, criticalPath: 1 } });
  });

  it(`keeps the newest ${SAMPLE_TRACES} of the union`, async () => {
    const hits = (service: string, count: number, newest: number) =>
      Array.from({ length: count }, (_, i) => hit(`${service}${i}`, newest - i));
    // a: 50 traces starting at 1000, 999, …, 951; b: 10 starting at 1010, …, 1001.
    // The 50 newest of the 60: all of b, then a0…a39 (1000 … 961).
    const { source, fetched } = jaegerLike({ a: hits('a', SAMPLE_TRACES, 1000), b: hits('b', 10, 1010) });
    await loadSampleShares(source, undefined, range, signal);
    expect(fetched).toHaveLength(SAMPLE_TRACES);
    expect(fetched.filter((id) => id.startsWith('b'))).toHaveLength(10);
    expect(fetched).toContain('a39');
    expect(fetched).not.toContain('a40');
  });

  it('searches the chosen service alone', async () => {
    const { source, searched } = jaegerLike({ a: [hit('t1', 1)], b: [] });
    await loadSampleShares(source, 'b', range, signal);
    expect(searched).toEqual(['b']);
  });
});

describe('loadLatencyCharts', () => {
  it('charts every service, or the operations of the chosen one, over the page range', async () => {
    const asked: unknown[][] = [];
    const metrics = {
      overTime: async (...args: unknown[]) => {
        asked.push(args.slice(0, 3));
        return { selfTime: [], criticalPath: [] };
      },
    } as unknown as LatencyMetrics;
    const range = { start: 100, end: 400 };
    const signal = new AbortController().signal;
    await loadLatencyCharts(metrics, undefined, range, signal);
    await loadLatencyCharts(metrics, 'user-service', range, signal);
    expect(asked).toEqual([
      [{}, 'service', range],
      [{ service: 'user-service' }, 'operation', range],
    ]);
  });
});
