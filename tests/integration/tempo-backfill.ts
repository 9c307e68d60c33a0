/**
 * Deterministic Tempo-scheme metrics for `promtool tsdb create-blocks-from openmetrics`: what
 * Tempo's metrics-generator would have written for a small known topology, so tempo-scheme.test.ts
 * can check our span-metrics code on a real Prometheus with every expected value worked out by hand.
 * (No Tempo runs in these tests, and the OpenTelemetry Collector has no service-graph connector
 * here: REFERENCE §5.)
 *
 * Names and labels as Tempo writes them (REFERENCE §2): span metrics
 * `traces_spanmetrics_calls_total`, `traces_spanmetrics_latency_bucket|_sum|_count` (seconds, Tempo's
 * default buckets 0.002…16.384) with `service`, `span_name`, `span_kind`, `status_code` (and
 * `source="tempo"`, as the recorded series carry); service graphs
 * `traces_service_graph_request_total`, `…_request_failed_total`,
 * `…_request_server_seconds_bucket|_sum|_count`, `…_request_client_seconds_*` with `client`, `server`.
 *
 * Every 15 s step, 30 checkout requests pass frontend → api-gateway → auth-service, and the 24 whose
 * auth succeeds go on api-gateway → user-service → its database; the 6 auth failures are errors in
 * every span up to frontend's server span. Counters start at 0 at `baseSec` and grow by the same
 * amount every step, so rate() over any window inside the data is exactly (per-step count) ÷ 15.
 * Durations per step (seconds) are listed per span below.
 */

export const STEP_SEC = 15;
/** 30 minutes of samples */
export const STEPS = 120;
/** Tempo's default metrics-generator histogram buckets, seconds */
export const TEMPO_BUCKETS = [
  0.002, 0.004, 0.008, 0.016, 0.032, 0.064, 0.128, 0.256, 0.512, 1.024, 2.048, 4.096, 8.192, 16.384,
];

const times = (n: number, seconds: number) => Array<number>(n).fill(seconds);

export interface SpanSeries {
  service: string;
  spanName: string;
  spanKind: 'SPAN_KIND_SERVER' | 'SPAN_KIND_CLIENT';
  statusCode: 'STATUS_CODE_UNSET' | 'STATUS_CODE_ERROR';
  /** durations of this series' spans in each step, seconds */
  perStep: number[];
}

const ok = (service: string, spanName: string, spanKind: SpanSeries['spanKind'], perStep: number[]): SpanSeries => ({
  service,
  spanName,
  spanKind,
  statusCode: 'STATUS_CODE_UNSET',
  perStep,
});
const failed = (s: SpanSeries, perStep: number[]): SpanSeries => ({ ...s, statusCode: 'STATUS_CODE_ERROR', perStep });

// One step's spans. Letters name them in tempo-scheme.test.ts.
const A = ok('frontend', 'GET /checkout', 'SPAN_KIND_SERVER', [
  ...times(12, 0.02),
  ...times(8, 0.03),
  ...times(4, 0.1),
]);
const A_ERR = failed(A, times(6, 0.012));
const B = ok('frontend', 'GET /api/checkout', 'SPAN_KIND_CLIENT', [
  ...times(12, 0.018),
  ...times(8, 0.028),
  ...times(4, 0.095),
]);
const B_ERR = failed(B, times(6, 0.01));
const C = ok('api-gateway', 'GET /api/checkout', 'SPAN_KIND_SERVER', [
  ...times(12, 0.015),
  ...times(8, 0.025),
  ...times(4, 0.09),
]);
const C_ERR = failed(C, times(6, 0.009));
const D = ok('api-gateway', 'POST /auth/verify', 'SPAN_KIND_CLIENT', times(24, 0.003));
const D_ERR = failed(D, times(6, 0.006));
const E = ok('auth-service', 'POST /auth/verify', 'SPAN_KIND_SERVER', times(24, 0.0025));
const E_ERR = failed(E, times(6, 0.005));
const F = ok('api-gateway', 'GET /users/{id}', 'SPAN_KIND_CLIENT', [
  ...times(12, 0.0035),
  ...times(6, 0.007),
  ...times(4, 0.013),
  ...times(2, 0.055),
]);
const G = ok('user-service', 'GET /users/{id}', 'SPAN_KIND_SERVER', [
  ...times(12, 0.003),
  ...times(6, 0.006),
  ...times(4, 0.012),
  ...times(2, 0.05),
]);
const H = ok('user-service', 'SELECT users', 'SPAN_KIND_CLIENT', [...times(20, 0.001), ...times(4, 0.009)]);

export const SPAN_SERIES: SpanSeries[] = [A, A_ERR, B, B_ERR, C, C_ERR, D, D_ERR, E, E_ERR, F, G, H];
export const TOPOLOGY_SERVICES = ['api-gateway', 'auth-service', 'frontend', 'user-service'];

export interface GraphEdge {
  client: string;
  server: string;
  /** requests per step */
  requests: number;
  /** failed requests per step */
  failed: number;
  /** server-side and client-side durations per step, seconds (Tempo pairs the two spans of a call) */
  serverPerStep: number[];
  clientPerStep: number[];
}

const edge = (client: SpanSeries[], server: SpanSeries[]): GraphEdge => {
  const all = (s: SpanSeries[]) => s.flatMap((x) => x.perStep);
  return {
    client: client[0].service,
    server: server[0].service,
    requests: all(server).length,
    failed: server.filter((s) => s.statusCode === 'STATUS_CODE_ERROR').flatMap((s) => s.perStep).length,
    serverPerStep: all(server),
    clientPerStep: all(client),
  };
};

export const GRAPH_EDGES: GraphEdge[] = [edge([B, B_ERR], [C, C_ERR]), edge([D, D_ERR], [E, E_ERR]), edge([F], [G])];

/**
 * Span-name values with quotes, backslashes, a newline, a tab, a control character, unicode and
 * regex metacharacters — near-twins that must each match only themselves (the PromQL escaping
 * checks) — as `q <value>` span names of service `escaping-svc`, one call per step each.
 */
export const ESCAPING_VALUES = [
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
export const ESCAPING_SERVICE = 'escaping-svc';

/** OpenMetrics label value: `\`, `"` and newline escaped (other characters raw). */
const omValue = (v: string) => v.replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/\n/g, '\\n');
const omLabels = (labels: Record<string, string>) =>
  Object.entries(labels)
    .map(([k, v]) => `${k}="${omValue(v)}"`)
    .join(',');

/** Cumulative count of `durations` at or below each of `bounds`, then +Inf. */
export function cumulative(durations: number[], bounds = TEMPO_BUCKETS): number[] {
  return [...bounds.map((le) => durations.filter((d) => d <= le).length), durations.length];
}

const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);

/** Samples of one counter-like series growing by `perStep` every step from 0 at `baseSec`. */
function counterLines(name: string, labels: Record<string, string>, perStep: number, baseSec: number): string[] {
  const out: string[] = [];
  for (let k = 0; k <= STEPS; k++) {
    // sums of float durations: k × perStep rounded to 1e-9 s so the text is exact
    const value = Math.round(k * perStep * 1e9) / 1e9;
    out.push(`${name}{${omLabels(labels)}} ${value} ${baseSec + k * STEP_SEC}`);
  }
  return out;
}

function histogramLines(name: string, labels: Record<string, string>, perStep: number[], baseSec: number) {
  const counts = cumulative(perStep);
  const les = [...TEMPO_BUCKETS.map(String), '+Inf'];
  return {
    buckets: les.flatMap((le, i) => counterLines(`${name}_bucket`, { ...labels, le }, counts[i], baseSec)),
    sum: counterLines(`${name}_sum`, labels, sum(perStep), baseSec),
    count: counterLines(`${name}_count`, labels, perStep.length, baseSec),
  };
}

const spanLabels = (s: SpanSeries) => ({
  service: s.service,
  span_name: s.spanName,
  span_kind: s.spanKind,
  status_code: s.statusCode,
  source: 'tempo',
});

/** The last sample's time: windows ending here see only whole steps. */
export const endSec = (baseSec: number) => baseSec + STEPS * STEP_SEC;

/**
 * The OpenMetrics text for promtool (timestamps in seconds, `# EOF` last), samples every 15 s
 * from `baseSec` to {@link endSec}. Each series' samples are contiguous and in time order.
 */
export function tempoSchemeOpenMetrics(baseSec: number): string {
  const latency = SPAN_SERIES.map((s) =>
    histogramLines('traces_spanmetrics_latency', spanLabels(s), s.perStep, baseSec)
  );
  const graph = (side: 'server' | 'client') =>
    GRAPH_EDGES.map((e) =>
      histogramLines(
        `traces_service_graph_request_${side}_seconds`,
        { client: e.client, server: e.server },
        side === 'server' ? e.serverPerStep : e.clientPerStep,
        baseSec
      )
    );
  const histogram = (family: string, parts: Array<ReturnType<typeof histogramLines>>) => [
    `# TYPE ${family} histogram`,
    ...parts.flatMap((p) => p.buckets),
    ...parts.flatMap((p) => p.sum),
    ...parts.flatMap((p) => p.count),
  ];
  const escaping = ESCAPING_VALUES.map((v) =>
    counterLines(
      'traces_spanmetrics_calls_total',
      {
        service: ESCAPING_SERVICE,
        span_name: `q ${v}`,
        span_kind: 'SPAN_KIND_SERVER',
        status_code: 'STATUS_CODE_UNSET',
        source: 'tempo',
      },
      1,
      baseSec
    )
  );
  return [
    '# TYPE traces_spanmetrics_calls counter',
    ...SPAN_SERIES.flatMap((s) =>
      counterLines('traces_spanmetrics_calls_total', spanLabels(s), s.perStep.length, baseSec)
    ),
    ...escaping.flat(),
    ...histogram('traces_spanmetrics_latency', latency),
    '# TYPE traces_service_graph_request counter',
    ...GRAPH_EDGES.flatMap((e) =>
      counterLines('traces_service_graph_request_total', { client: e.client, server: e.server }, e.requests, baseSec)
    ),
    '# TYPE traces_service_graph_request_failed counter',
    ...GRAPH_EDGES.flatMap((e) =>
      counterLines(
        'traces_service_graph_request_failed_total',
        { client: e.client, server: e.server },
        e.failed,
        baseSec
      )
    ),
    ...histogram('traces_service_graph_request_server_seconds', graph('server')),
    ...histogram('traces_service_graph_request_client_seconds', graph('client')),
    '# EOF',
    '',
  ].join('\n');
}
