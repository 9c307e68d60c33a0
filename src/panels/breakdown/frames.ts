/**
 * Sorts the frames a panel receives by what they hold:
 * - trace frames (Tempo trace-ID query, Jaeger, Zipkin): one row per span with `spanID`,
 *   `startTime` and `duration` (`meta.preferredVisualisationType` 'trace');
 * - Tempo search results: the "Traces" table (`traceID`, `startTime`, `traceDuration` in ms, one row
 *   per trace) or the "Spans" table (`traceIdHidden`, one row per matched span);
 * - Jaeger search results: Grafana's Jaeger datasource's table (`traceID`, `traceName`, `startTime`
 *   in ms, `duration` of the trace's earliest span in µs — its field unit says so — one row per
 *   trace, newest first; grafana/grafana pkg/tsdb/jaeger/utils/client_utils.go `TransformSearchResponse`,
 *   before it public/app/plugins/datasource/jaeger/responseTransform.ts `createTableFrame`);
 * - metrics (Prometheus): frames with number fields and no trace fields.
 * and reads the listed traces of search results. O(frames · fields + rows).
 */
import { DataFrame, Field, FieldType } from '@grafana/data';
import { t } from '@grafana/i18n';
import { AS_TEXT } from '../../components/i18n';

export interface SearchHit {
  traceId: string;
  /** ms since the epoch (0 when unknown) */
  startMs: number;
  /** ms (0 when unknown, e.g. Tempo's "<1ms") */
  durationMs: number;
}

export interface PanelFrames {
  traces: DataFrame[];
  search: DataFrame[];
  metrics: DataFrame[];
  /** frames of none of the kinds above, with rows */
  other: DataFrame[];
}

const names = (frame: DataFrame) => new Set(frame.fields.map((f) => f.name));
const fieldOf = (frame: DataFrame, name: string): Field | undefined => frame.fields.find((f) => f.name === name);
const rowsOf = (frame: DataFrame) => frame.length ?? frame.fields[0]?.values.length ?? 0;

export function isTraceFrame(frame: DataFrame): boolean {
  const has = names(frame);
  return (
    frame.meta?.preferredVisualisationType === 'trace' ||
    (has.has('spanID') && has.has('startTime') && has.has('duration'))
  );
}

/** Which datasource's search table `frame` is, by its fields; undefined when it is none. */
export function searchFrameKind(frame: DataFrame): 'tempo' | 'jaeger' | undefined {
  const has = names(frame);
  if ((has.has('traceID') && has.has('traceDuration')) || has.has('traceIdHidden')) {
    return 'tempo';
  }
  return has.has('traceID') && has.has('traceName') && has.has('duration') && !has.has('spanID') ? 'jaeger' : undefined;
}

export const isSearchFrame = (frame: DataFrame): boolean => searchFrameKind(frame) !== undefined;

/** Milliseconds per unit of a duration field, by its `config.unit` (Jaeger's search table: µs). */
const MS_PER_UNIT: Record<string, number> = { ns: 1e-6, µs: 1e-3, us: 1e-3, ms: 1, s: 1e3 };

function isMetricsFrame(frame: DataFrame): boolean {
  return frame.fields.some((f) => f.type === FieldType.number);
}

/** Frames by kind; frames without rows are dropped. */
export function classifyFrames(series: readonly DataFrame[]): PanelFrames {
  const out: PanelFrames = { traces: [], search: [], metrics: [], other: [] };
  for (const frame of series) {
    if (rowsOf(frame) === 0) {
      continue;
    }
    if (isTraceFrame(frame)) {
      out.traces.push(frame);
    } else if (isSearchFrame(frame)) {
      out.search.push(frame);
    } else if (isMetricsFrame(frame)) {
      out.metrics.push(frame);
    } else {
      out.other.push(frame);
    }
  }
  return out;
}

/** The distinct traces listed by search result frames, in listing order. */
export function searchHits(frames: readonly DataFrame[]): SearchHit[] {
  const byId = new Map<string, SearchHit>();
  for (const frame of frames) {
    const ids = fieldOf(frame, 'traceID') ?? fieldOf(frame, 'traceIdHidden');
    const start = fieldOf(frame, 'startTime') ?? fieldOf(frame, 'time');
    // Tempo's trace duration is in ms; Jaeger's in its field's unit (µs). Tempo's "Spans" table has none.
    const jaeger = searchFrameKind(frame) === 'jaeger';
    const duration = fieldOf(frame, jaeger ? 'duration' : 'traceDuration');
    const msPerUnit = jaeger ? (MS_PER_UNIT[duration?.config.unit ?? 'µs'] ?? 1e-3) : 1;
    for (let r = 0; r < (ids?.values.length ?? 0); r++) {
      const traceId = String(ids!.values[r] ?? '');
      if (traceId && !byId.has(traceId)) {
        const startMs = Number(start?.values[r]);
        const durationMs = Number(duration?.values[r]) * msPerUnit;
        byId.set(traceId, {
          traceId,
          startMs: Number.isFinite(startMs) ? startMs : 0,
          durationMs: Number.isFinite(durationMs) ? durationMs : 0,
        });
      }
    }
  }
  return [...byId.values()];
}

/** The `max` newest or slowest hits (ties keep listing order). */
export function sampleHits(hits: readonly SearchHit[], max: number, sample: 'newest' | 'slowest'): SearchHit[] {
  const key = (h: SearchHit) => (sample === 'newest' ? h.startMs : h.durationMs);
  return [...hits].sort((a, b) => key(b) - key(a)).slice(0, max);
}

/** "Traces (traceID, startTime)", for messages about frames the panel cannot use. */
export function describeFrame(frame: DataFrame): string {
  const fields = frame.fields.slice(0, 5).map((f) => f.name);
  const more = frame.fields.length > 5 ? ', …' : '';
  return t('panel.frame', '{{name}} ({{fields}})', {
    name: frame.name || frame.refId || t('panel.frame-unnamed', 'a frame'),
    fields: fields.join(', ') + more,
    ...AS_TEXT,
  });
}
