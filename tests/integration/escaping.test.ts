/**
 * Values with quotes, backslashes, newlines, unicode and regex metacharacters round-trip through
 * the query builders into the real Tempo (TraceQL) and the real Prometheus (PromQL), and match
 * only the trace or series that carries exactly that value.
 */
import { escapeRegex, matcher, selector, oneOf } from '../../src/data/queries/promql';
import { traceqlFilter } from '../../src/data/queries/traceql';
import { generateBatch } from '../generator/batch';
import { sendTraces } from '../generator/send';
import { clients, stackEnv, waitFor } from './stack';

const env = stackEnv();
const { tempo, prom } = clients(env);
// Services are prefixed `escaping-` so these traces never mix with the shared batch's metrics.

// Near-twins: each must match only itself.
const VALUES = [
  'say "hi"',
  'say \\"hi\\"',
  'back\\slash',
  'line1\nline2',
  'tab\there',
  'control\u0001char',
  'ünïcødé ✓ 日本語 😀',
  'regex (a|b).*[x]+?$',
  'regex (a|b)',
];

const { traces, truth } = generateBatch({
  seed: 7,
  count: VALUES.length,
  overrides: Object.fromEntries(
    VALUES.map((v, i) => [i, { requestId: v, dbSpanName: `q ${v}`, servicePrefix: 'escaping-' }])
  ),
});
const startSec = Math.floor(Math.min(...truth.map((t) => t.startUs)) / 1e6) - 1;
const endSec = Math.ceil(Math.max(...truth.map((t) => t.startUs + t.durationUs)) / 1e6) + 1;

beforeAll(async () => {
  await sendTraces(env.otlpUrl, traces, traces.length);
  await waitFor('the escaping traces in Tempo and their span metrics in Prometheus', async () => {
    const res = await tempo.search(traceqlFilter({ spanName: `q ${VALUES[0]}` }), { start: startSec, end: endSec });
    const series = await prom.series(
      selector('traces_spanmetrics_calls_total', [
        oneOf(
          'span_name',
          VALUES.map((v) => `q ${v}`)
        ),
      ])
    );
    return res.traces?.length === 1 && series.length === VALUES.length ? true : undefined;
  });
});

describe('TraceQL string literals', () => {
  it.each(VALUES.map((v, i) => [JSON.stringify(v), i]))(
    'span.x_request_id = %s finds only its trace',
    async (_label, i) => {
      const res = await tempo.search(traceqlFilter({ spanAttributes: { x_request_id: VALUES[i as number] } }), {
        start: startSec,
        end: endSec,
        limit: 50,
      });
      expect((res.traces ?? []).map((t) => t.traceID.padStart(32, '0'))).toEqual([truth[i as number].traceId]);
    }
  );

  it.each(VALUES.map((v, i) => [JSON.stringify(v), i]))('name = "q %s" finds only its trace', async (_label, i) => {
    const res = await tempo.search(traceqlFilter({ spanName: `q ${VALUES[i as number]}` }), {
      start: startSec,
      end: endSec,
      limit: 50,
    });
    expect((res.traces ?? []).map((t) => t.traceID.padStart(32, '0'))).toEqual([truth[i as number].traceId]);
  });

  it('returns the exact value from tag values', async () => {
    const values = await tempo.tagValues('span.x_request_id', { start: startSec, end: endSec });
    expect(values.map((v) => v.value)).toEqual(expect.arrayContaining(VALUES));
  });
});

describe('PromQL label matchers', () => {
  it.each(VALUES.map((v, i) => [JSON.stringify(v), i]))(
    'span_name = "q %s" selects only its series',
    async (_label, i) => {
      const value = `q ${VALUES[i as number]}`;
      const series = await prom.series(selector('traces_spanmetrics_calls_total', [matcher('span_name', '=', value)]));
      expect(series.map((s) => s.span_name)).toEqual([value]);
    }
  );

  it.each(VALUES.map((v, i) => [JSON.stringify(v), i]))(
    'span_name =~ escaped "q %s" matches it literally and nothing else',
    async (_label, i) => {
      const value = `q ${VALUES[i as number]}`;
      const data = await prom.query(
        `sum by (span_name) (${selector('traces_spanmetrics_calls_total', [matcher('span_name', '=~', escapeRegex(value))])})`
      );
      expect(data.resultType === 'vector' && data.result.map((r) => r.metric.span_name)).toEqual([value]);
    }
  );

  it('oneOf() over several values selects exactly those series', async () => {
    const wanted = [VALUES[0], VALUES[6]].map((v) => `q ${v}`);
    const series = await prom.series(selector('traces_spanmetrics_calls_total', [oneOf('span_name', wanted)]));
    expect(series.map((s) => s.span_name).sort()).toEqual(wanted.sort());
  });

  it('label values come back unchanged', async () => {
    const values = await prom.labelValues('span_name');
    expect(values).toEqual(expect.arrayContaining(VALUES.map((v) => `q ${v}`)));
  });
});
