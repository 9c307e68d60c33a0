/**
 * The span metrics of a Prometheus: the scheme chosen in the settings, or detected from what
 * Prometheus holds over the last hour ("auto"). Fails with the detection's problem when no single
 * scheme is present.
 */
import {
  createSpanMetrics,
  DataError,
  dataError,
  detectScheme,
  PRESET_SCHEMES,
  PrometheusClient,
  SpanMetrics,
} from '../data';
import { SpanMetricsSchemeSetting } from './settings';

/** Look-back of scheme detection and of the trace page's span-metrics context, seconds. */
export const SPAN_METRICS_WINDOW_SEC = 3600;

export async function loadSpanMetrics(
  prom: PrometheusClient,
  setting: SpanMetricsSchemeSetting,
  signal?: AbortSignal
): Promise<SpanMetrics> {
  if (setting !== 'auto') {
    // jsonData may be hand-provisioned: an unknown value is named, not dereferenced.
    const preset = PRESET_SCHEMES[setting];
    if (!preset) {
      throw dataError('unknown-scheme-setting', { setting, presets: Object.keys(PRESET_SCHEMES).join(', ') });
    }
    return createSpanMetrics(prom, preset);
  }
  const end = Math.floor(Date.now() / 1000);
  const detection = await detectScheme(prom, { start: end - SPAN_METRICS_WINDOW_SEC, end });
  if (signal?.aborted) {
    throw new DataError('cancelled', 'cancelled');
  }
  if (detection.kind !== 'detected') {
    throw detection.problem;
  }
  return createSpanMetrics(prom, detection.scheme);
}
