/**
 * The trace datasource a page reads, from its uid: Grafana's datasource list gives its type, and
 * the type picks the TraceSource (Tempo or Jaeger). An unknown uid or another type gives a
 * DataError saying so, for the page to show.
 */
import { getDataSourceSrv } from '@grafana/runtime';
import { DataError, dataError } from '../data';
import { createTraceSource, TraceSource } from '../sources';

/** Grafana plugin types TraceLens reads traces from. */
export const TRACE_DATASOURCE_TYPES = ['tempo', 'jaeger'];

export type ResolvedSource = { source: TraceSource; error?: undefined } | { source?: undefined; error: DataError };

export function resolveTraceSource(uid: string): ResolvedSource {
  // `@grafana/runtime/unstable` is not among the modules Grafana hands a plugin at run time (the
  // bundle would carry its own copy): the datasource service is what every supported Grafana has.
  // eslint-disable-next-line @typescript-eslint/no-deprecated
  const settings = getDataSourceSrv().getInstanceSettings(uid);
  if (!settings) {
    return {
      error: dataError('no-datasource', { uid }),
    };
  }
  try {
    return { source: createTraceSource({ uid: settings.uid, type: settings.type }) };
  } catch (e) {
    return { error: e instanceof DataError ? e : new DataError('datasource-not-found', String(e)) };
  }
}
