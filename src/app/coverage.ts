/**
 * Coverage: the facts of what an aggregate, comparison or panel was computed from (the UI words
 * them: components/coverageSentence.ts). In: how many traces the search listed (and its limit),
 * how the fetched ones were picked from them, what loading returned per trace, whether the fetch
 * was cancelled, and the time range. Out: counts that add up — `used + failed + tooLarge = fetched`,
 * `fetched + notFetched = requested ≤ listed` — the failed, too-large and partial traces with their
 * messages, the spans analysed (whole traces: every trace is fetched by id, so a search's
 * spans-per-spanset limit, Tempo's `spss`, never applies), how the sample was picked and the range.
 * A trace the backend refused as too large (HTTP 413, or 422 as Tempo 3 answers beyond
 * `max_bytes_per_trace`) counts as too large, any other failure as failed. O(requested).
 */
import { RawTimeRange } from '@grafana/data';
import { DataError } from '../data';
import type { PartialTraceWarning, TraceResult } from '../loading';

/** How the fetched traces were picked from those listed: every one, or the newest / slowest few. */
export type SamplePick = 'all' | 'newest' | 'slowest';

export interface TraceNote {
  traceId: string;
  message: string;
  /** the failure the note reports, when it is one (the UI says it in the user's language) */
  error?: DataError;
}

export interface CoverageInput {
  /** distinct traces the search listed */
  listed: number;
  /** the most the search was asked for, and whether it listed that many (more may match) */
  search?: { limit: number; reached: boolean };
  /** listed traces not fetched because of what they are, `why` in the user's words: `{count: 1, why: 'with another root'}` */
  leftOut?: { count: number; why: string };
  pick: SamplePick;
  /** traces asked for */
  requested: number;
  /** what loading returned so far, by trace id */
  results: ReadonlyMap<string, TraceResult>;
  /** the fetch was stopped before every trace was in */
  cancelled?: boolean;
  /** traces that came with the query rather than from a fetch (a panel's trace frames) */
  given?: boolean;
  range: RawTimeRange;
}

export interface Coverage {
  listed: number;
  /** the search stopped at its limit (`searchLimit`): more may match */
  limitReached: boolean;
  searchLimit?: number;
  /** the fetched traces are the `requested` newest or slowest of those listed (undefined: every listed one) */
  sampled?: 'newest' | 'slowest';
  /** listed traces not fetched because of what they are (see CoverageInput) */
  leftOut?: { count: number; why: string };
  requested: number;
  /** traces the aggregate holds */
  used: number;
  /** spans in the used traces */
  spans: number;
  failed: TraceNote[];
  tooLarge: TraceNote[];
  /** used traces the source sent only part of */
  partial: TraceNote[];
  /** requested traces with no result (still loading, or cancelled) */
  notFetched: number;
  /** the fetch was stopped before every trace was in */
  cancelled: boolean;
  /** the traces came with the query (a panel's trace frames), not from a search */
  given: boolean;
  range: RawTimeRange;
}

const TOO_LARGE_STATUSES = [413, 422];

/** The facts for `input` (see the file header). */
export function coverage(input: CoverageInput): Coverage {
  const failed: TraceNote[] = [];
  const tooLarge: TraceNote[] = [];
  const partial: TraceNote[] = [];
  let used = 0;
  let spans = 0;
  input.results.forEach((result, traceId) => {
    if (result instanceof DataError) {
      const tooBig = result.status !== undefined && TOO_LARGE_STATUSES.includes(result.status);
      (tooBig ? tooLarge : failed).push({ traceId, message: result.message, error: result });
      return;
    }
    used++;
    spans += result.analysis.trace.spanCount;
    const cut = result.warnings.find((w): w is PartialTraceWarning => w.kind === 'partial-trace');
    if (cut) {
      partial.push({ traceId, message: cut.message, error: cut.error });
    }
  });
  const limitReached = input.search?.reached ?? false;
  const notFetched = input.requested - input.results.size;
  return {
    listed: input.listed,
    limitReached,
    searchLimit: input.search?.limit,
    sampled: input.pick !== 'all' && input.requested < input.listed ? input.pick : undefined,
    leftOut: input.leftOut?.count ? input.leftOut : undefined,
    requested: input.requested,
    used,
    spans,
    failed,
    tooLarge,
    partial,
    notFetched,
    cancelled: input.cancelled ?? false,
    given: input.given ?? false,
    range: input.range,
  };
}

/**
 * The larger sample to offer, or undefined when none is larger: `wanted` (what the user could use:
 * every listed trace, or a doubled search limit) capped at `cap`, only when above `current`.
 */
export function raisedSample(current: number, wanted: number, cap: number): number | undefined {
  const next = Math.min(wanted, cap);
  return next > current ? next : undefined;
}
