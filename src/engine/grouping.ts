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

  /** Group index for an integer code, or -1 when not seen yet. */
  find(code: number): number {
    const g = this.byCode.get(code);
    return g === undefined ? -1 : g;
  }

  /** Creates the group for `code` with its parts and returns its index. */
  add(code: number, parts: Array<string | null>): number {
    const g = this.keys.length;
    this.byCode.set(code, g);
    this.parts.push(parts);
    this.keys.push(JSON.stringify(parts));
    this.labels.push(parts.length === 2 ? `${parts[0]}: ${parts[1]}` : (parts[0] ?? NONE_LABEL));
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

/** Value string index of the grouping attribute of span `i`, or -1 when it has none. */
function attributeCode(trace: ParsedTrace, key: number, scope: 'resource' | 'span' | undefined, i: number): number {
  let v = -1;
  if (key >= 0 && scope !== 'resource') {
    v = attrValue(trace.spanAttrs, i, key);
  }
  if (key >= 0 && v < 0 && scope !== 'span') {
    v = attrValue(trace.resourceAttrs, trace.resource[i], key);
  }
  return v;
}

/** The parts of the group of span `i`, whose code is `code`. */
function partsOf(trace: ParsedTrace, groupBy: GroupBy, i: number, code: number): Array<string | null> {
  const { strings } = trace;
  switch (groupBy.kind) {
    case 'service':
      return [strings[code]];
    case 'operation':
      return [strings[trace.resourceService[trace.resource[i]]], strings[trace.name[i]]];
    case 'spanKind':
      return [SPAN_KIND_NAMES[code]];
    default:
      return [code < 0 ? null : strings[code]];
  }
}

/** Groups the spans of `trace` by `groupBy` (see the file header). */
export function groupSpans(trace: ParsedTrace, groupBy: GroupBy): Grouping {
  const n = trace.spanCount;
  const { strings, resource, resourceService, name, kind } = trace;
  const key = groupBy.kind === 'attribute' ? stringIndex(trace, groupBy.key) : -1;
  const scope = groupBy.kind === 'attribute' ? groupBy.scope : undefined;
  const groupOf = new Uint32Array(n);
  const table = new GroupTable();
  // the previous span's code and group: consecutive spans often share their group
  let lastCode = -2;
  let lastGroup = 0;
  for (let i = 0; i < n; i++) {
    let code: number;
    if (groupBy.kind === 'service') {
      code = resourceService[resource[i]];
    } else if (groupBy.kind === 'operation') {
      code = resourceService[resource[i]] * strings.length + name[i];
    } else if (groupBy.kind === 'spanKind') {
      code = kind[i];
    } else {
      code = attributeCode(trace, key, scope, i);
    }
    if (code !== lastCode) {
      lastCode = code;
      lastGroup = table.find(code);
      if (lastGroup < 0) {
        lastGroup = table.add(code, partsOf(trace, groupBy, i, code));
      }
    }
    groupOf[i] = lastGroup;
  }
  return { groupOf, keys: table.keys, labels: table.labels, parts: table.parts };
}
