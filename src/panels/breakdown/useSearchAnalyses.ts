import { useEffect, useState } from 'react';
import { createGrafanaProxyTransport } from '../../data/grafana-transport';
import { createTempoClient } from '../../data/tempo/client';
import { FetchedAnalyses, fetchAnalyses } from './fetch-traces';
import { SearchHit } from './frames';

export type SearchState =
  { status: 'idle' } | { status: 'loading'; done: number; total: number } | { status: 'done'; result: FetchedAnalyses };

export interface SearchRequest {
  tempoUid: string;
  hits: SearchHit[];
  /** Unix seconds */
  start: number;
  end: number;
}

/**
 * Fetches and analyses the listed traces through Grafana's datasource proxy. A new request (other
 * traces, datasource or time range — e.g. a dashboard refresh) or unmounting cancels the previous one.
 */
export function useSearchAnalyses(request: SearchRequest | undefined): SearchState {
  const key = request
    ? JSON.stringify([request.tempoUid, request.start, request.end, request.hits.map((h) => h.traceId)])
    : '';
  // the state of the request with `key`; a state of an earlier request is not shown
  const [state, setState] = useState<{ key: string; state: SearchState }>({ key: '', state: { status: 'idle' } });
  useEffect(() => {
    if (!request) {
      return;
    }
    const controller = new AbortController();
    const client = createTempoClient(createGrafanaProxyTransport(request.tempoUid, 'Tempo'));
    const ids = request.hits.map((h) => h.traceId);
    const set = (next: SearchState) => !controller.signal.aborted && setState({ key, state: next });
    fetchAnalyses(
      client,
      ids,
      { start: request.start, end: request.end },
      {
        signal: controller.signal,
        onProgress: (done, total) => set({ status: 'loading', done, total }),
      }
    ).then((result) => set({ status: 'done', result }));
    return () => controller.abort();
    // `key` identifies the request; the object itself is rebuilt on every render
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [key]);
  if (!request) {
    return { status: 'idle' };
  }
  return state.key === key ? state.state : { status: 'loading', done: 0, total: request.hits.length };
}
