/**
 * In-trace search: the spans whose name, service name, or the value of one of their span or
 * resource attributes contains the query — a case-insensitive substring match, the query
 * trimmed; an empty query matches nothing. Matches come in tree order (the waterfall's order), so
 * "next match" walks down the waterfall.
 * Each distinct string of the trace's string table is tested at most once (a memo per string
 * index), and each resource's attributes once: O(n × attributes per span) array reads plus one
 * substring test per distinct string.
 */
import type { TraceAnalysis } from './analyze';
import { AttrTable } from './model';

const UNTESTED = 0;
const MATCH = 1;
const NO_MATCH = 2;

/** Span indices matching `query` in tree order (see the file header). */
export function searchSpans(analysis: TraceAnalysis, query: string): Uint32Array {
  const needle = query.trim().toLowerCase();
  if (needle === '') {
    return new Uint32Array(0);
  }
  const { strings, name, resource, resourceService, spanAttrs, resourceAttrs } = analysis.trace;
  const memo = new Uint8Array(strings.length);
  const matches = (s: number) => {
    if (memo[s] === UNTESTED) {
      memo[s] = strings[s].toLowerCase().includes(needle) ? MATCH : NO_MATCH;
    }
    return memo[s] === MATCH;
  };
  const anyValue = (table: AttrTable, owner: number) => {
    for (let k = table.offsets[owner]; k < table.offsets[owner + 1]; k++) {
      if (matches(table.values[k])) {
        return true;
      }
    }
    return false;
  };
  const resourceMatches = new Uint8Array(resourceService.length);
  for (let r = 0; r < resourceMatches.length; r++) {
    resourceMatches[r] = matches(resourceService[r]) || anyValue(resourceAttrs, r) ? 1 : 0;
  }
  const { preorder } = analysis.tree;
  const out: number[] = [];
  for (let k = 0; k < preorder.length; k++) {
    const i = preorder[k];
    if (matches(name[i]) || resourceMatches[resource[i]] === 1 || anyValue(spanAttrs, i)) {
      out.push(i);
    }
  }
  return Uint32Array.from(out);
}
