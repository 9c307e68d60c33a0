/**
 * A trace opened from a file, analysed as the loading service analyses a fetched one, so the trace
 * page shows both alike: `analyzeTrace` (O(spans log spans)), with the file's own warnings first
 * (as `input` warnings, repeated for each of its traces), then the engine's.
 */
import { analyzeTrace, inputTraceWarning } from '../engine';
import type { LoadedTrace } from '../loading';
import type { FileTrace, LoadedFile } from './traceFiles';

export function loadFileTrace(file: LoadedFile, entry: FileTrace): LoadedTrace {
  const analysis = analyzeTrace(entry.trace);
  const fileWarnings = file.warnings.map(inputTraceWarning);
  return { analysis, warnings: [...fileWarnings, ...analysis.warnings] };
}
