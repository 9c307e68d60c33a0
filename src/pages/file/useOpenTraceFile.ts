/**
 * Opening a trace file: read the file's text (progress in bytes, cancellable), let the page paint
 * "Reading traces…", detect the format and read every trace (`readTraceFile`), keep the result in
 * the App's trace files and hand it to `onOpened`. A file the engine cannot read — a file without
 * spans included — becomes a failure (the TraceParseError's message, which says what and where,
 * in the user's language where the reader gave words, components/errorText.ts); the page stays usable.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import { t } from '@grafana/i18n';
import { readTraceFile, TraceFile } from '../../engine';
import { errorText } from '../../components/errorText';
import { readFileText } from './readFileText';
import { useTraceFiles } from '../../app/TraceFilesContext';
import { LoadedFile } from '../../app/traceFiles';

export type OpenProgress =
  { step: 'reading'; name: string; loaded: number; total: number } | { step: 'parsing'; name: string };

export interface OpenFailure {
  /** the file's name, or "pasted text" */
  name: string;
  message: string;
}

/** Resolves after the browser has had a chance to paint. */
const nextPaint = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

const isAbort = (e: unknown) => e instanceof DOMException && e.name === 'AbortError';

export function useOpenTraceFile(onOpened: (file: LoadedFile) => void) {
  const { add } = useTraceFiles();
  const [progress, setProgress] = useState<OpenProgress>();
  const [failure, setFailure] = useState<OpenFailure>();
  const [cancelled, setCancelled] = useState<string>();
  const running = useRef<AbortController>();
  useEffect(() => () => running.current?.abort(), []);

  const run = useCallback(
    async (name: string, text: (signal: AbortSignal) => Promise<string>) => {
      running.current?.abort();
      const controller = new AbortController();
      running.current = controller;
      setFailure(undefined);
      setCancelled(undefined);
      let file: TraceFile;
      try {
        const content = await text(controller.signal);
        setProgress({ step: 'parsing', name });
        await nextPaint();
        if (controller.signal.aborted) {
          throw new DOMException('Reading the file was cancelled.', 'AbortError');
        }
        // a file without traces throws: `file` holds at least one
        file = readTraceFile(content);
      } catch (e) {
        // a run replaced by a newer one says nothing
        if (running.current === controller) {
          if (isAbort(e)) {
            setCancelled(name);
          } else {
            setFailure({ name, message: errorText(e) });
          }
        }
        return;
      } finally {
        if (running.current === controller) {
          setProgress(undefined);
        }
      }
      onOpened(add(name, file));
    },
    [add, onOpened]
  );

  const openFile = useCallback(
    (file: File) =>
      run(file.name, (signal) => {
        setProgress({ step: 'reading', name: file.name, loaded: 0, total: file.size });
        return readFileText(
          file,
          (loaded) => !signal.aborted && setProgress({ step: 'reading', name: file.name, loaded, total: file.size }),
          signal
        );
      }),
    [run]
  );
  const openText = useCallback((text: string) => run(t('file.pasted-text', 'pasted text'), async () => text), [run]);
  const cancel = useCallback(() => running.current?.abort(), []);

  return { progress, failure, cancelled, openFile, openText, cancel };
}
