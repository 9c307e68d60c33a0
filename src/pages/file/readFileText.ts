import { t } from '@grafana/i18n';

/**
 * Reads a file (or any Blob) as UTF-8 text with the browser's FileReader, reporting the bytes read
 * so far; aborting `signal` stops the read and rejects with an `AbortError` DOMException.
 */
export function readFileText(file: Blob, onProgress: (loaded: number) => void, signal: AbortSignal): Promise<string> {
  return new Promise((resolve, reject) => {
    if (signal.aborted) {
      reject(new DOMException('Reading the file was cancelled.', 'AbortError'));
      return;
    }
    const reader = new FileReader();
    const onAbort = () => reader.abort();
    signal.addEventListener('abort', onAbort);
    const settle = () => signal.removeEventListener('abort', onAbort);
    reader.onprogress = (e) => onProgress(e.loaded);
    reader.onload = () => {
      settle();
      resolve(reader.result as string);
    };
    reader.onabort = () => {
      settle();
      reject(new DOMException('Reading the file was cancelled.', 'AbortError'));
    };
    reader.onerror = () => {
      settle();
      const reason = reader.error?.message ?? t('file.unknown-error', 'unknown error');
      reject(new Error(t('file.browser-failed', 'The browser could not read the file: {{reason}}', { reason })));
    };
    reader.readAsText(file);
  });
}
