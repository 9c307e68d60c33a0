/**
 * Assigns every span of a trace to a component group: its service, its operation (service AND
 * span name, so a service and an operation that share a name never merge), its span kind, or the
 * value of an attribute (span scope, resource scope, or span then resource when no scope is
 * given; "(none)" when absent). Group keys are JSON arrays of the group's parts, unique across
 * traces. O(n + attributes scanned).
 */
import { ParsedTrace, SPAN_KIND_NAMES } from './model';

export type GroupBy =
  | { kind: 'service' }
  | { kind: 'operation' }
  | { kind: 'spanKind' }
  | { kind: 'attribute'; key: string; scope?: 'resource' | 'span' };

/** Label of the group of spans lacking the attribute. */
export const NONE_LABEL = '(none)';

export interface Grouping {
  /** group index of every span */
  readonly groupOf: Uint32Array;
  /** per group: unique key (JSON array of `parts`) */
  readonly keys: string[];
  /** per group: display label */
  readonly labels: string[];
  /** per group: the parts ([service], [service, operation], [kind] or [value|null]) */
  readonly parts: Array<Array<string | null>>;
}

class GroupTable {
  readonly keys: string[] = [];
  readonly labels: string[] = [];
  readonly parts: Array<Array<string | null>> = [];
  private readonly byCode = new Map<number, number>();

  /** Group index for an integer code, creating it with `parts` on first sight. */
  get(code: number, parts: () => Array<string | null>): number {
    let g = this.byCode.get(code);
    if (g === undefined) {
      g = this.keys.length;
      this.byCode.set(code, g);
      const p = parts();
      this.parts.push(p);
      this.keys.push(JSON.stringify(p));
      this.labels.push(p.length === 2 ? `${p[0]}: ${p[1]}` : (p[0] ?? NONE_LABEL));
    }
    return g;
  }
}

/** Index of `s` in the trace's string table, or -1. */
function stringIndex(trace: ParsedTrace, s: string): number {
  return trace.strings.indexOf(s);
}

/** Value string index of attribute `key` in `owner`'s list of `table`, or -1. */
function attrValue(table: ParsedTrace['spanAttrs'], owner: number, key: number): number {
  for (let a = table.offsets[owner]; a < table.offsets[owner + 1]; a++) {
    if (table.keys[a] === key) {
      return table.values[a];
    }
  }
  return -1;
}

/** Groups the spans of `trace` by `groupBy` (see the file header). */
export function groupSpans(trace: ParsedTrace, groupBy: GroupBy): Grouping {
  const n = trace.spanCount;
  const { strings, resource, resourceService, name, kind } = trace;
  const groupOf = new Uint32Array(n);
  const table = new GroupTable();
  if (groupBy.kind === 'service') {
    for (let i = 0; i < n; i++) {
      const svc = resourceService[resource[i]];
      groupOf[i] = table.get(svc, () => [strings[svc]]);
    }
  } else if (groupBy.kind === 'operation') {
    const width = strings.length;
    for (let i = 0; i < n; i++) {
      const svc = resourceService[resource[i]];
      groupOf[i] = table.get(svc * width + name[i], () => [strings[svc], strings[name[i]]]);
    }
  } else if (groupBy.kind === 'spanKind') {
    for (let i = 0; i < n; i++) {
      groupOf[i] = table.get(kind[i], () => [SPAN_KIND_NAMES[kind[i]]]);
    }
  } else {
    const key = stringIndex(trace, groupBy.key);
    for (let i = 0; i < n; i++) {
      let v = -1;
      if (key >= 0 && groupBy.scope !== 'resource') {
        v = attrValue(trace.spanAttrs, i, key);
      }
      if (key >= 0 && v < 0 && groupBy.scope !== 'span') {
        v = attrValue(trace.resourceAttrs, resource[i], key);
      }
      groupOf[i] = table.get(v, () => [v < 0 ? null : strings[v]]);
    }
  }
  return { groupOf, keys: table.keys, labels: table.labels, parts: table.parts };
}
