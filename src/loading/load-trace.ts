/**
 * One trace from a {@link TraceSource}: fetch → read by format → analyse (in a Web Worker where
 * the browser has them, analyze-fetched.ts; with `stream`, the worker fetches and reads the body
 * as it arrives, stream-trace.ts). What the reader must be told comes back with it: the
 * source's note that it sent only part of the trace, then the engine's repairs (orphans, clock
 * skew…). Rejects only with `DataError`.
 */
import { DataError, dataError } from '../data';
import { ParseErrorWords, SummaryParts, TraceAnalysis, TraceParseError, TraceWarning } from '../engine';
import type { SearchRange, TraceSource } from '../sources/types';
import { analyzeFetched, streamInWorker } from './analyze-fetched';
import { streamTrace } from './stream-trace';
import type { LoadProgress } from './worker/wire';

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
  /** a huge streamed trace's summary parts for `analysis` as it is, computed by the worker (huge-trace.ts) */
  summary?: SummaryParts;
}

export interface LoadOptions {
  /** where to look (Unix seconds); without it the source searches its whole retention */
  range?: SearchRange;
  signal?: AbortSignal;
  /**
   * Where the browser can (workers and streams), a worker fetches the body and reads it as it
   * arrives (stream-trace.ts; for one big trace, the trace page), telling `onProgress` how far it
   * came; else, or when the stream is not the answer expected, the body is fetched here.
   */
  stream?: { onProgress(progress: LoadProgress): void };
}

export async function loadTrace(source: TraceSource, traceId: string, options: LoadOptions = {}): Promise<LoadedTrace> {
  const { signal } = options;
  const target = source.target;
  const cancelled = () => dataError('trace-load-cancelled', { target, traceId });
  const unreadable = (cause: string, causeWords?: ParseErrorWords) =>
    dataError('trace-unreadable', { target, traceId, cause, causeWords });
  const streamed =
    options.stream && streamInWorker
      ? await streamTrace(source, traceId, options.range, streamInWorker, signal, options.stream.onProgress).catch(
          () => {
            throw cancelled();
          }
        )
      : undefined;
  if (streamed) {
    if ('error' in streamed) {
      throw unreadable(streamed.error, streamed.words);
    }
    return { ...loaded(streamed.analysis, streamed.partial), summary: streamed.summary };
  }
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
    throw unreadable(e instanceof Error ? e.message : String(e), e instanceof TraceParseError ? e.words : undefined);
  }
  return loaded(analysis, fetched.partial);
}

/** The analysis with the partial-trace note first (when any), then its own warnings. */
function loaded(analysis: TraceAnalysis, partial: DataError | undefined): LoadedTrace {
  const note: LoadWarning[] = partial ? [{ kind: 'partial-trace', message: partial.message, error: partial }] : [];
  return { analysis, warnings: [...note, ...analysis.warnings] };
}
