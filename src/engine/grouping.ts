/**
 * Assigns every span of a trace to a component group: its service, its operation (service AND
 * span name, so a service and an operation that share a name never merge), its span kind, its
 * GenAI model (the span's `gen_ai.request.model`, else its `gen_ai.response.model`; "(none)" when
 * it has neither — the model genai.ts reports), or the value of an attribute (span scope,
 * resource scope, or span then resource when no scope is given; "(none)" when absent). Group keys are JSON arrays of the group's parts, unique across
 * traces; `GroupIndex` numbers the groups of many traces densely. Per trace O(n + strings +
 * attributes scanned): one hash lookup per span, string hashing only once per distinct string.
 */
import { ParsedTrace, SPAN_KIND_NAMES } from './model';
import { PairIndex } from './pair-index';

export type GroupBy =
  | { kind: 'service' }
  | { kind: 'operation' }
  | { kind: 'spanKind' }
  | { kind: 'model' }
  | { kind: 'attribute'; key: string; scope?: 'resource' | 'span' };

/** What spans are grouped by, without an attribute's key (e.g. a grouping picker's value). */
export type GroupKind = GroupBy['kind'];

/** Label of the group of spans lacking the attribute. */
export const NONE_LABEL = '(none)';

/** The span attributes naming a GenAI span's model, the request's first. */
export const MODEL_ATTRIBUTES = { request: 'gen_ai.request.model', response: 'gen_ai.response.model' } as const;

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

/** Where a span's group value is read: attribute keys (string indices, -1 when absent) tried in order, in `scope`. */
interface ValueLookup {
  keys: number[];
  scope?: 'resource' | 'span';
}

/** The lookup of `groupBy`'s value in `trace` (no keys for groupings that read no attribute). */
function valueLookup(trace: ParsedTrace, groupBy: GroupBy): ValueLookup {
  switch (groupBy.kind) {
    case 'model':
      return {
        keys: [stringIndex(trace, MODEL_ATTRIBUTES.request), stringIndex(trace, MODEL_ATTRIBUTES.response)],
        scope: 'span',
      };
    case 'attribute':
      return { keys: [stringIndex(trace, groupBy.key)], scope: groupBy.scope };
    default:
      return { keys: [] };
  }
}

/** Value string index of span `i`'s grouping value: each key on the span, then on its resource; -1 when none. */
function attributeCode(trace: ParsedTrace, { keys, scope }: ValueLookup, i: number): number {
  if (scope !== 'resource') {
    for (const key of keys) {
      const v = key < 0 ? -1 : attrValue(trace.spanAttrs, i, key);
      if (v >= 0) {
        return v;
      }
    }
  }
  if (scope !== 'span') {
    for (const key of keys) {
      const v = key < 0 ? -1 : attrValue(trace.resourceAttrs, trace.resource[i], key);
      if (v >= 0) {
        return v;
      }
    }
  }
  return -1;
}

/**
 * Dense group ids over any number of traces, numbered in first-seen order. A group is a pair of
 * ints: for service, operation and attribute groups the ids of its part strings in a table
 * shared by all traces (-1 for "(none)"), for span kinds the kind itself. Each trace's interned
 * strings are translated to shared ids once per trace (lazily, through a reused buffer), so a
 * span costs one pair lookup and no string work. While the index has seen a single trace (one
 * string table, however often), the shared ids are that trace's own string indices (its strings
 * are interned, i.e. unique), so one trace of a million names needs no string map at all; a
 * second trace makes the map, from the strings the groups use, once. Names are columnar: a group
 * is only its pair (in `PairIndex`), and its parts, key and label are made when asked for
 * (`partsOf`, `keyOf`, `labelOf`), so a million groups cost a few typed arrays, not a million
 * objects.
 */
export class GroupIndex {
  /** Idle instance: keeps this class's object shape alive across full GCs (see OtlpJsonReader.shapeKeeper). */
  static readonly shapeKeeper: GroupIndex = new GroupIndex({ kind: 'service' });

  private readonly pairs = new PairIndex();
  /** shared string id → text (the first trace's own table until `stringIds` is made) */
  private texts: readonly string[] = [];
  /** text → shared string id; null while the index has seen only the first trace's strings */
  private stringIds: Map<string, number> | null = null;
  private seen = false;
  /** trace string index → shared string id, -1 until looked up; valid for the current trace */
  private local = new Int32Array(64);

  constructor(readonly groupBy: GroupBy) {}

  /** Number of groups so far (ids are 0 .. size-1). */
  get size(): number {
    return this.pairs.size;
  }

  /** The parts of group `g`: [service], [service, operation], [kind] or [value | null] (model, attribute). */
  partsOf(g: number): Array<string | null> {
    const a = this.pairs.pairs[2 * g];
    switch (this.groupBy.kind) {
      case 'operation':
        return [this.texts[a], this.texts[this.pairs.pairs[2 * g + 1]]];
      case 'spanKind':
        return [SPAN_KIND_NAMES[a]];
      default:
        return [a < 0 ? null : this.texts[a]];
    }
  }

  /** Unique key of group `g`: the JSON array of its parts. */
  keyOf(g: number): string {
    return JSON.stringify(this.partsOf(g));
  }

  /** Display label of group `g`: "service: operation", or its one part ("(none)" for null). */
  labelOf(g: number): string {
    const parts = this.partsOf(g);
    return parts.length === 2 ? `${parts[0]}: ${parts[1]}` : (parts[0] ?? NONE_LABEL);
  }

  /** Id here of group `g` of `other` (same `groupBy`), added when new. */
  adopt(other: GroupIndex, g: number): number {
    const a = other.pairs.pairs[2 * g];
    const b = other.pairs.pairs[2 * g + 1];
    if (this.groupBy.kind === 'spanKind') {
      return this.pairs.idOf(a, b);
    }
    const shared = (s: number) => (s < 0 ? s : this.stringId(other.texts[s]));
    return this.pairs.idOf(shared(a), shared(b));
  }

  /** Writes the group id of every span of `trace` to `out[0 .. spanCount-1]`. */
  assign(trace: ParsedTrace, out: Uint32Array): void {
    const { groupBy } = this;
    const { resource, resourceService, name, kind, strings } = trace;
    if (!this.seen) {
      this.seen = true;
      this.texts = strings;
    }
    // the first trace's string indices are the shared ids until a second trace comes
    const own = strings === this.texts && this.stringIds === null;
    if (!own) {
      this.shareStrings();
    }
    if (this.local.length < strings.length) {
      this.local = new Int32Array(strings.length);
    }
    const local = this.local;
    local.fill(-1, 0, strings.length);
    const lookup = valueLookup(trace, groupBy);
    // the previous span's pair and group: consecutive spans often share their group
    let lastA = -2;
    let lastB = -2;
    let lastGroup = 0;
    for (let i = 0; i < trace.spanCount; i++) {
      // a, b: the group's shared ints
      let a: number;
      let b = -1;
      if (groupBy.kind === 'service' || groupBy.kind === 'operation') {
        const code = resourceService[resource[i]];
        a = own ? code : local[code] >= 0 ? local[code] : this.sharedString(trace, code);
        if (groupBy.kind === 'operation') {
          b = own ? name[i] : local[name[i]] >= 0 ? local[name[i]] : this.sharedString(trace, name[i]);
        }
      } else if (groupBy.kind === 'spanKind') {
        a = kind[i];
      } else {
        const code = attributeCode(trace, lookup, i);
        a = code < 0 || own ? code : local[code] >= 0 ? local[code] : this.sharedString(trace, code);
      }
      if (a !== lastA || b !== lastB) {
        lastA = a;
        lastB = b;
        lastGroup = this.pairs.idOf(a, b);
      }
      out[i] = lastGroup;
    }
  }

  /** Shared id of the trace's string `s`, remembered in `local` for the rest of the trace. */
  private sharedString(trace: ParsedTrace, s: number): number {
    const id = this.stringId(trace.strings[s]);
    this.local[s] = id;
    return id;
  }

  /** Shared id of `text`, added when new. */
  private stringId(text: string): number {
    const ids = this.shareStrings();
    let id = ids.get(text);
    if (id === undefined) {
      id = this.texts.length;
      ids.set(text, id);
      (this.texts as string[]).push(text);
    }
    return id;
  }

  /**
   * The text → shared id map, made on first need from the strings the groups use (the first
   * trace's table is copied, never written to).
   */
  private shareStrings(): Map<string, number> {
    if (this.stringIds === null) {
      this.seen = true;
      const ids = new Map<string, number>();
      this.texts = this.texts.slice();
      if (this.groupBy.kind !== 'spanKind') {
        const { pairs, size } = this.pairs;
        for (let k = 0; k < 2 * size; k++) {
          if (pairs[k] >= 0) {
            ids.set(this.texts[pairs[k]], pairs[k]);
          }
        }
      }
      this.stringIds = ids;
    }
    return this.stringIds;
  }
}

/** Groups the spans of `trace` by `groupBy` (see the file header). */
export function groupSpans(trace: ParsedTrace, groupBy: GroupBy): Grouping {
  const index = new GroupIndex(groupBy);
  const groupOf = new Uint32Array(trace.spanCount);
  index.assign(trace, groupOf);
  const groups = Array.from({ length: index.size }, (_, g) => g);
  return {
    groupOf,
    keys: groups.map((g) => index.keyOf(g)),
    labels: groups.map((g) => index.labelOf(g)),
    parts: groups.map((g) => index.partsOf(g)),
  };
}
