/**
 * Reads the values of Prometheus frames (e.g. span-metrics p95 by service, or the TraceLens
 * connector's time rates) and keys them like the engine's groups, so each breakdown row can show
 * the value of its group. Labels are taken from a number field's `labels` (time series) or from
 * the row's string columns (table format). Matching labels per grouping: service → `service` |
 * `service_name` | `service.name`; operation → the service label and `span_name` | `span.name` |
 * `operation` | `name`; span kind → `span_kind` | `span.kind` (SPAN_KIND_SERVER → server);
 * attribute → the key, or the key with non-identifier characters as `_` (Prometheus' own label
 * mapping); model → the request model's label, else the response model's, each read like an
 * attribute's. A time series' value is what `reduce` makes of its samples: for the percentile
 * overlay its last finite sample. O(frames · fields · rows).
 */
import { DataFrame, FieldType, Labels } from '@grafana/data';
import { GroupBy, MODEL_ATTRIBUTES } from '../../engine';

const first = (labels: Labels, keys: string[]) => keys.map((k) => labels[k]).find((v) => v !== undefined);

/** The labels an attribute key may have: itself, or with non-identifier characters as `_`. */
const attributeLabels = (key: string) => [key, key.replace(/[^a-zA-Z0-9_]/g, '_')];

/** The parts of the engine group the labels belong to ([service], [service, operation], …), if they name one. */
export function groupPartsOf(labels: Labels, groupBy: GroupBy): string[] | undefined {
  const service = first(labels, ['service', 'service_name', 'service.name']);
  switch (groupBy.kind) {
    case 'service':
      return service === undefined ? undefined : [service];
    case 'operation': {
      const operation = first(labels, ['span_name', 'span.name', 'operation', 'name']);
      return service === undefined || operation === undefined ? undefined : [service, operation];
    }
    case 'spanKind': {
      const kind = first(labels, ['span_kind', 'span.kind']);
      return kind === undefined ? undefined : [kind.toLowerCase().replace(/^span_kind_/, '')];
    }
    case 'model': {
      const value = first(labels, [MODEL_ATTRIBUTES.request, MODEL_ATTRIBUTES.response].flatMap(attributeLabels));
      return value === undefined ? undefined : [value];
    }
    default: {
      const value = first(labels, attributeLabels(groupBy.key));
      return value === undefined ? undefined : [value];
    }
  }
}

/** The engine group key (JSON of its parts) the labels belong to, if they name one. */
export function groupKeyOf(labels: Labels, groupBy: GroupBy): string | undefined {
  const parts = groupPartsOf(labels, groupBy);
  return parts && JSON.stringify(parts);
}

/** A series' samples → its value; undefined when it has none. */
export type Reduce = (values: readonly unknown[]) => number | undefined;

const finite = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);

export const lastFinite: Reduce = (values) => {
  for (let i = values.length - 1; i >= 0; i--) {
    if (finite(values[i])) {
      return values[i] as number;
    }
  }
  return undefined;
};

/** Each labelled value of the frames: a time series reduced by `reduce`, or a table row's number. */
export function labelledValues(frames: readonly DataFrame[], reduce: Reduce): Array<{ labels: Labels; value: number }> {
  const out: Array<{ labels: Labels; value: number }> = [];
  const put = (labels: Labels, value: number | undefined) => value !== undefined && out.push({ labels, value });
  for (const frame of frames) {
    const numbers = frame.fields.filter((f) => f.type === FieldType.number);
    const strings = frame.fields.filter((f) => f.type === FieldType.string);
    for (const field of numbers) {
      if (field.labels && Object.keys(field.labels).length > 0) {
        put(field.labels, reduce(field.values));
      } else if (strings.length > 0) {
        field.values.forEach((v, r) => {
          const labels: Labels = Object.fromEntries(strings.map((s) => [s.name, String(s.values[r])]));
          put(labels, finite(v) ? v : undefined);
        });
      }
    }
  }
  return out;
}

/** Group key → overlay value in ns, from Prometheus frames whose values are in `unit` (last finite sample). */
export function overlayByGroup(frames: readonly DataFrame[], groupBy: GroupBy, unit: 's' | 'ms'): Map<string, number> {
  const scale = unit === 's' ? 1e9 : 1e6;
  const out = new Map<string, number>();
  for (const { labels, value } of labelledValues(frames, lastFinite)) {
    const key = groupKeyOf(labels, groupBy);
    if (key !== undefined) {
      out.set(key, value * scale);
    }
  }
  return out;
}
