/**
 * Test helper — NOT recorded: span metrics as an OpenTelemetry collector's span_metrics connector
 * would leave them in Prometheus, derived by renaming from the responses recorded from the real
 * Prometheus (tests/integration/fixtures/prom-label-names.json and prom-series.json, Tempo's
 * metrics-generator output, recorded by tests/integration/record-fixtures.ts).
 *
 * Why derived: the recorded Prometheus held Tempo's names only, and the dotted names exist only in a
 * Prometheus 3 fed through its OTLP receiver, of which none runs on these machines yet (Prometheus 3
 * builds from source in ~13 min; the lead may add one to the stack). The renaming follows
 * /work/shared/REFERENCE.md §2 and §5:
 *   - `remote-write` (and Prometheus 3 `UnderscoreEscapingWithSuffixes`): `traces_span_metrics_calls_total`,
 *     `traces_span_metrics_duration_<unit>_bucket…`, labels `service_name`, `span_name`, …
 *   - `no-namespace` (older connector releases): `calls_total`, `duration_<unit>_bucket…`
 *   - `NoUTF8EscapingWithSuffixes`: `traces.span.metrics.calls_total`, `traces.span.metrics.duration_<unit>_bucket…`,
 *     labels `service.name`, `span.name`, `span.kind`, `status.code`
 *   - `NoTranslation`: `traces.span.metrics.calls`, `traces.span.metrics.duration_bucket…`, dotted labels
 * Replace these with recordings once a real collector → Prometheus 3 pair can be recorded.
 */
import type { Labels } from '../../prometheus/types';
import { Recorded, recorded } from '../../../../tests/support/recorded';

export type CollectorNaming = 'remote-write' | 'no-namespace' | 'NoUTF8EscapingWithSuffixes' | 'NoTranslation';

const PREFIX: Record<CollectorNaming, string> = {
  'remote-write': 'traces_span_metrics_',
  'no-namespace': '',
  NoUTF8EscapingWithSuffixes: 'traces.span.metrics.',
  NoTranslation: 'traces.span.metrics.',
};

const dotted = (naming: CollectorNaming) => naming === 'NoUTF8EscapingWithSuffixes' || naming === 'NoTranslation';

/** The calls counter's name under `naming`. */
export const callsName = (naming: CollectorNaming) =>
  `${PREFIX[naming]}calls${naming === 'NoTranslation' ? '' : '_total'}`;

/** The latency histogram's base name under `naming` (`NoTranslation` drops the unit). */
export const latencyName = (naming: CollectorNaming, unit: 'milliseconds' | 'seconds' = 'milliseconds') =>
  `${PREFIX[naming]}duration${naming === 'NoTranslation' ? '' : `_${unit}`}`;

/** The recorded metric names with Tempo's span metrics renamed; a native histogram has no `_bucket`/`_sum`/`_count`. */
export function collectorNames(
  naming: CollectorNaming,
  unit: 'milliseconds' | 'seconds' = 'milliseconds',
  histogram: 'classic' | 'native' = 'classic'
): string[] {
  const tempoNames: string[] = recorded('prom-label-names').body.data;
  return tempoNames.flatMap((n) => {
    if (n === 'traces_spanmetrics_calls_total') {
      return [callsName(naming)];
    }
    const latency = /^traces_spanmetrics_latency(_bucket|_sum|_count)$/.exec(n);
    if (latency) {
      return histogram === 'native'
        ? latency[1] === '_bucket'
          ? [latencyName(naming, unit)]
          : []
        : [latencyName(naming, unit) + latency[1]];
    }
    return n.startsWith('traces_spanmetrics_') ? [] : [n];
  });
}

/** The label names a collector writes, underscored or dotted. */
export function collectorLabel(
  naming: CollectorNaming,
  label: 'service' | 'span_name' | 'span_kind' | 'status_code' | 'peer_service'
): string {
  const name = label === 'service' ? 'service_name' : label;
  return dotted(naming) ? name.replace('_', '.') : name;
}

/**
 * The recorded `/api/v1/series` answer for the calls metric with names and labels as the collector
 * writes them (Tempo's internal `__metrics_gen_instance` and `source` dropped); with `peer`, every
 * series also carries the peer-service label with that value.
 */
export function collectorSeries(naming: CollectorNaming, peer?: string): Recorded<{ status: string; data: Labels[] }> {
  const series = recorded('prom-series');
  const rename = (row: Labels): Labels => ({
    __name__: callsName(naming),
    [collectorLabel(naming, 'service')]: row.service,
    [collectorLabel(naming, 'span_name')]: row.span_name,
    [collectorLabel(naming, 'span_kind')]: row.span_kind,
    [collectorLabel(naming, 'status_code')]: row.status_code,
    ...(peer === undefined ? {} : { [collectorLabel(naming, 'peer_service')]: peer }),
  });
  return { ...derived(series, 'prom-series'), body: { status: 'success', data: series.body.data.map(rename) } };
}

/** The recorded `/api/v1/label/__name__/values` answer with `names` as its data. */
export function labelNamesAnswer(names: string[]): Recorded<{ status: string; data: string[] }> {
  return { ...derived(recorded('prom-label-names'), 'prom-label-names'), body: { status: 'success', data: names } };
}

/** The recording's request and status, its `source` saying the body is derived from it. */
const derived = (r: Recorded, name: string): Recorded => ({
  ...r,
  source: `derived in a test helper from ${name}.json (${r.source ?? 'recorded'}), not recorded`,
});
