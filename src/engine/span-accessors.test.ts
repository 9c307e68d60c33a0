/** The span accessors read a hand-written trace's spans back as the values views show. */
import { tinyOtlp } from '../../tests/synthetic/tiny';
import { analyzeTrace } from './analyze';
import { nameOf } from './model';
import { parseOtlpTrace } from './otlp';
import {
  criticalPathSectionCount,
  errorSpanCount,
  hasChildren,
  isErrorSpan,
  resourceAttributes,
  spanAttributes,
  spanCriticalPathTime,
  spanDepth,
  spanDuration,
  spanEnd,
  spanEvents,
  spanKindName,
  spanLabel,
  spanLinks,
  spanParent,
  spanScope,
  spanSelfTime,
  spanStart,
  spanStatus,
  spanStatusMessage,
  traceAttributeKeys,
  traceServices,
} from './span-accessors';

const US = 1000; // ns per µs

// root (api, server) 0–100 µs with a child db (store, client, error) 20–50 µs.
const analysis = analyzeTrace(
  parseOtlpTrace(
    tinyOtlp([
      { id: 'root', service: 'api', name: 'GET /', kind: 'server', start: 0, end: 100, attrs: { 'http.status': 200 } },
      {
        id: 'db',
        parent: 'root',
        service: 'store',
        name: 'query',
        kind: 'client',
        start: 20,
        end: 50,
        status: 'STATUS_CODE_ERROR',
        attrs: { 'db.system': 'pg', retried: true },
      },
    ])
  )
);
const trace = analysis.trace;
const at = (name: string) => [0, 1].find((i) => nameOf(trace, i) === name)!;
const root = at('GET /');
const db = at('query');

describe('span accessors', () => {
  it('name a span by service and operation, with its kind and status', () => {
    expect(spanLabel(trace, db)).toBe('store: query');
    expect(spanKindName(trace, root)).toBe('server');
    expect(spanKindName(trace, db)).toBe('client');
    expect(spanStatus(trace, root)).toBe('unset');
    expect(spanStatus(trace, db)).toBe('error');
    expect(isErrorSpan(trace, db)).toBe(true);
    expect(isErrorSpan(trace, root)).toBe(false);
    expect(spanStatusMessage(trace, root)).toBe('');
  });

  it('read attributes as display strings, and the resource the span belongs to', () => {
    expect(spanAttributes(trace, db)).toEqual([
      ['db.system', 'pg'],
      ['retried', 'true'],
    ]);
    expect(spanAttributes(trace, root)).toEqual([['http.status', '200']]);
    expect(resourceAttributes(trace, db)).toContainEqual(['service.name', 'store']);
    expect(spanScope(trace, db)).toBe('tiny');
  });

  it('read events and links with their attributes', () => {
    const withBoth = parseOtlpTrace(
      JSON.stringify({
        resourceSpans: [
          {
            resource: { attributes: [{ key: 'service.name', value: { stringValue: 'api' } }] },
            scopeSpans: [
              {
                scope: { name: 'lib', version: '1.2' },
                spans: [
                  {
                    traceId: '0123456789abcdef0123456789abcdef',
                    spanId: '00000000000000aa',
                    name: 'work',
                    startTimeUnixNano: '1700000000000000000',
                    endTimeUnixNano: '1700000000000005000',
                    status: { code: 'STATUS_CODE_ERROR', message: 'boom' },
                    events: [
                      {
                        timeUnixNano: '1700000000000002000',
                        name: 'retry',
                        attributes: [{ key: 'attempt', value: { intValue: '2' } }],
                      },
                    ],
                    links: [
                      {
                        traceId: 'ffffffffffffffffffffffffffffffff',
                        spanId: '00000000000000bb',
                        attributes: [{ key: 'why', value: { stringValue: 'batch' } }],
                      },
                    ],
                  },
                ],
              },
            ],
          },
        ],
      })
    );
    expect(spanEvents(withBoth, 0)).toEqual([{ time: 2000, name: 'retry', attributes: [['attempt', '2']] }]);
    expect(spanLinks(withBoth, 0)).toEqual([
      { traceId: 'ffffffffffffffffffffffffffffffff', spanId: '00000000000000bb', attributes: [['why', 'batch']] },
    ]);
    expect(spanScope(withBoth, 0)).toBe('lib 1.2');
    expect(spanStatusMessage(withBoth, 0)).toBe('boom');
    expect(spanEvents(trace, db)).toEqual([]);
    expect(spanLinks(trace, db)).toEqual([]);
  });

  it('sum up the trace: services, errors, attribute keys', () => {
    expect(traceServices(trace)).toEqual(['api', 'store']);
    expect(errorSpanCount(trace)).toBe(1);
    expect(traceAttributeKeys(trace)).toEqual(expect.arrayContaining(['db.system', 'http.status', 'service.name']));
  });

  it('give effective times in ns and the span tree', () => {
    expect(spanStart(analysis, db)).toBe(20 * US);
    expect(spanEnd(analysis, db)).toBe(50 * US);
    expect(spanDuration(analysis, db)).toBe(30 * US);
    expect(spanSelfTime(analysis, root)).toBe(70 * US);
    expect(spanCriticalPathTime(analysis, db)).toBe(30 * US);
    expect(spanDepth(analysis, db)).toBe(1);
    expect(spanParent(analysis, db)).toBe(root);
    expect(spanParent(analysis, root)).toBe(-1);
    expect(hasChildren(analysis, root)).toBe(true);
    expect(hasChildren(analysis, db)).toBe(false);
    // the root until the db call starts, the db call, the root after it
    expect(criticalPathSectionCount(analysis)).toBe(3);
  });
});
