/**
 * Concatenates the columns of several parsed traces into one `ParsedTrace` (for stitch.ts): spans
 * in input order (trace 0's first), strings re-interned, resources, scopes, attributes, events and
 * links appended with their indexes shifted. Times move to one time zero, the earliest start of
 * any trace: trace `k`'s times gain `startUnixNano(k) − that earliest start`. Span and parent ids
 * go through each trace's renaming (stitch-ids.ts); a joined root gets the parent the plan names
 * and loses the link that joined it. A link into a joined trace (its own included) points into the
 * merged trace: the merged trace's id ('' stays ''), its span id renamed as that trace's ids are.
 * Trace 0's warnings stay as they are; the others' name their trace. O(spans + attributes +
 * events + links + strings).
 */
import { decodeHexId, IdHalves, idToHex } from './ids';
import { inputWarning } from './input-warnings';
import { AttrTable, LinkTable, ParsedTrace } from './model';
import { idKey, IdRenaming } from './stitch-ids';

/** A joined root: its new parent's (renamed) id and the link that joined it. */
export interface JoinedRoot {
  parentHi: number;
  parentLo: number;
  link: number;
}

export interface MergePlan {
  traces: readonly ParsedTrace[];
  renamings: readonly IdRenaming[];
  /** per trace, local span index → how it joins another trace */
  joins: ReadonlyArray<ReadonlyMap<number, JoinedRoot>>;
  /** trace id → index in `traces` */
  traceIndex: ReadonlyMap<string, number>;
}

/** Interns strings across traces; `map(t)` gives trace `t`'s string index → merged index. */
function mergeStrings(traces: readonly ParsedTrace[]) {
  const strings: string[] = [''];
  const index = new Map<string, number>([['', 0]]);
  const maps = traces.map((t) => {
    const map = new Uint32Array(t.strings.length);
    t.strings.forEach((s, i) => {
      let at = index.get(s);
      if (at === undefined) {
        at = strings.length;
        strings.push(s);
        index.set(s, at);
      }
      map[i] = at;
    });
    return map;
  });
  return { strings, maps };
}

/** Appends owner-keyed tables; `ownerBase[t]` shifts trace `t`'s owners, `keep(t, o)` drops owners. */
function mergeAttrs(
  tables: readonly AttrTable[],
  stringMaps: readonly Uint32Array[],
  keep: (t: number, owner: number) => boolean
): AttrTable {
  let owners = 0;
  let entries = 0;
  tables.forEach((a, t) => {
    for (let o = 0; o + 1 < a.offsets.length; o++) {
      if (keep(t, o)) {
        owners++;
        entries += a.offsets[o + 1] - a.offsets[o];
      }
    }
  });
  const offsets = new Uint32Array(owners + 1);
  const keys = new Uint32Array(entries);
  const values = new Uint32Array(entries);
  const types = new Uint8Array(entries);
  let o2 = 0;
  let e = 0;
  tables.forEach((a, t) => {
    const map = stringMaps[t];
    for (let o = 0; o + 1 < a.offsets.length; o++) {
      if (!keep(t, o)) {
        continue;
      }
      for (let k = a.offsets[o]; k < a.offsets[o + 1]; k++, e++) {
        keys[e] = map[a.keys[k]];
        values[e] = map[a.values[k]];
        types[e] = a.types[k];
      }
      offsets[++o2] = e;
    }
  });
  return { offsets, keys, values, types };
}

const all = () => true;

/** Earliest `startUnixNano` of the traces with spans, and each trace's shift to it, ns. */
function timeShifts(traces: readonly ParsedTrace[]): { zero: bigint; shift: number[] } {
  const starts = traces.map((t) => BigInt(t.startUnixNano || '0'));
  const withSpans = starts.filter((_, k) => traces[k].spanCount > 0);
  const zero = withSpans.reduce((a, b) => (b < a ? b : a), withSpans[0] ?? BigInt(0));
  return { zero, shift: starts.map((s, k) => (traces[k].spanCount > 0 ? Number(s - zero) : 0)) };
}

/** The merged trace (see the file header). */
export function mergeTraces(plan: MergePlan): ParsedTrace {
  const { traces, renamings, joins } = plan;
  const { strings, maps } = mergeStrings(traces);
  const { zero, shift } = timeShifts(traces);
  const n = traces.reduce((s, t) => s + t.spanCount, 0);
  const col = {
    start: new Float64Array(n),
    end: new Float64Array(n),
    idHi: new Uint32Array(n),
    idLo: new Uint32Array(n),
    parentHi: new Uint32Array(n),
    parentLo: new Uint32Array(n),
    hasParent: new Uint8Array(n),
    name: new Uint32Array(n),
    kind: new Uint8Array(n),
    status: new Uint8Array(n),
    statusMessage: new Uint32Array(n),
    resource: new Uint32Array(n),
    scope: new Uint32Array(n),
  };
  const rename = (t: number, hi: number, lo: number) => renamings[t].get(idKey(hi, lo)) ?? [hi, lo];
  let at = 0;
  let resourceBase = 0;
  let scopeBase = 0;
  traces.forEach((t, k) => {
    const map = maps[k];
    for (let i = 0; i < t.spanCount; i++, at++) {
      col.start[at] = t.start[i] + shift[k];
      col.end[at] = t.end[i] + shift[k];
      [col.idHi[at], col.idLo[at]] = rename(k, t.idHi[i], t.idLo[i]);
      const join = joins[k].get(i);
      col.hasParent[at] = join ? 1 : t.hasParent[i];
      [col.parentHi[at], col.parentLo[at]] = join
        ? [join.parentHi, join.parentLo]
        : t.hasParent[i]
          ? rename(k, t.parentHi[i], t.parentLo[i])
          : [0, 0];
      col.name[at] = map[t.name[i]];
      col.kind[at] = t.kind[i];
      col.status[at] = t.status[i];
      col.statusMessage[at] = map[t.statusMessage[i]];
      col.resource[at] = t.resource[i] + resourceBase;
      col.scope[at] = t.scope[i] + scopeBase;
    }
    resourceBase += t.resourceService.length;
    scopeBase += t.scopeName.length;
  });
  const mapped = (pick: (t: ParsedTrace) => Uint32Array) =>
    Uint32Array.from(traces.flatMap((t, k) => Array.from(pick(t), (s) => maps[k][s])));
  const traceId = traces[0]?.traceId ?? '';
  return {
    traceId,
    spanCount: n,
    startUnixNano: zero.toString(),
    ...col,
    resourceService: mapped((t) => t.resourceService),
    resourceAttrs: mergeAttrs(
      traces.map((t) => t.resourceAttrs),
      maps,
      all
    ),
    scopeName: mapped((t) => t.scopeName),
    scopeVersion: mapped((t) => t.scopeVersion),
    spanAttrs: mergeAttrs(
      traces.map((t) => t.spanAttrs),
      maps,
      all
    ),
    events: {
      offsets: concatOffsets(traces.map((t) => t.events.offsets)),
      time: Float64Array.from(traces.flatMap((t, k) => Array.from(t.events.time, (x) => x + shift[k]))),
      name: mapped((t) => t.events.name),
      attrs: mergeAttrs(
        traces.map((t) => t.events.attrs),
        maps,
        all
      ),
    },
    links: mergeLinks(plan, maps, traceId),
    strings,
    warnings: traces.flatMap((t, k) =>
      k === 0 ? t.warnings : t.warnings.map((note) => inputWarning('in-trace', { traceId: t.traceId, note }))
    ),
  };
}

/** Offsets columns (`owners + 1` entries each) one after another, each shifted by the entries before it. */
function concatOffsets(columns: readonly Uint32Array[]): Uint32Array {
  const out = new Uint32Array(columns.reduce((s, c) => s + c.length - 1, 0) + 1);
  let at = 0;
  let base = 0;
  for (const c of columns) {
    for (let o = 1; o < c.length; o++) {
      out[++at] = c[o] + base;
    }
    base += c[c.length - 1];
  }
  return out;
}

/** The links of every trace but the joining ones, pointed into the merged trace (file header). */
function mergeLinks(plan: MergePlan, maps: readonly Uint32Array[], mergedId: string): LinkTable {
  const { traces, renamings, joins, traceIndex } = plan;
  const dropped = traces.map((_, k) => new Set([...joins[k].values()].map((j) => j.link)));
  const keepLink = (k: number, l: number) => !dropped[k].has(l);
  const traceId: string[] = [];
  const spanId: string[] = [];
  const id: IdHalves = { hi: 0, lo: 0, ok: false };
  const spanOffsets = new Uint32Array(traces.reduce((s, t) => s + t.spanCount, 0) + 1);
  let span = 0;
  traces.forEach((t, k) => {
    const links = t.links;
    for (let i = 0; i < t.spanCount; i++, span++) {
      for (let l = links.offsets[i]; l < links.offsets[i + 1]; l++) {
        if (!keepLink(k, l)) {
          continue;
        }
        const target = links.traceId[l] === '' ? k : traceIndex.get(links.traceId[l]);
        const sid = links.spanId[l];
        decodeHexId(sid, 0, sid.length, id);
        const renamed = target !== undefined && id.ok ? renamings[target].get(idKey(id.hi, id.lo)) : undefined;
        traceId.push(target === undefined || links.traceId[l] === '' ? links.traceId[l] : mergedId);
        spanId.push(renamed ? idToHex(renamed[0], renamed[1]) : sid);
      }
      spanOffsets[span + 1] = traceId.length;
    }
  });
  return {
    offsets: spanOffsets,
    traceId,
    spanId,
    attrs: mergeAttrs(
      traces.map((t) => t.links.attrs),
      maps,
      keepLink
    ),
  };
}
