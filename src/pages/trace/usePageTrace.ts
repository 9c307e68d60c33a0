/**
 * The trace the trace page shows: from the page's trace source (Tempo or Jaeger) through the
 * loading service, or, when `ds` is `file`, the trace of an opened file (`file` parameter and the
 * page's trace id), analysed the same way; `fromFile` without `file` means that file is not open (any more).
 */
import { useMemo, useState } from 'react';
import { QueryContext } from '../../app/queryContext';
import { latestValue, LatestValue } from '../../app/latestValue';
import { useAsync } from '../../app/useAsync';
import { useUrlState } from '../../app/urlState';
import { loadTrace, LoadedTrace, LoadProgress } from '../../loading';
import { loadFileTrace } from '../../app/loadFileTrace';
import { FILE_DS, findFileTrace, LoadedFile } from '../../app/traceFiles';
import { useTraceFiles } from '../../app/TraceFilesContext';

export interface PageTrace {
  loading: boolean;
  error?: Error;
  value?: LoadedTrace;
  /** `ds=file`: the trace comes from an opened file */
  fromFile: boolean;
  /** the open file the trace came from; undefined when `fromFile` but the file is gone */
  file?: LoadedFile;
  /** while loading from a source: how far the download has come (when the browser streams it) */
  progress: LatestValue<LoadProgress | undefined>;
  /** the user cancelled loading this trace */
  cancelled: boolean;
  cancel(): void;
  /** loads the cancelled trace again */
  retry(): void;
}

export function usePageTrace(context: QueryContext, traceId: string): PageTrace {
  const { params } = useUrlState();
  const { files } = useTraceFiles();
  const fromFile = context.traceUid === FILE_DS;
  const found = fromFile ? findFileTrace(files, params.get('file'), traceId) : undefined;
  const file = found?.file;
  const entry = found?.entry;
  const fileTrace = useMemo(() => file && entry && loadFileTrace(file, entry), [file, entry]);

  const source = fromFile ? undefined : context.source;
  const hasRange = params.has('from');
  const key = source ? `${source.uid}|${traceId}|${context.carry.from}|${context.carry.to}` : undefined;
  // a store for each load (`key`), so that no report of an earlier load shows; only the progress
  // line reads it (latestValue.ts)
  // eslint-disable-next-line react-hooks/exhaustive-deps -- `key` names the load the store is for
  const progress = useMemo(() => latestValue<LoadProgress | undefined>(undefined), [key]);
  const [cancelledKey, setCancelledKey] = useState<string>();
  const cancelled = key !== undefined && key === cancelledKey;
  // cancelling drops the key: useAsync aborts the load, which ends the worker and its download
  const fetched = useAsync(cancelled ? undefined : key, (signal) =>
    loadTrace(source!, traceId, {
      range: hasRange ? context.resolveSeconds() : undefined,
      signal,
      stream: { onProgress: (value) => !signal.aborted && progress.set(value) },
    })
  );
  const control = {
    cancelled,
    cancel: () => setCancelledKey(key),
    retry: () => setCancelledKey(undefined),
  };
  return fromFile
    ? { loading: false, value: fileTrace, fromFile, file, progress, ...control }
    : { ...fetched, fromFile, progress, ...control };
}
