/**
 * Records real Tempo and Prometheus responses into tests/integration/fixtures/ for the data
 * layer's unit tests (whose fake transports must only ever return what a real server returned).
 *
 *   tests/stack/stack.sh up && npx tsx tests/integration/record-fixtures.ts && tests/stack/stack.sh down
 *
 * Sends a small deterministic batch first. Each fixture is `{request, status, body}`; `body` is
 * the parsed JSON, or the text when the server answered with text. One fixture is not made here:
 * tempo-metrics-no-local-blocks.json is the same query_range request answered by the Tempo
 * without local-blocks that error-paths.test.ts starts.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { generateBatch } from '../generator/batch';
import { sendTraces } from '../generator/send';
import { stackEnv, waitFor } from './stack';

const env = stackEnv();
const dir = join(__dirname, 'fixtures');

async function record(name: string, base: string, path: string) {
  const res = await fetch(`${base}/${path}`);
  const text = await res.text();
  let body: unknown = text;
  try {
    body = JSON.parse(text);
  } catch {
    // keep the text
  }
  writeFileSync(
    join(dir, `${name}.json`),
    JSON.stringify({ request: path, status: res.status, contentType: res.headers.get('content-type'), body }, null, 1) +
      '\n'
  );
  return body as any;
}

async function main() {
  mkdirSync(dir, { recursive: true });
  const { traces, truth } = generateBatch({ seed: 3, count: 4, overrides: { 0: { authFails: true } } });
  await sendTraces(env.otlpUrl, traces);
  const start = Math.floor(truth[0].startUs / 1e6) - 1;
  const t = env.tempoUrl;
  const p = env.promUrl;
  await waitFor('the traces in Tempo', async () => {
    const r = await (
      await fetch(`${t}/api/search?q=${encodeURIComponent('{}')}&start=${start}&end=${Math.ceil(Date.now() / 1000)}`)
    ).json();
    return r.traces?.length >= 4 ? true : undefined;
  });
  await waitFor('span metrics in Prometheus', async () => {
    const r = await (
      await fetch(`${p}/api/v1/query?query=${encodeURIComponent('sum(traces_spanmetrics_calls_total)')}`)
    ).json();
    return r.data.result.length ? true : undefined;
  });
  const end = Math.ceil(Date.now() / 1000) + 1;
  const q = (s: string) => encodeURIComponent(s);
  const id = truth[0].traceId;
  await record('tempo-search', t, `api/search?q=${q('{ status = error }')}&limit=5&spss=2&start=${start}&end=${end}`);
  await record('tempo-trace-v2', t, `api/v2/traces/${id}`);
  await record('tempo-trace-v1', t, `api/traces/${id}`);
  await record('tempo-trace-v2-not-found', t, 'api/v2/traces/0123456789abcdef0123456789abcdef');
  await record('tempo-trace-v1-not-found', t, 'api/traces/0123456789abcdef0123456789abcdef');
  await record('tempo-tags', t, `api/v2/search/tags?start=${start}&end=${end}`);
  await record('tempo-tag-values', t, `api/v2/search/tag/resource.service.name/values?start=${start}&end=${end}`);
  await record('tempo-search-syntax-error', t, `api/search?q=${q('{ resource.service.name = }')}`);
  await record(
    'tempo-metrics-query-range',
    t,
    `api/metrics/query_range?q=${q('{ } | rate() by (resource.service.name)')}&start=${start - 60}&end=${end}&step=30s`
  );
  await record('tempo-unknown-path', t, 'api/nope');
  await record(
    'prom-query-vector',
    p,
    `api/v1/query?query=${q('sum by (service, span_name) (traces_spanmetrics_calls_total)')}`
  );
  await record(
    'prom-query-range',
    p,
    `api/v1/query_range?query=${q('sum(traces_spanmetrics_calls_total)')}&start=${start - 60}&end=${end}&step=15`
  );
  await record(
    'prom-query-buckets',
    p,
    `api/v1/query?query=${q('sum by (le) (traces_spanmetrics_latency_bucket{service="user-service"})')}`
  );
  await record(
    'prom-series',
    p,
    `api/v1/series?match[]=${q('traces_spanmetrics_calls_total{service="auth-service"}')}`
  );
  await record('prom-label-names', p, 'api/v1/label/__name__/values');
  await record(
    'prom-exemplars',
    p,
    `api/v1/query_exemplars?query=${q('traces_spanmetrics_latency_bucket{service="user-service"}')}&start=${start - 60}&end=${end}`
  );
  await record('prom-syntax-error', p, `api/v1/query?query=${q('sum(rate(x[5m]')}`);
  await record(
    'prom-execution-error',
    p,
    `api/v1/query?query=${q('traces_spanmetrics_calls_total + on(service) traces_spanmetrics_calls_total')}`
  );
  console.error(`recorded fixtures into ${dir}`);
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
