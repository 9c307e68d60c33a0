/**
 * Records real Jaeger v2 query-API answers into tests/integration/fixtures/jaeger-api-*.json for the
 * Jaeger client's and the Jaeger source's unit tests (whose fake transports only return what a
 * real server returned). Start a Jaeger v2 (module v1.76.0, Badger storage: tests/stack/jaeger.yaml),
 * then:
 *
 *   JAEGER_URL=http://127.0.0.1:36686 JAEGER_OTLP_URL=http://127.0.0.1:34318 \
 *     npx tsx tests/integration/record-jaeger-fixtures.ts
 *
 * Sends a small deterministic batch (one failing auth, one slow database call, one trace whose
 * service names and x_request_id hold quotes, `&`, `/`, `=`, unicode and a newline) plus one
 * hand-made trace with an OK, an unset and an ERROR span, then records the answers. Each fixture is
 * `{source, recorded, request, status, contentType, body}`; `body` is the parsed JSON, or the text
 * when the server answered with something else. Prints what it measured (time to searchable).
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { generateBatch } from '../generator/batch';
import { sendTraces } from '../generator/send';
import { waitFor } from './stack';

const SOURCE = 'Jaeger v2 (module v1.76.0)';
const dir = join(__dirname, 'fixtures');
const jaeger = required('JAEGER_URL');
const otlp = required('JAEGER_OTLP_URL');

/** The odd names: they must reach Jaeger intact through every URL the client builds. */
const HOSTILE_PREFIX = 'q"uote & sl/ash ü😀\n';
const HOSTILE_REQUEST_ID = 'req "x" & y/z=1 ü😀\nline2';

function required(name: string): string {
  const value = process.env[name];
  if (!value) {
    console.error(`set ${name} (see the header of ${__filename})`);
    process.exit(2);
  }
  return value.replace(/\/+$/, '');
}

async function get(path: string) {
  const res = await fetch(`${jaeger}/${path}`);
  const text = await res.text();
  let body: unknown = text;
  try {
    body = JSON.parse(text);
  } catch {
    // keep the text
  }
  return { status: res.status, contentType: res.headers.get('content-type'), body: body as any };
}

async function record(name: string, path: string) {
  const answer = await get(path);
  const fixture = { source: SOURCE, recorded: new Date().toISOString().slice(0, 10), request: path, ...answer };
  writeFileSync(join(dir, `jaeger-api-${name}.json`), JSON.stringify(fixture, null, 1) + '\n');
  return answer.body;
}

/** One trace (service `status-probe`) with an OK root, an unset child and an ERROR child. */
async function sendStatusProbe(nowUs: number) {
  const ns = (us: number) => `${us}000`;
  const span = (
    spanId: string,
    parent: string | undefined,
    name: string,
    code: number,
    start: number,
    end: number
  ) => ({
    traceId: '5a7a7e5000000000000000000000beef',
    spanId,
    ...(parent ? { parentSpanId: parent } : {}),
    name,
    kind: 2,
    startTimeUnixNano: ns(start),
    endTimeUnixNano: ns(end),
    status: code === 2 ? { code, message: 'probe failed' } : { code },
  });
  const t0 = nowUs - 100_000;
  const body = {
    resourceSpans: [
      {
        resource: { attributes: [{ key: 'service.name', value: { stringValue: 'status-probe' } }] },
        scopeSpans: [
          {
            scope: { name: 'record-jaeger-fixtures' },
            spans: [
              span('00000000000000a1', undefined, 'probe ok', 1, t0, t0 + 9000),
              span('00000000000000a2', '00000000000000a1', 'probe unset', 0, t0 + 1000, t0 + 3000),
              span('00000000000000a3', '00000000000000a1', 'probe error', 2, t0 + 4000, t0 + 8000),
            ],
          },
        ],
      },
    ],
  };
  const res = await fetch(`${otlp}/v1/traces`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify(body),
  });
  if (!res.ok) {
    throw new Error(`OTLP receiver answered ${res.status}: ${await res.text()}`);
  }
}

async function main() {
  mkdirSync(dir, { recursive: true });
  const nowUs = Date.now() * 1000;
  const { traces, truth } = generateBatch({
    seed: 7,
    count: 4,
    nowUs,
    overrides: {
      0: { authFails: true, route: 'checkout' },
      1: { outlier: true, authFails: false },
      3: { servicePrefix: HOSTILE_PREFIX, requestId: HOSTILE_REQUEST_ID, authFails: false },
    },
  });
  const posted = Date.now();
  await sendTraces(otlp, traces);
  await sendStatusProbe(nowUs);
  const q = encodeURIComponent;
  const firstId = truth[0].requestId;
  await waitFor(
    'the first trace to be searchable',
    async () => {
      const r = await get(`api/traces?service=frontend&tags=${q(JSON.stringify({ x_request_id: firstId }))}`);
      return r.body?.data?.length ? true : undefined;
    },
    30_000,
    25
  );
  console.error(`POST → first trace searchable by tag: ${Date.now() - posted} ms`);
  await waitFor('the whole batch to be searchable', async () => {
    const r = await get(`api/traces?service=${q('user-service')}`);
    const hostile = await get(`api/traces?service=${q(HOSTILE_PREFIX + 'frontend')}`);
    const probe = await get('api/traces?service=status-probe');
    return r.body?.data?.length === 3 && hostile.body?.data?.length === 1 && probe.body?.data?.[0]?.spans.length === 3
      ? true
      : undefined;
  });
  console.error(`POST → whole batch searchable: ${Date.now() - posted} ms`);

  const start = Math.floor(Math.min(...truth.map((t) => t.startUs))) - 1_000_000;
  const end = Date.now() * 1000 + 1_000_000;
  const range = `start=${start}&end=${end}`;
  const tags = (t: Record<string, string>) => q(JSON.stringify(t));
  const id = truth[1].traceId;

  await record('services', 'api/services');
  await record('operations', `api/operations?service=${q('user-service')}`);
  await record('operations-client', `api/operations?service=${q('api-gateway')}&spanKind=client`);
  await record('operations-hostile', `api/operations?service=${q(HOSTILE_PREFIX + 'user-service')}`);
  await record('search-service', `api/traces?service=auth-service&limit=20&${range}`);
  await record(
    'search-operation',
    `api/traces?service=api-gateway&operation=${q('GET /api/checkout')}&limit=20&${range}`
  );
  await record(
    'search-request-id',
    `api/traces?service=frontend&tags=${tags({ x_request_id: truth[2].requestId })}&limit=20&${range}`
  );
  await record(
    'search-hostile',
    `api/traces?service=${q(HOSTILE_PREFIX + 'frontend')}&tags=${tags({ x_request_id: HOSTILE_REQUEST_ID })}&limit=20&${range}`
  );
  await record('search-error', `api/traces?service=frontend&tags=${tags({ error: 'true' })}&limit=20&${range}`);
  await record('search-error-bool-json', `api/traces?service=frontend&tags=${q('{"error":true}')}&limit=20&${range}`);
  await record('search-status-probe', `api/traces?service=status-probe&${range}`);
  await record(
    'search-status-ok',
    `api/traces?service=status-probe&tags=${tags({ 'otel.status_code': 'OK' })}&${range}`
  );
  await record(
    'search-status-error',
    `api/traces?service=status-probe&tags=${tags({ 'otel.status_code': 'ERROR' })}&${range}`
  );
  await record(
    'search-status-unset',
    `api/traces?service=status-probe&tags=${tags({ 'otel.status_code': 'UNSET' })}&${range}`
  );
  await record(
    'search-status-code',
    `api/traces?service=frontend&tags=${tags({ 'http.status_code': '502' })}&${range}`
  );
  await record('search-min-duration', `api/traces?service=user-service&minDuration=20ms&limit=20&${range}`);
  await record('search-max-duration', `api/traces?service=user-service&maxDuration=1.5ms&limit=20&${range}`);
  await record('search-bad-duration', `api/traces?service=user-service&minDuration=20&${range}`);
  await record('search-unknown-service', `api/traces?service=no-such-service&${range}`);
  await record('search-no-service', `api/traces?${range}`);
  await record('dependencies', `api/dependencies?endTs=${Math.ceil(end / 1000)}&lookback=3600000`);
  await record(
    'trace-v3',
    `api/v3/traces/${id}?start_time=${q(new Date(start / 1000).toISOString())}&end_time=${q(new Date(end / 1000).toISOString())}`
  );
  await record('trace-v1', `api/traces/${id}`);
  await record('trace-v3-malformed', 'api/v3/traces/not-a-trace-id');
  await record('trace-v1-malformed', 'api/traces/not-a-trace-id');
  await record('trace-v3-not-found', 'api/v3/traces/0123456789abcdef0123456789abcdef');
  await record('trace-v1-not-found', 'api/traces/0123456789abcdef0123456789abcdef');
  await record('unknown-path', 'api/nope');
  await record('unknown-v3-path', 'api/v3/nope');
  console.error(`recorded jaeger-api-*.json into ${dir}`);
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
