/**
 * One trace from a {@link TraceSource}: fetch → read by format → analyse (in a Web Worker where
 * the browser has them, analyze-fetched.ts). What the reader must be told comes back with it: the
 * source's note that it sent only part of the trace, then the engine's repairs (orphans, clock
 * skew…). Rejects only with `DataError`.
 */
import { DataError } from '../data';
import { TraceAnalysis, TraceWarning } from '../engine';
import type { SearchRange, TraceSource } from '../sources/types';
import { analyzeFetched } from './analyze-fetched';

/** The backend sent only part of the trace; `error` is the source's `partial` DataError. */
export interface PartialTraceWarning {
  kind: 'partial-trace';
  message: string;
  error: DataError;
}

export type LoadWarning = PartialTraceWarning | TraceWarning;

export interface LoadedTrace {
  analysis: TraceAnalysis;
  /** the partial-trace note first (when any), then `analysis.warnings` */
  warnings: LoadWarning[];
}

export interface LoadOptions {
  /** where to look (Unix seconds); without it the source searches its whole retention */
  range?: SearchRange;
  signal?: AbortSignal;
}

export async function loadTrace(source: TraceSource, traceId: string, options: LoadOptions = {}): Promise<LoadedTrace> {
  const { signal } = options;
  const cancelled = () => new DataError('cancelled', `Loading trace ${traceId} from ${source.target} was cancelled.`);
  const fetched = await source.traceById(traceId, options.range, { signal });
  if (signal?.aborted) {
    throw cancelled();
  }
  let analysis: TraceAnalysis;
  try {
    analysis = await analyzeFetched(fetched, signal);
  } catch (e) {
    if (signal?.aborted) {
      throw cancelled();
    }
    throw new DataError(
      'bad-response',
      `${source.target} sent trace ${traceId} in a form TraceLens cannot read: ${e instanceof Error ? e.message : String(e)}`
    );
  }
  const partial: LoadWarning[] = fetched.partial
    ? [{ kind: 'partial-trace', message: fetched.partial.message, error: fetched.partial }]
    : [];
  return { analysis, warnings: [...partial, ...analysis.warnings] };
}
