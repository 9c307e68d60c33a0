/**
 * Records real Jaeger v2 trace bodies into tests/integration/fixtures/jaeger-trace-*.json for the
 * engine's Jaeger readers (`parseOtlpTrace` on v3 `{"result":…}`, `parseJaegerTrace` on v1
 * `{"data":[…]}`). Start a Jaeger v2 (module v1.76.0, Badger storage as in tests/stack/jaeger.yaml) on
 * ports of your own, then:
 *
 *   JAEGER_URL=http://127.0.0.1:26686 JAEGER_OTLP_URL=http://127.0.0.1:24318 \
 *     npx tsx tests/integration/record-jaeger-traces.ts
 *
 * Sends three generated requests (seed 5, the first failing in auth; the generator settings are
 * saved in the fixture so that a test can rebuild the ground truth) and two hand-made OTLP traces:
 * `features` (links into the same and another trace, a root with only a link, OK/ERROR/unset
 * status, every kind, two scopes, every attribute kind, events, a trace state, a resource without
 * service.name) and `odd` (int64 values beyond 2^53, a negative duration, sub-µs times). Records
 * each trace through /api/v3/traces/{id} and /api/traces/{id}, a v3 search answer holding several
 * traces, and the not-found and malformed-id answers of both APIs. Each fixture is
 * `{source, recorded, request, status, contentType, body}`; `body` is the parsed JSON (or the text).
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { generateBatch } from '../generator/batch';
import { sendTraces } from '../generator/send';
import { waitFor } from './stack';

const SOURCE = 'Jaeger v2 (module v1.76.0)';
const GENERATOR = { seed: 5, count: 3, overrides: { 0: { authFails: true } } };
const FEATURES_ID = 'a1a2a3a4a5a6a7a8a9aaabacadaeaf01';
const ODD_ID = 'a1a2a3a4a5a6a7a8a9aaabacadaeaf02';
const OTHER_TRACE = 'b1b2b3b4b5b6b7b8b9babbbcbdbebf00';

function env(name: string): string {
  const value = process.env[name]?.replace(/\/+$/, '');
  if (!value) {
    throw new Error(`set ${name} (see the header of record-jaeger-traces.ts)`);
  }
  return value;
}

const query = env('JAEGER_URL');
const otlp = env('JAEGER_OTLP_URL');

/** GETs `path` from Jaeger's query API and writes it as fixture `jaeger-trace-<name>.json`. */
async function record(name: string, path: string, extra: Record<string, unknown> = {}) {
  const res = await fetch(`${query}/${path}`);
  const text = await res.text();
  let body: unknown = text;
  try {
    body = JSON.parse(text);
  } catch {
    // not JSON: keep the text
  }
  const fixture = {
    source: SOURCE,
    recorded: new Date().toISOString().slice(0, 10),
    request: path,
    status: res.status,
    contentType: res.headers.get('content-type'),
    ...extra,
    body,
  };
  writeFileSync(join(__dirname, 'fixtures', `jaeger-trace-${name}.json`), `${JSON.stringify(fixture, null, 1)}\n`);
  console.error(`jaeger-trace-${name}.json: ${res.status}`);
}

const str = (v: string) => ({ stringValue: v });
const ns = (us: number, extraNs = 0) => `${us}${String(extraNs).padStart(3, '0')}`;

/** The hand-made traces, starting at `t0` µs (see the file header). */
function handMade(t0: number) {
  const span = (traceId: string, id: number, name: string, start: number, end: number, more: object = {}) => ({
    traceId,
    spanId: id.toString(16).padStart(16, '0'),
    name,
    startTimeUnixNano: ns(t0 + start),
    endTimeUnixNano: ns(t0 + end),
    ...more,
  });
  const parent = (id: number) => ({ parentSpanId: id.toString(16).padStart(16, '0') });
  const features = [
    span(FEATURES_ID, 1, 'GET /cart', 0, 10_000, {
      kind: 2,
      status: { code: 1 },
      traceState: 'vendor=x',
      attributes: [
        { key: 'list', value: { arrayValue: { values: [str('a'), { intValue: '2' }] } } },
        { key: 'map', value: { kvlistValue: { values: [{ key: 'k', value: { boolValue: true } }] } } },
        { key: 'raw', value: { bytesValue: 'AQI=' } },
        { key: 'ratio', value: { doubleValue: 2.5 } },
        { key: 'count', value: { intValue: '42' } },
        { key: 'error', value: { boolValue: false } },
      ],
      events: [
        { timeUnixNano: ns(t0 + 100), name: 'cache miss', attributes: [{ key: 'n', value: { intValue: '1' } }] },
        { timeUnixNano: ns(t0 + 200), name: '', attributes: [{ key: 'm', value: str('unnamed') }] },
      ],
    }),
    span(FEATURES_ID, 2, 'SELECT cart', 1000, 3000, {
      ...parent(1),
      kind: 3,
      status: { code: 2, message: 'deadlock' },
      links: [{ traceId: OTHER_TRACE, spanId: '00000000000000b1', attributes: [{ key: 'why', value: str('batch') }] }],
    }),
    span(FEATURES_ID, 3, 'no kind', 3000, 4000, { ...parent(1), kind: 0 }),
    span(FEATURES_ID, 5, 'render', 4000, 6000, {
      ...parent(1),
      kind: 1,
      links: [
        { traceId: FEATURES_ID, spanId: '0000000000000002' },
        { traceId: OTHER_TRACE, spanId: '00000000000000b2' },
      ],
    }),
    span(FEATURES_ID, 4, 'consume cart event', 12_000, 15_000, {
      kind: 5,
      links: [{ traceId: FEATURES_ID, spanId: '0000000000000001' }],
    }),
    span(FEATURES_ID, 6, 'publish cart event', 6000, 7000, { ...parent(1), kind: 4, status: { code: 2 } }),
  ];
  const odd = [
    span(ODD_ID, 1, 'big numbers', 0, 1000, {
      kind: 2,
      attributes: [
        { key: 'max', value: { intValue: '9223372036854775807' } },
        { key: 'min', value: { intValue: '-9223372036854775808' } },
        { key: 'above 2^53', value: { intValue: '9007199254740993' } },
        { key: 'safe', value: { intValue: '9007199254740991' } },
        { key: 'tiny', value: { doubleValue: 1e-300 } },
        { key: 'escapes', value: str('a"b\\c é\n') },
      ],
    }),
    span(ODD_ID, 2, 'ends before it starts', 500, 400, parent(1)),
    {
      ...span(ODD_ID, 3, 'sub-µs times', 0, 0, parent(1)),
      startTimeUnixNano: ns(t0 + 10, 999),
      endTimeUnixNano: ns(t0 + 20, 1),
    },
  ];
  const resource = (attrs: object[], scopes: Array<[object | undefined, object[]]>) => ({
    resource: { attributes: attrs },
    scopeSpans: scopes.map(([scope, spans]) => ({ ...(scope ? { scope } : {}), spans })),
  });
  const shop = { key: 'service.name', value: str('shop') };
  return {
    resourceSpans: [
      resource(
        [shop, { key: 'host.name', value: str('h1') }],
        [
          [
            { name: 'lib-a', version: '2.0', attributes: [{ key: 'scope.attr', value: str('1') }] },
            features.slice(0, 3),
          ],
          [{ name: 'lib-b' }, features.slice(3, 5)],
        ]
      ),
      resource([{ key: 'host.name', value: str('h2') }], [[undefined, features.slice(5)]]),
      resource([shop], [[{ name: 'odd' }, odd]]),
    ],
  };
}

async function main() {
  const nowUs = Date.now() * 1000;
  const { traces, truth } = generateBatch({ ...GENERATOR, nowUs });
  await sendTraces(otlp, traces);
  const res = await fetch(`${otlp}/v1/traces`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify(handMade(truth[0].startUs)),
  });
  if (!res.ok) {
    throw new Error(`OTLP receiver answered ${res.status}: ${await res.text()}`);
  }
  const id = truth[0].traceId;
  for (const traceId of [id, FEATURES_ID, ODD_ID]) {
    await waitFor(
      `trace ${traceId} in Jaeger`,
      async () => ((await fetch(`${query}/api/v3/traces/${traceId}`)).ok ? true : undefined),
      30_000,
      200
    );
  }
  const generator = { generator: { ...GENERATOR, nowUs, traceIndex: 0 } };
  await record('v3', `api/v3/traces/${id}`, generator);
  await record('v1', `api/traces/${id}`, generator);
  await record('features-v3', `api/v3/traces/${FEATURES_ID}`);
  await record('features-v1', `api/traces/${FEATURES_ID}`);
  await record('odd-v3', `api/v3/traces/${ODD_ID}`);
  await record('odd-v1', `api/traces/${ODD_ID}`);
  const rfc3339 = (us: number) => new Date(us / 1000).toISOString();
  await record(
    'v3-search',
    `api/v3/traces?query.service_name=frontend&query.start_time_min=${rfc3339(nowUs - 60e6)}` +
      `&query.start_time_max=${rfc3339(nowUs + 60e6)}&query.num_traces=3`
  );
  await record('v3-not-found', 'api/v3/traces/0123456789abcdef0123456789abcdef');
  await record('v1-not-found', 'api/traces/0123456789abcdef0123456789abcdef');
  await record('v3-malformed-id', 'api/v3/traces/not-a-trace-id');
  await record('v1-malformed-id', 'api/traces/not-a-trace-id');
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
