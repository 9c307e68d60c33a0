/**
 * The trace files opened in this browser tab: each file's name, format, file-level warnings and
 * traces, kept in App state (TraceFilesContext) and never in the URL, so a reload forgets them.
 * A file trace is addressed by `/trace/<key>?ds=file&file=<file id>`; its key is its trace id, or
 * `trace-<n>` (its 1-based place in the file) when the file gave it none. Lookups are O(files + traces).
 */
import type { InputWarning, ParsedTrace, TraceFile, TraceFileFormat } from '../engine';
import { ROUTES } from '../constants';
import { pageUrl, traceUrl } from './links';

/** The `ds` value of a trace opened from a file. */
export const FILE_DS = 'file';

export const FORMAT_LABELS: Record<TraceFileFormat, string> = {
  'otlp-json': 'OTLP JSON',
  'otlp-json-lines': 'OTLP JSON Lines',
  'otlp-protojson': 'OTLP protobuf JSON (snake_case)',
  'jaeger-json': 'Jaeger JSON',
  'zipkin-v2': 'Zipkin v2',
};

export interface FileTrace {
  /** the trace id, or `trace-<n>` when the file gave none */
  key: string;
  trace: ParsedTrace;
}

export interface LoadedFile {
  /** 1, 2, … in the order files were opened */
  id: number;
  /** the file's name, or "pasted text" */
  name: string;
  format: TraceFileFormat;
  warnings: InputWarning[];
  traces: FileTrace[];
}

/** `files` with `file` appended as the next id; the new file is the last element. */
export function addFile(files: readonly LoadedFile[], name: string, file: TraceFile): LoadedFile[] {
  const id = files.length ? files[files.length - 1].id + 1 : 1;
  const traces = file.traces.map((trace, n) => ({ key: trace.traceId || `trace-${n + 1}`, trace }));
  return [...files, { id, name, format: file.format, warnings: file.warnings, traces }];
}

/** The file with `id` (a URL parameter), if it is still loaded. */
export function findFile(files: readonly LoadedFile[], id: string | null): LoadedFile | undefined {
  return files.find((f) => String(f.id) === id);
}

/** A file trace by its file id and key (the key compared lowercase, as the trace page reads it). */
export function findFileTrace(
  files: readonly LoadedFile[],
  fileId: string | null,
  key: string
): { file: LoadedFile; entry: FileTrace } | undefined {
  const file = findFile(files, fileId);
  const entry = file?.traces.find((t) => t.key.toLowerCase() === key);
  return file && entry ? { file, entry } : undefined;
}

/** The trace page of a file trace. */
export const fileTraceUrl = (file: LoadedFile, entry: FileTrace) =>
  traceUrl(entry.key, { ds: FILE_DS, file: String(file.id) });

/** The open-file page: with a file, its trace picker. */
export const openFileUrl = (file?: LoadedFile) => pageUrl(ROUTES.File, { file: file && String(file.id) });

const MAX_NAME = 60;

/** A file name as messages show it: at most 60 characters, invisible characters escaped. */
export function displayName(name: string): string {
  const visible = name.replace(
    /[\u0000-\u001f\u007f-\u00a0\u200b-\u200f\u2028\u2029\ufeff]/g,
    (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`
  );
  return visible.length > MAX_NAME ? `${visible.slice(0, MAX_NAME - 1)}…` : visible;
}
