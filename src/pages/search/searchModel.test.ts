import { DataError, partialTraceWarning } from '../../data';
import { recorded, RECORDED_TRACE_ID, wireText } from '../../../tests/support/recorded';
import { loadTrace } from '../../loading';
import { recordedHits, recordedSource } from '../../loading/testing/recordedSource';
import { compareParams, needsService, resultCell, ResultCells, rowFromHit, sortRows } from './searchModel';

describe('compareParams', () => {
  const builder = { service: 'frontend', spanName: 'GET /checkout', attrs: [] };
  const ran = { mode: 'builder' as const, query: { filter: {} } };

  it('carries TraceQL where the source takes it', () => {
    expect(compareParams({ mode: 'raw', query: { traceql: '{}' } }, builder, true)).toEqual({ q: '{}' });
    expect(compareParams(ran, builder, true)).toEqual({
      q: '{ resource.service.name = "frontend" && name = "GET /checkout" }',
    });
  });

  it('elsewhere carries the root operation, only when it is the whole search', () => {
    expect(compareParams(ran, builder, false)).toEqual({ svc: 'frontend', op: 'GET /checkout' });
    expect(compareParams(ran, { ...builder, status: 'error' }, false)).toBeUndefined();
    expect(compareParams({ mode: 'builder' }, builder, false)).toBeUndefined();
  });
});

describe('rows and cells', () => {
  it('makes a row of a hit, summing spans and errors over its services', () => {
    expect(rowFromHit(recordedHits()[0])).toEqual({
      traceId: RECORDED_TRACE_ID,
      rootService: 'frontend',
      rootName: 'GET /checkout',
      startMs: 1795255307454,
      durationMs: 18,
      spanCount: 10,
      errorCount: 5,
    });
    expect(rowFromHit({ ...recordedHits()[0], rootService: undefined, rootName: undefined })).toMatchObject({
      rootService: '(root not yet received)',
      rootName: '',
    });
  });

  it("fills a cell with self time per service and the trace's warnings, partial first", async () => {
    const partial = partialTraceWarning({ target: 'Tempo (datasource "tempo")', path: 'api/v2/traces/x' }, 'too big');
    const loaded = await loadTrace(
      recordedSource({
        traceById: async () => ({ format: 'otlp', raw: wireText(recorded('tempo-trace-v2')), partial }),
      }),
      RECORDED_TRACE_ID
    );
    const services = ['api-gateway', 'auth-service', 'frontend', 'order-worker', 'user-service'];
    const cell = resultCell(loaded, services);
    expect(cell.segments?.map((s) => [s.service, s.colorIndex])).toEqual(services.map((s, i) => [s, i]));
    // frontend's self time: the root's 11.394 − 9.347 ms plus its client span's 9.347 − 8.198 ms
    expect(cell.segments?.find((s) => s.service === 'frontend')?.value).toBe(3_196_000);
    expect(cell.warnings?.map((w) => [w.kind, w.message])).toEqual([
      ['partial-trace', 'Tempo (datasource "tempo") returned only part of this trace: too big.'],
      ['childOutlivesParent', '1 span(s) end after their parent (asynchronous work); kept as they are'],
    ]);
    expect(resultCell(new DataError('trace-not-found', 'Trace gone.'), services)).toEqual({ error: 'Trace gone.' });
  });

  it('sorts rows by a column, ties by trace id', () => {
    const base = rowFromHit(recordedHits()[0]);
    const rows = [
      { ...base, traceId: 'b', durationMs: 5 },
      { ...base, traceId: 'a', durationMs: 5 },
      { ...base, traceId: 'c', durationMs: 9 },
    ];
    expect(sortRows(rows, 'duration', true).map((r) => r.traceId)).toEqual(['c', 'a', 'b']);
    expect(sortRows(rows, 'duration', false).map((r) => r.traceId)).toEqual(['a', 'b', 'c']);
  });

  it('keys the cells by trace id, making each once as its trace arrives', () => {
    const results = new Map([['a', new DataError('trace-not-found', 'Trace a gone.')]]);
    const arrived = ['a'];
    const cells = new ResultCells([]);
    const first = cells.update(results, arrived);
    // the second trace arrives; the first one's cell is the one made before
    results.set('b', new DataError('unreachable', 'Tempo is down.'));
    arrived.push('b');
    const second = cells.update(results, arrived);
    expect([...second]).toEqual([
      ['a', { error: 'Trace a gone.' }],
      ['b', { error: 'Tempo is down.' }],
    ]);
    expect(second.get('a')).toBe(first.get('a'));
    expect(first.size).toBe(1);
  });
});

describe('needsService', () => {
  it('holds back only Jaeger’s builder without a service', () => {
    expect(needsService('jaeger', 'builder', { attrs: [] })).toBe(true);
    expect(needsService('jaeger', 'builder', { service: 'frontend', attrs: [] })).toBe(false);
    expect(needsService('tempo', 'builder', { attrs: [] })).toBe(false);
    expect(needsService(undefined, 'builder', { attrs: [] })).toBe(false);
  });
});
