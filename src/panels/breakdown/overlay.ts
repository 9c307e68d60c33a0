/**
 * Percentile overlay: reads the values of Prometheus frames (e.g. span-metrics p95 by service)
 * and keys them like the engine's groups, so each breakdown row can show the value of its group.
 * Labels are taken from a number field's `labels` (time series) or from the row's string
 * columns (table format). Matching labels per grouping: service → `service` | `service_name`;
 * operation → the service label and `span_name` | `operation` | `name`; span kind →
 * `span_kind` (SPAN_KIND_SERVER → server); attribute → the key with non-identifier characters as
 * `_` (Prometheus' own label mapping). The value of a series is its last finite sample.
 * O(frames · fields · rows).
 */
import { DataFrame, FieldType, Labels } from '@grafana/data';
import type { GroupBy } from '../../engine';

const first = (labels: Labels, keys: string[]) => keys.map((k) => labels[k]).find((v) => v !== undefined);

/** The engine group key (JSON of its parts) the labels belong to, if they name one. */
export function groupKeyOf(labels: Labels, groupBy: GroupBy): string | undefined {
  const service = first(labels, ['service', 'service_name']);
  let parts: string[] | undefined;
  switch (groupBy.kind) {
    case 'service':
      parts = service === undefined ? undefined : [service];
      break;
    case 'operation': {
      const operation = first(labels, ['span_name', 'operation', 'name']);
      parts = service === undefined || operation === undefined ? undefined : [service, operation];
      break;
    }
    case 'spanKind': {
      const kind = labels.span_kind;
      parts = kind === undefined ? undefined : [kind.toLowerCase().replace(/^span_kind_/, '')];
      break;
    }
    default: {
      const value = first(labels, [groupBy.key, groupBy.key.replace(/[^a-zA-Z0-9_]/g, '_')]);
      parts = value === undefined ? undefined : [value];
    }
  }
  return parts && JSON.stringify(parts);
}

function lastFinite(values: readonly unknown[]): number | undefined {
  for (let i = values.length - 1; i >= 0; i--) {
    const v = values[i];
    if (typeof v === 'number' && Number.isFinite(v)) {
      return v;
    }
  }
  return undefined;
}

/** Group key → overlay value in ns, from Prometheus frames whose values are in `unit`. */
export function overlayByGroup(frames: readonly DataFrame[], groupBy: GroupBy, unit: 's' | 'ms'): Map<string, number> {
  const scale = unit === 's' ? 1e9 : 1e6;
  const out = new Map<string, number>();
  const put = (labels: Labels, value: number | undefined) => {
    const key = groupKeyOf(labels, groupBy);
    if (key !== undefined && value !== undefined) {
      out.set(key, value * scale);
    }
  };
  for (const frame of frames) {
    const numbers = frame.fields.filter((f) => f.type === FieldType.number);
    const strings = frame.fields.filter((f) => f.type === FieldType.string);
    for (const field of numbers) {
      if (field.labels && Object.keys(field.labels).length > 0) {
        put(field.labels, lastFinite(field.values));
      } else if (strings.length > 0) {
        field.values.forEach((v, r) => {
          const labels: Labels = Object.fromEntries(strings.map((s) => [s.name, String(s.values[r])]));
          put(labels, typeof v === 'number' && Number.isFinite(v) ? v : undefined);
        });
      }
    }
  }
  return out;
}
