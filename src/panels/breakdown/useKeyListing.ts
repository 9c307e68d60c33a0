/**
 * The attribute names (span and resource scope, each once) a trace datasource lists over a time
 * range, for the panel's "Attribute key" editor: Tempo lists them (its search tags API, one request
 * per scope); Jaeger has no such API (`unlisted`). A new datasource or range lists again and drops
 * the previous request; a failure is kept to be shown, never thrown.
 */
import { useEffect, useMemo, useState } from 'react';
import { createTraceSource } from '../../sources';
import type { SearchRange } from '../../sources/types';
import type { TraceDatasource } from './input';

export type KeyListing =
  /** no datasource known */
  | { status: 'none' }
  /** the datasource lists no attribute names */
  | { status: 'unlisted' }
  | { status: 'loading' }
  | { status: 'listed'; names: string[] }
  | { status: 'failed'; error: unknown };

export function useKeyListing(source: TraceDatasource | undefined, range: SearchRange): KeyListing {
  const key = source ? JSON.stringify([source.uid, source.type, range.start, range.end]) : '';
  // `key` stands for the datasource and the range; the objects are rebuilt on every render
  // eslint-disable-next-line react-hooks/exhaustive-deps
  const traceSource = useMemo(() => (source ? createTraceSource(source) : undefined), [source?.uid, source?.type]);
  const [state, setState] = useState<{ key: string; listing: KeyListing }>({ key: '', listing: { status: 'none' } });
  const lists = traceSource?.capabilities.tagSuggestions ?? false;
  useEffect(() => {
    if (!traceSource || !lists) {
      return;
    }
    const controller = new AbortController();
    const request = { signal: controller.signal };
    Promise.all([traceSource.tagNames('span', range, request), traceSource.tagNames('resource', range, request)]).then(
      ([span, resource]) =>
        setState({ key, listing: { status: 'listed', names: [...new Set([...span, ...resource])] } }),
      (error: unknown) => !controller.signal.aborted && setState({ key, listing: { status: 'failed', error } })
    );
    return () => controller.abort();
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [key, lists]);
  if (!traceSource) {
    return { status: 'none' };
  }
  if (!lists) {
    return { status: 'unlisted' };
  }
  return state.key === key ? state.listing : { status: 'loading' };
}
