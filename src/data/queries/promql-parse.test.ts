/*
 * Every PromQL the builders produce parses in Prometheus' own PromQL grammar (npm
 * @prometheus-io/lezer-promql, the parser Prometheus' UI uses) without an error node, and every
 * name and value in it reads back, by Go's unquoting (how Prometheus reads a string), as exactly
 * what it was built from (lone surrogates as U+FFFD).
 *
 * The grammar is more lenient than Prometheus in two places, so those are pinned by hand from what
 * the real parsers said (2026-11-30: `promtool check rules` of Debian's Prometheus 2.42, and
 * `/api/v1/parse_query` of Prometheus 3.16 built from module v0.316.0; both agreed on every bare
 * form): it accepts `by (nan)` and `by (inf)`, which both reject ("unexpected number"), and ranges
 * past `9223372036854ms`, which both reject ("duration out of range"). It is stricter in one: a
 * metric named `offset` before `{`, which both Prometheus versions read (so it is written
 * `{__name__="offset"}`, which all read).
 */
import { parser } from '@prometheus-io/lezer-promql';
import fc from 'fast-check';
import {
  bucketsQuery,
  errorRatioQuery,
  peerEdgeQueries,
  PromqlQuery,
  quantileQuery,
  rateQuery,
  serviceGraphEdgeQueries,
} from '../spanmetrics/queries';
import { PRESET_SCHEMES, SpanMetricsScheme } from '../spanmetrics/scheme';
import { by, matcher, MAX_RANGE_MS, oneOf, selector } from './promql';
import { wellFormed } from './quote';
import { goUnquote } from './testing/go-strings';

interface Parsed {
  errors: number[];
  /** the metric name each selector selects: bare, `__name__="…"` or the braces' quoted first element */
  metrics: string[];
  /** label matchers `[name, op, value]` other than `__name__`, names and values read back */
  matchers: Array<[string, string, string]>;
  /** grouping labels, read back */
  grouping: string[];
  /** range durations as written */
  ranges: string[];
}

const text = (q: string, n: { from: number; to: number }) => q.slice(n.from, n.to);

function parse(query: string): Parsed {
  const out: Parsed = { errors: [], metrics: [], matchers: [], grouping: [], ranges: [] };
  const name = (n: { name: string; from: number; to: number }) =>
    n.name === 'QuotedLabelName' ? goUnquote(text(query, n)) : text(query, n);
  parser.parse(query).iterate({
    enter: (ref) => {
      const n = ref.node;
      if (ref.type.isError) {
        out.errors.push(ref.from);
      } else if (ref.name === 'Identifier' && n.parent?.name === 'VectorSelector') {
        out.metrics.push(text(query, n));
      } else if (ref.name === 'QuotedLabelName' && n.parent?.name === 'LabelMatchers') {
        out.metrics.push(goUnquote(text(query, n)));
      } else if (ref.name === 'UnquotedLabelMatcher' || ref.name === 'QuotedLabelMatcher') {
        const label = name(n.firstChild!);
        const value = goUnquote(text(query, n.lastChild!));
        const op = text(query, n.getChild('MatchOp')!);
        if (label === '__name__') {
          out.metrics.push(value);
        } else {
          out.matchers.push([label, op, value]);
        }
      } else if (n.parent?.name === 'GroupingLabels') {
        out.grouping.push(name(n));
      } else if (ref.name === 'DurationExpr') {
        out.ranges.push(text(query, n));
      }
    },
  });
  return out;
}

function expectParses(query: string): Parsed {
  const p = parse(query);
  expect({ query, errorsAt: p.errors }).toEqual({ query, errorsAt: [] });
  // what the grammar lets through and Prometheus does not (see the header)
  expect(p.grouping.filter((l) => /^(inf|nan)$/i.test(l) && !query.includes(`"${l}"`))).toEqual([]);
  for (const r of p.ranges) {
    expect(r).toMatch(/^\d+(ms|s)$/);
    expect(r.endsWith('ms') ? Number(r.slice(0, -2)) : Number(r.slice(0, -1)) * 1000).toBeLessThanOrEqual(MAX_RANGE_MS);
  }
  return p;
}

const HOSTILE = [
  'plain',
  'a"b',
  'back\\slash',
  'line\nbreak',
  'nul\u0000',
  'x.y|z(*)',
  '日本 😀',
  'lone \ud800',
  '\u2028\u007f',
];
const RANGES_SEC = [0.0001, 0.0015, 60.5, 300, 9_223_372_036.854, 9_223_372_036.855, 1e21, Infinity];

describe('every span-metrics query of every scheme parses, names and values read back', () => {
  const schemes: SpanMetricsScheme[] = Object.values(PRESET_SCHEMES).flatMap((s) => [
    s,
    { ...s, histogram: 'native' as const },
  ]);

  it.each(schemes.map((s) => [`${s.id} (${s.histogram})`, s]))('%s', (_label, scheme) => {
    const queries: PromqlQuery[] = [];
    for (const rangeSec of RANGES_SEC) {
      for (const v of HOSTILE) {
        const filter = { services: [v], operations: [v, 'other'], spanKind: v };
        for (const groupBy of ['service', 'operation'] as const) {
          queries.push(
            rateQuery(scheme, filter, groupBy, rangeSec),
            errorRatioQuery(scheme, filter, groupBy, rangeSec),
            quantileQuery(scheme, 0.95, filter, groupBy, rangeSec)
          );
        }
        const buckets = bucketsQuery(scheme, v, v, rangeSec);
        const p = expectParses(buckets.expr);
        expect(p.matchers).toEqual([
          [scheme.labels.service, '=', wellFormed(v)],
          [scheme.labels.spanName, '=', wellFormed(v)],
        ]);
        expect(p.metrics).toEqual([`${scheme.latencyMetric}_bucket`]);
      }
    }
    for (const q of queries) {
      const p = expectParses(q.expr);
      expect(p.metrics.every((m) => m.startsWith(scheme.callsMetric) || m.startsWith(scheme.latencyMetric))).toBe(true);
      expect(p.grouping.every((l) => Object.values(scheme.labels).includes(l) || l === 'le')).toBe(true);
    }
    // one by hand: the service matcher reads back as the (well-formed) value
    const p = expectParses(rateQuery(scheme, { services: ['lone \ud800 "q"\n'] }, 'service', 60).expr);
    expect(p.matchers).toEqual([[scheme.labels.service, '=', 'lone \ufffd "q"\n']]);
    expect(p.ranges).toEqual(['60s']);
  });

  it('edge queries: service graph and peer label', () => {
    const graph = serviceGraphEdgeQueries(
      {
        requestMetric: 'traces_service_graph_request_total',
        failedMetric: 'traces_service_graph_request_failed_total',
        serverLatencyMetric: 'traces_service_graph_request_server_seconds',
      },
      1e21
    );
    const utf8 = PRESET_SCHEMES['otel-utf8'];
    const peer = peerEdgeQueries(utf8, 'peer.service', 300);
    for (const q of [graph.rate, graph.failed, graph.p95!, peer.rate, peer.failed, peer.p95!]) {
      expectParses(q);
    }
    expect(parse(peer.failed).matchers).toEqual([
      ['span.kind', '=', 'SPAN_KIND_CLIENT'],
      ['peer.service', '!=', ''],
      ['status.code', '=', 'STATUS_CODE_ERROR'],
    ]);
  });
});

// The words the PromQL lexer knows, and how a metric and a grouping label of that name are written.
// Measured (see the header): bare `on{…}`, `bool{…}`, `ignoring{…}`, `group_left{…}`, `group_right{…}`,
// `atan2{…}`, `inf{…}`, `nan{…}` fail in both versions; `by (without)`, `by (inf)`, `by (nan)` fail;
// every other word below works bare in both places, and every legacy name works bare inside braces.
const WORDS: Array<[word: string, metric: string, grouping: string]> = [
  ['on', '{__name__="on"}', 'by (on)'],
  ['bool', '{__name__="bool"}', 'by (bool)'],
  ['ignoring', '{__name__="ignoring"}', 'by (ignoring)'],
  ['group_left', '{__name__="group_left"}', 'by (group_left)'],
  ['group_right', '{__name__="group_right"}', 'by (group_right)'],
  ['atan2', '{__name__="atan2"}', 'by (atan2)'],
  ['Inf', '{__name__="Inf"}', 'by ("Inf")'],
  ['NaN', '{__name__="NaN"}', 'by ("NaN")'],
  ['nan', '{__name__="nan"}', 'by ("nan")'],
  ['INF', '{__name__="INF"}', 'by ("INF")'],
  ['without', 'without{}', 'by ("without")'],
  ['by', 'by{}', 'by (by)'],
  ['offset', '{__name__="offset"}', 'by (offset)'], // Prometheus takes `offset{}`, its UI grammar does not
  ['and', 'and{}', 'by (and)'],
  ['or', 'or{}', 'by (or)'],
  ['unless', 'unless{}', 'by (unless)'],
  ['sum', 'sum{}', 'by (sum)'],
  ['count_values', 'count_values{}', 'by (count_values)'],
  ['limitk', 'limitk{}', 'by (limitk)'],
  ['start', 'start{}', 'by (start)'],
  ['end', 'end{}', 'by (end)'],
  ['step', 'step{}', 'by (step)'],
  ['smoothed', 'smoothed{}', 'by (smoothed)'],
  ['anchored', 'anchored{}', 'by (anchored)'],
  ['le', 'le{}', 'by (le)'],
];

describe('names the lexer reads as keywords or numbers', () => {
  it.each(WORDS)('%s: metric %s, grouping %s', (word, metric, grouping) => {
    expect([selector(word), by([word])]).toEqual([metric, grouping]);
    const p = expectParses(`sum ${by([word])} (rate(${selector(word, [matcher(word, '=', 'v')])}[300s]))`);
    expect([p.metrics, p.matchers, p.grouping]).toEqual([[word], [[word, '=', 'v']], [word]]);
    // for a Prometheus that may be 2: the same text, unless it needs quoting, which is refused
    if (grouping.includes('"')) {
      expect(() => by([word], false)).toThrow(RangeError);
    } else {
      expect(by([word], false)).toBe(grouping);
    }
    expect(selector(word, [], false)).toBe(metric);
  });
});

describe('properties (fast-check)', () => {
  const char = fc.oneof(
    { weight: 4, arbitrary: fc.string({ unit: 'binary', minLength: 1, maxLength: 1 }) },
    { weight: 3, arbitrary: fc.constantFrom('a', 'Z', '_', ':', '0', '.', '-', ' ', '"', '\\', '{', '}', '=', ',') },
    { weight: 1, arbitrary: fc.constantFrom('\u0000', '\n', '\r', '\t', '\u007f', '\u2028', '\ud800', '\udc00') },
    { weight: 1, arbitrary: fc.constantFrom('on', 'bool', 'by', 'without', 'Inf', 'nan', 'offset', 'le') }
  );
  const word = fc.array(char, { minLength: 1, maxLength: 12 }).map((p) => p.join(''));
  const op = fc.constantFrom<'=' | '!=' | '=~' | '!~'>('=', '!=', '=~', '!~');
  const query = fc.record({
    metric: word,
    matchers: fc.array(fc.tuple(word, op, fc.string({ unit: 'binary', maxLength: 12 })), { maxLength: 3 }),
    grouping: fc.array(word, { minLength: 1, maxLength: 3 }),
    values: fc.array(fc.string({ unit: 'binary', maxLength: 8 }), { minLength: 1, maxLength: 3 }),
  });
  const build = (q: typeof query extends fc.Arbitrary<infer T> ? T : never, utf8: boolean) => {
    const ms = [...q.matchers.map(([l, o, v]) => matcher(l, o, v)), oneOf('x', q.values)];
    return `sum ${by(q.grouping, utf8)} (rate(${selector(q.metric, ms, utf8)}[300s]))`;
  };

  it('any names and values (Prometheus 3): parses, and every name and value reads back', () => {
    fc.assert(
      fc.property(query, (q) => {
        const p = expectParses(build(q, true));
        expect(p.metrics).toEqual([wellFormed(q.metric)]);
        expect(p.grouping).toEqual(q.grouping.map(wellFormed));
        expect(p.matchers.slice(0, q.matchers.length)).toEqual(
          q.matchers.filter(([l]) => l !== '__name__').map(([l, o, v]) => [wellFormed(l), o, wellFormed(v)])
        );
      }),
      { numRuns: 1500 }
    );
  });

  it('for a Prometheus that may be 2: no quoted name, or a RangeError exactly when one is needed', () => {
    const legacy = (n: string, metric: boolean) =>
      (metric ? /^[a-zA-Z_:][a-zA-Z0-9_:]*$/ : /^[a-zA-Z_][a-zA-Z0-9_]*$/).test(n);
    fc.assert(
      fc.property(query, (q) => {
        const needsQuoting =
          !legacy(q.metric, true) ||
          q.matchers.some(([l]) => !legacy(l, false)) ||
          q.grouping.some((l) => !legacy(l, false) || /^(without|inf|nan)$/i.test(l));
        if (needsQuoting) {
          expect(() => build(q, false)).toThrow(RangeError);
          return;
        }
        const promql = build(q, false);
        const p = expectParses(promql);
        expect(p.metrics).toEqual([q.metric]);
        parser.parse(promql).iterate({ enter: (n) => expect(n.name).not.toBe('QuotedLabelName') });
      }),
      { numRuns: 1500 }
    );
  });
});
