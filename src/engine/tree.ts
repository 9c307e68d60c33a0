/**
 * Span tree: resolves each span's parent id to a span index and builds a children index.
 *
 * - Parent lookup joins the 64-bit ids (id-join.ts: a hash table with a probe budget, else a
 *   sort-merge join): O(n) whatever the ids, so crafted colliding ids cannot make it quadratic.
 * - Duplicate span ids: the span with the earliest start (then the latest end, then the first in
 *   input order) owns the id and receives the children; the others keep their own parent and
 *   are reported.
 * - A span whose parent id is absent becomes a root flagged `orphan`.
 * - Parent cycles (including a span that is its own parent) are found with an iterative
 *   three-colour walk up the parent chains, O(n) overall; each cycle is broken by making its
 *   member with the earliest start (then smallest id) a root flagged `cycle`.
 * - Children and roots are ordered by start time, ties by span id, so the result does not depend
 *   on input order (and `preorder` can serve as the deterministic tie-break of later sorts).
 *   One stable radix sort by start, then short sibling runs of equal starts by id: O(n).
 * - `preorder` is an iterative depth-first order (parents before children), O(n).
 * - A child is flagged `FLAG_ASYNC` (its parent does not wait for it) when it is a CONSUMER, or
 *   when one of its links points at its parent: Jaeger's FOLLOWS_FROM reference, which the
 *   Jaeger readers keep as a link beside the parent (jaeger-json.ts, frame.ts). O(n + links).
 * Definitions: src/engine/DEFINITIONS.md (shared with the Collector connector in collector/).
 */
import { IdHalves } from './ids';
import { joinParents } from './id-join';
import { linkPointsAt } from './links';
import { ParsedTrace, SpanKind } from './model';
import { identity, sortById, sortByKey } from './sort';
import { TraceWarning, WarningTally } from './warnings';

export const FLAG_ORPHAN = 1;
export const FLAG_CYCLE = 2;
export const FLAG_DUPLICATE_ID = 4;
export const FLAG_SKEW = 8;
export const FLAG_OUTLIVES_PARENT = 16;
/** The parent does not wait for this span: a CONSUMER, or a span linking to its parent (file header). */
export const FLAG_ASYNC = 32;

export interface SpanTree {
  /** parent span index, -1 for roots */
  readonly parent: Int32Array;
  /** roots ordered by start */
  readonly roots: Uint32Array;
  /** children of span i: `children[childOffsets[i] .. childOffsets[i+1]-1]`, ordered by start */
  readonly childOffsets: Uint32Array;
  readonly children: Uint32Array;
  /** every span, parents before their children, siblings by start */
  readonly preorder: Uint32Array;
  /** 0 for roots */
  readonly depth: Uint32Array;
  /** FLAG_* bits per span */
  readonly flags: Uint8Array;
}

/**
 * Parent index of every span (id-join.ts). Of spans sharing an id, the one
 * with the earliest start, then the latest end, then the first in input order owns it; the
 * others are flagged and counted as duplicates.
 */
function resolveParents(trace: ParsedTrace, flags: Uint8Array, duplicates: WarningTally): Int32Array {
  const { start, end } = trace;
  return joinParents(trace, trace.spanCount, (byId, from, to) => {
    let owner = byId[from];
    for (let k = from + 1; k < to; k++) {
      const i = byId[k];
      if (start[i] < start[owner] || (start[i] === start[owner] && end[i] > end[owner])) {
        owner = i;
      }
    }
    for (let k = from; k < to; k++) {
      if (byId[k] !== owner) {
        flags[byId[k]] |= FLAG_DUPLICATE_ID;
        duplicates.add(byId[k]);
      }
    }
    return owner;
  });
}

/** Whether one of span `i`'s links points at span `p` of the same trace (a FOLLOWS_FROM parent). */
function linksTo(trace: ParsedTrace, i: number, p: number, id: IdHalves): boolean {
  for (let l = trace.links.offsets[i]; l < trace.links.offsets[i + 1]; l++) {
    if (linkPointsAt(trace, l, p, id)) {
      return true;
    }
  }
  return false;
}

/** Breaks parent cycles in place (see the file header). */
function breakCycles(trace: ParsedTrace, parent: Int32Array, flags: Uint8Array, cycles: WarningTally): void {
  const n = trace.spanCount;
  const state = new Uint8Array(n); // 0 unseen, 1 on the current chain, 2 settled
  const chain = new Uint32Array(n);
  for (let s = 0; s < n; s++) {
    let len = 0;
    let x = s;
    while (x >= 0 && state[x] === 0) {
      state[x] = 1;
      chain[len++] = x;
      x = parent[x];
    }
    if (x >= 0 && state[x] === 1) {
      let best = x;
      for (let k = len - 1; chain[k] !== x; k--) {
        best = earlier(trace, chain[k], best) ? chain[k] : best;
      }
      parent[best] = -1;
      flags[best] |= FLAG_CYCLE;
      cycles.add(best);
    }
    for (let k = 0; k < len; k++) {
      state[chain[k]] = 2;
    }
  }
}

/** Whether span a precedes span b by (start, id). */
function earlier(trace: ParsedTrace, a: number, b: number): boolean {
  const { start, idHi, idLo } = trace;
  if (start[a] !== start[b]) {
    return start[a] < start[b];
  }
  return idHi[a] !== idHi[b] ? idHi[a] < idHi[b] : idLo[a] < idLo[b];
}

/** Longest run of same-parent, same-start spans put in id order in place (see `siblingOrder`). */
const MAX_TIE_RUN = 64;

/** Children lists (CSR by parent) and roots, each in the order the spans have in `order`. */
function groupByParent(order: Uint32Array, parent: Int32Array, childOffsets: Uint32Array, rootCount: number) {
  const fill = childOffsets.slice(0, parent.length);
  const children = new Uint32Array(parent.length);
  const roots = new Uint32Array(rootCount);
  let r = 0;
  for (let k = 0; k < order.length; k++) {
    const i = order[k];
    if (parent[i] >= 0) {
      children[fill[parent[i]]++] = i;
    } else {
      roots[r++] = i;
    }
  }
  return { children, roots };
}

/**
 * Puts each run of equal starts in `list[from, to)` (already ordered by start) in id order by
 * insertion sort. False, leaving the list unfinished, when a run is longer than MAX_TIE_RUN.
 */
function orderTiesById(trace: ParsedTrace, list: Uint32Array, from: number, to: number): boolean {
  const { start } = trace;
  for (let k = from, end = from + 1; k < to; k = end, end = k + 1) {
    while (end < to && start[list[end]] === start[list[k]]) {
      end++;
    }
    if (end - k > MAX_TIE_RUN) {
      return false;
    }
    for (let m = k + 1; m < end; m++) {
      const x = list[m];
      let j = m;
      while (j > k && earlier(trace, x, list[j - 1])) {
        list[j] = list[j - 1];
        j--;
      }
      list[j] = x;
    }
  }
  return true;
}

/**
 * Children and roots ordered by start, ties by span id (then input order). Only siblings' ties
 * matter, so the spans are radix-sorted by start and each sibling run of equal starts is put in
 * id order in place — O(n · MAX_TIE_RUN) at worst. A longer run (say 1M siblings starting
 * together) makes it sort all spans by id and then stably by start instead: two more radix sorts.
 */
function siblingOrder(trace: ParsedTrace, parent: Int32Array, childOffsets: Uint32Array, rootCount: number) {
  const { start, idHi, idLo, spanCount: n } = trace;
  const sorted = groupByParent(sortByKey(start, identity(n)), parent, childOffsets, rootCount);
  let ok = orderTiesById(trace, sorted.roots, 0, rootCount);
  for (let i = 0; i < n && ok; i++) {
    ok = orderTiesById(trace, sorted.children, childOffsets[i], childOffsets[i + 1]);
  }
  return ok
    ? sorted
    : groupByParent(sortByKey(start, sortById(idHi, idLo, identity(n))), parent, childOffsets, rootCount);
}

/** Builds the span tree and appends orphan/duplicate/cycle warnings to `warnings`. */
export function buildTree(trace: ParsedTrace, warnings: TraceWarning[]): SpanTree {
  const n = trace.spanCount;
  const flags = new Uint8Array(n);
  const duplicates = new WarningTally(trace);
  const orphans = new WarningTally(trace);
  const cycles = new WarningTally(trace);
  const parent = resolveParents(trace, flags, duplicates);
  for (let i = 0; i < n; i++) {
    if (trace.hasParent[i] && parent[i] < 0) {
      flags[i] |= FLAG_ORPHAN;
      orphans.add(i);
    }
  }
  breakCycles(trace, parent, flags, cycles);
  duplicates.report(
    warnings,
    'duplicateSpanId',
    (c) => `${c} span(s) repeat another span's id; children attach to the earliest-starting one`
  );
  orphans.report(warnings, 'orphan', (c) => `${c} span(s) name a parent that is not in the trace; shown as roots`);
  cycles.report(
    warnings,
    'cycle',
    (c) => `${c} parent cycle(s) found; each was broken at its earliest-starting span, which became a root`
  );

  const childOffsets = new Uint32Array(n + 1);
  let rootCount = 0;
  const id: IdHalves = { hi: 0, lo: 0, ok: false };
  const linkOffsets = trace.links.offsets;
  const kind = trace.kind;
  const consumer: number = SpanKind.Consumer;
  for (let i = 0; i < n; i++) {
    const p = parent[i];
    if (p >= 0) {
      childOffsets[p + 1]++;
      if (kind[i] === consumer || (linkOffsets[i] !== linkOffsets[i + 1] && linksTo(trace, i, p, id))) {
        flags[i] |= FLAG_ASYNC;
      }
    } else {
      rootCount++;
    }
  }
  for (let i = 0; i < n; i++) {
    childOffsets[i + 1] += childOffsets[i];
  }
  const { children, roots } = siblingOrder(trace, parent, childOffsets, rootCount);
  const { preorder, depth } = depthFirst(roots, childOffsets, children, n);
  return { parent, roots, childOffsets, children, preorder, depth, flags };
}

/** Iterative pre-order walk (explicit stack), so a 1M-deep chain is fine. */
function depthFirst(roots: Uint32Array, childOffsets: Uint32Array, children: Uint32Array, n: number) {
  const preorder = new Uint32Array(n);
  const depth = new Uint32Array(n);
  const stack = new Uint32Array(n);
  let top = 0;
  let out = 0;
  for (let r = roots.length - 1; r >= 0; r--) {
    stack[top++] = roots[r];
  }
  while (top > 0) {
    const x = stack[--top];
    preorder[out++] = x;
    for (let c = childOffsets[x + 1] - 1; c >= childOffsets[x]; c--) {
      depth[children[c]] = depth[x] + 1;
      stack[top++] = children[c];
    }
  }
  return { preorder, depth };
}
