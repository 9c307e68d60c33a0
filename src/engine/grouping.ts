/**
 * Assigns every span of a trace to a component group: its service, its operation (service AND
 * span name, so a service and an operation that share a name never merge), its span kind, or the
 * value of an attribute (span scope, resource scope, or span then resource when no scope is
 * given; "(none)" when absent). Group keys are JSON arrays of the group's parts, unique across
 * traces; `GroupIndex` numbers the groups of many traces densely. Per trace O(n + strings +
 * attributes scanned): one hash lookup per span, string hashing only once per distinct string.
 */
import { ParsedTrace, SPAN_KIND_NAMES } from './model';
import { PairIndex } from './pair-index';

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

/**
 * Dense group ids over any number of traces, numbered in first-seen order. A group is a pair of
 * ints: for service, operation and attribute groups the ids of its part strings in a table
 * shared by all traces (-1 for "(none)"), for span kinds the kind itself. Each trace's interned
 * strings are translated to shared ids once per trace (lazily, through a reused buffer), so a
 * span costs one pair lookup and no string work.
 */
export class GroupIndex {
  /** Idle instance: keeps this class's object shape alive across full GCs (see OtlpJsonReader.shapeKeeper). */
  static readonly shapeKeeper: GroupIndex = new GroupIndex({ kind: 'service' });

  readonly keys: string[] = [];
  readonly labels: string[] = [];
  readonly parts: Array<Array<string | null>> = [];
  private readonly pairs = new PairIndex();
  private readonly stringIds = new Map<string, number>();
  /** trace string index → shared string id, -1 until looked up; valid for the current trace */
  private local = new Int32Array(64);

  constructor(private readonly groupBy: GroupBy) {}

  /** Writes the group id of every span of `trace` to `out[0 .. spanCount-1]`. */
  assign(trace: ParsedTrace, out: Uint32Array): void {
    const { groupBy } = this;
    const { resource, resourceService, name, kind, strings } = trace;
    if (this.local.length < strings.length) {
      this.local = new Int32Array(strings.length);
    }
    const local = this.local;
    local.fill(-1, 0, strings.length);
    const key = groupBy.kind === 'attribute' ? stringIndex(trace, groupBy.key) : -1;
    const scope = groupBy.kind === 'attribute' ? groupBy.scope : undefined;
    // the previous span's pair and group: consecutive spans often share their group
    let lastA = -2;
    let lastB = -2;
    let lastGroup = 0;
    for (let i = 0; i < trace.spanCount; i++) {
      // code: the span's group as the trace's own string index (or kind); a, b: shared ints
      let code: number;
      let a: number;
      let b = -1;
      if (groupBy.kind === 'service' || groupBy.kind === 'operation') {
        code = resourceService[resource[i]];
        a = local[code] >= 0 ? local[code] : this.sharedString(trace, code);
        if (groupBy.kind === 'operation') {
          b = local[name[i]] >= 0 ? local[name[i]] : this.sharedString(trace, name[i]);
        }
      } else if (groupBy.kind === 'spanKind') {
        code = kind[i];
        a = code;
      } else {
        code = attributeCode(trace, key, scope, i);
        a = code < 0 ? -1 : local[code] >= 0 ? local[code] : this.sharedString(trace, code);
      }
      if (a !== lastA || b !== lastB) {
        lastA = a;
        lastB = b;
        lastGroup = this.pairs.idOf(a, b);
        if (lastGroup === this.keys.length) {
          const parts = partsOf(trace, groupBy, i, code);
          this.parts.push(parts);
          this.keys.push(JSON.stringify(parts));
          this.labels.push(parts.length === 2 ? `${parts[0]}: ${parts[1]}` : (parts[0] ?? NONE_LABEL));
        }
      }
      out[i] = lastGroup;
    }
  }

  /** Shared id of the trace's string `s`, remembered in `local` for the rest of the trace. */
  private sharedString(trace: ParsedTrace, s: number): number {
    const text = trace.strings[s];
    let id = this.stringIds.get(text);
    if (id === undefined) {
      id = this.stringIds.size;
      this.stringIds.set(text, id);
    }
    this.local[s] = id;
    return id;
  }
}

/** Groups the spans of `trace` by `groupBy` (see the file header). */
export function groupSpans(trace: ParsedTrace, groupBy: GroupBy): Grouping {
  const index = new GroupIndex(groupBy);
  const groupOf = new Uint32Array(trace.spanCount);
  index.assign(trace, groupOf);
  return { groupOf, keys: index.keys, labels: index.labels, parts: index.parts };
}
