/**
 * The trace page's stitching (loading/stitch-related.ts): while the URL asks for it and the trace
 * has loaded from a source, finds, fetches and stitches the related traces, with the search and
 * fetch progress; a new request (or none) aborts the run in flight and drops its results.
 */
import { useEffect, useState } from 'react';
import type { TraceAnalysis } from '../../engine';
import { loadStitched, StitchOutcome, StitchProgress, StitchRequest } from '../../loading/stitch-related';
import type { TraceSource } from '../../sources/types';

export interface StitchState {
  /** what the URL asks for; undefined: the trace alone */
  request?: StitchRequest;
  progress?: StitchProgress;
  outcome?: StitchOutcome;
  error?: Error;
}

/** What a run reported, and for which trace and request. */
interface RunState {
  analysis: TraceAnalysis;
  key: string;
  progress?: StitchProgress;
  outcome?: StitchOutcome;
  error?: Error;
}

export function useStitch(
  source: TraceSource | undefined,
  analysis: TraceAnalysis | undefined,
  request: StitchRequest | undefined
): StitchState {
  const [run, setRun] = useState<RunState>();
  const key = request && `${request.followLinks}|${request.key}`;
  useEffect(() => {
    if (!source || !analysis || !request || key === undefined) {
      return;
    }
    const controller = new AbortController();
    const report = (r: Omit<RunState, 'analysis' | 'key'>) =>
      !controller.signal.aborted && setRun({ analysis, key, ...r });
    report({});
    loadStitched(source, analysis, request, controller.signal, (progress) => report({ progress })).then(
      (outcome) => report({ outcome }),
      (error: Error) => report({ error })
    );
    return () => controller.abort();
    // `key` names the request
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [source, analysis, key]);
  const current = run !== undefined && run.analysis === analysis && run.key === key;
  return current ? { request, progress: run.progress, outcome: run.outcome, error: run.error } : { request };
}
