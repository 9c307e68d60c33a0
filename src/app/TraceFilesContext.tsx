/**
 * The trace files opened in this tab (traceFiles.ts), held in the App's React state and shared
 * with the pages through context: the open-file page adds to it, the trace page reads from it.
 */
import React, { createContext, useCallback, useContext, useMemo, useRef, useState } from 'react';
import type { TraceFile } from '../engine';
import { addFile, LoadedFile } from './traceFiles';

export interface TraceFiles {
  files: readonly LoadedFile[];
  /** keeps `file` under `name` and returns it as loaded (with its id) */
  add: (name: string, file: TraceFile) => LoadedFile;
}

const NO_FILES: TraceFiles = {
  files: [],
  add: () => {
    throw new Error('Trace files can be opened only inside the TraceLens app (TraceFilesProvider is missing).');
  },
};

const TraceFilesContext = createContext<TraceFiles>(NO_FILES);

export function TraceFilesProvider({ children }: { children: React.ReactNode }) {
  const [files, setFiles] = useState<readonly LoadedFile[]>([]);
  // the latest list, so two files opened before a render both stay and get distinct ids
  const latest = useRef(files);
  const add = useCallback((name: string, file: TraceFile) => {
    const next = addFile(latest.current, name, file);
    latest.current = next;
    setFiles(next);
    return next[next.length - 1];
  }, []);
  const value = useMemo(() => ({ files, add }), [files, add]);
  return <TraceFilesContext.Provider value={value}>{children}</TraceFilesContext.Provider>;
}

export const useTraceFiles = () => useContext(TraceFilesContext);
