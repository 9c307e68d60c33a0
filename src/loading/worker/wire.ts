/**
 * What crosses between the main thread and the analysis worker (analysis.worker.ts).
 *
 * A {@link TraceAnalysis} is plain data: typed-array columns, interned strings, numbers, and plain
 * objects and arrays of them — no class instances, functions or prototypes to lose. The
 * structured clone of `postMessage` therefore rebuilds it exactly, shared references included
 * (`criticalPath` is `paths.async`, and both modes are one object when they agree), so the
 * analysis is its own wire form. What makes it cheap is the transfer list: every typed array's
 * buffer moves to the main thread instead of being copied ({@link transferablesOf}). A reader's
 * error crosses as its message and words ({@link readerErrorOf}) — a class instance would lose its
 * class and its `words` — and is rebuilt on the main thread ({@link rebuiltError}).
 */
import { ParseErrorWords, SummaryParts, TraceAnalysis, TraceParseError } from '../../engine';
import type { FetchedTrace } from '../../sources/types';

/** Main thread → worker: a fetched body to read by its format and analyse. */
export type AnalysisRequest = Pick<FetchedTrace, 'format' | 'raw'>;

/**
 * Main thread → worker: an OTLP JSON body the worker fetches itself (`fetch(url, {headers})`, the
 * request the page would make) and reads as it arrives; it keeps `endChars` characters of each end.
 */
export interface StreamRequest {
  url: string;
  headers: Record<string, string>;
  endChars: number;
}

export type WorkerRequest = AnalysisRequest | StreamRequest;

/** How far a streamed body has come: bytes received (of `totalBytes` when known) and spans read. */
export interface LoadProgress {
  bytes: number;
  totalBytes?: number;
  spans: number;
  /** the whole body is in: the worker is building the trace and analysing it (seconds on a 1M-span trace) */
  analysing?: boolean;
}

/** The first and last characters of a streamed body (what the source reads its envelope from). */
export interface BodyEnds {
  head: string;
  tail: string;
}

/**
 * A reader's (or analyser's) error as it crosses: its English message, and its code and values
 * (plain data, as structured clone keeps it) where the reader gave them.
 */
export interface ReaderError {
  error: string;
  words?: ParseErrorWords;
}

/**
 * Worker → main thread: the analysis with the ms the worker spent reading and analysing, or the
 * reader's (or analyser's) error ({@link ReaderError}); for a streamed body also its ends, and the summary's parts
 * of a huge trace (huge-trace.ts). `status` instead: the
 * stream was not read (the HTTP status of an answer that is not OK; 0 when the fetch failed or no
 * worker could stream), and the caller fetches the usual way. Before the answer, a streamed body
 * sends `progress` at most every {@link PROGRESS_MS}.
 */
export type AnalysisAnswer =
  | { analysis: TraceAnalysis; analyseMs: number; ends?: BodyEnds; summary?: SummaryParts }
  | (ReaderError & { ends?: BodyEnds })
  | { status: number };
export type AnalysisResponse = AnalysisAnswer | { progress: LoadProgress };

export const PROGRESS_MS = 100;

/** What crosses for `e`, an error caught on the worker's side. */
export function readerErrorOf(e: unknown): ReaderError {
  if (e instanceof TraceParseError && e.words) {
    return { error: e.message, words: e.words };
  }
  return { error: e instanceof Error ? e.message : String(e) };
}

/**
 * The error rebuilt on the main thread as the reader threw it there: a TraceParseError with its
 * message and words where it came with words, else an Error with its message.
 */
export const rebuiltError = (crossed: ReaderError): Error =>
  crossed.words ? new TraceParseError(crossed.error, crossed.words) : new Error(crossed.error);

/**
 * The distinct buffers of every typed array reachable from `value` (a buffer listed twice makes
 * `postMessage` throw; views of one buffer share it). O(objects + array elements reachable).
 */
export function transferablesOf(value: unknown): ArrayBuffer[] {
  const buffers = new Set<ArrayBuffer>();
  const seen = new Set<object>();
  const visit = (v: unknown): void => {
    if (typeof v !== 'object' || v === null || seen.has(v)) {
      return;
    }
    seen.add(v);
    if (ArrayBuffer.isView(v)) {
      buffers.add(v.buffer as ArrayBuffer);
    } else {
      Object.values(v).forEach(visit);
    }
  };
  visit(value);
  return [...buffers];
}
