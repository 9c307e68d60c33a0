/**
 * In-trace search on the trace page: the text typed, and on Enter the spans matching it
 * (engine/trace-search.ts, once per query) with the current match, which `reveal` opens and
 * selects. Enter on the same text moves to the next match, Shift+Enter to the previous one;
 * both wrap around.
 */
import { useState } from 'react';
import { ParsedTrace, searchSpans, TraceAnalysis } from '../../engine';

interface Searched {
  trace: ParsedTrace;
  query: string;
  matches: Uint32Array;
  /** index of the current match in `matches`, -1 before the first jump */
  at: number;
}

export interface TraceSearchState {
  text: string;
  setText: (text: string) => void;
  /** jump to the next (1) or previous (-1) match, searching first when the text changed */
  step: (direction: 1 | -1) => void;
  /** the last search: its query, match count and current match (0-based, -1 for none) */
  result?: { query: string; count: number; at: number };
}

export function useTraceSearch(analysis: TraceAnalysis | undefined, reveal: (span: number) => void): TraceSearchState {
  const [text, setText] = useState('');
  const [searched, setSearched] = useState<Searched>();
  const step = (direction: 1 | -1) => {
    if (!analysis) {
      return;
    }
    const query = text.trim();
    const current =
      searched && searched.trace === analysis.trace && searched.query === query
        ? searched
        : { trace: analysis.trace, query, matches: searchSpans(analysis, query), at: -1 };
    const n = current.matches.length;
    const at = n === 0 ? -1 : current.at < 0 ? (direction > 0 ? 0 : n - 1) : (current.at + direction + n) % n;
    setSearched({ ...current, at });
    if (at >= 0) {
      reveal(current.matches[at]);
    }
  };
  const result =
    searched && searched.trace === analysis?.trace
      ? { query: searched.query, count: searched.matches.length, at: searched.at }
      : undefined;
  return { text, setText, step, result };
}
