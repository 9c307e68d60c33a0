/**
 * Span ids of traces being stitched into one (stitch.ts). Ids are unique per trace only, so each
 * trace `k` gets a renaming of its ids: every id trace `k` uses (as a span id or a parent id) that
 * an earlier trace already used is renamed to a fresh id that neither any earlier trace nor trace
 * `k` uses; the other ids stay. The renaming is one-to-one within a trace, so the trace's own tree
 * (duplicates and orphans included) is unchanged, and no span can take a parent in another trace
 * by a coincidence of ids. Trace 0 is never renamed. O(ids) expected (hash maps), plus O(1)
 * expected probes per fresh id.
 */
import { ParsedTrace } from './model';

/** A 64-bit id's map key. */
export const idKey = (hi: number, lo: number): string => `${hi}:${lo}`;

/** One trace's renaming: id key → new [hi, lo]; ids absent here keep their value. */
export type IdRenaming = ReadonlyMap<string, readonly [number, number]>;

/** Every id trace `t` uses: span ids and the parent ids of spans that have a parent. */
function usedIds(t: ParsedTrace): Set<string> {
  const ids = new Set<string>();
  for (let i = 0; i < t.spanCount; i++) {
    ids.add(idKey(t.idHi[i], t.idLo[i]));
    if (t.hasParent[i]) {
      ids.add(idKey(t.parentHi[i], t.parentLo[i]));
    }
  }
  return ids;
}

/** The next 64-bit value after (hi, lo), skipping zero (the "no id" value). */
function next(hi: number, lo: number): [number, number] {
  const l = (lo + 1) >>> 0;
  const h = l === 0 ? (hi + 1) >>> 0 : hi;
  return h === 0 && l === 0 ? [0, 1] : [h, l];
}

/** The renaming of every trace, in input order (see the file header). */
export function renameIds(traces: readonly ParsedTrace[]): IdRenaming[] {
  const taken = new Set<string>();
  return traces.map((t) => {
    const own = usedIds(t);
    const renaming = new Map<string, readonly [number, number]>();
    const rename = (hi: number, lo: number) => {
      const key = idKey(hi, lo);
      if (!taken.has(key) || renaming.has(key)) {
        return;
      }
      let [h, l] = next(hi, lo);
      while (taken.has(idKey(h, l)) || own.has(idKey(h, l))) {
        [h, l] = next(h, l);
      }
      renaming.set(key, [h, l]);
      own.add(idKey(h, l));
    };
    for (let i = 0; i < t.spanCount; i++) {
      rename(t.idHi[i], t.idLo[i]);
      if (t.hasParent[i]) {
        rename(t.parentHi[i], t.parentLo[i]);
      }
    }
    for (const key of own) {
      taken.add(key);
    }
    return renaming;
  });
}
