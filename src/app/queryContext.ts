/**
 * What every page queries against, read from the URL with the app settings as defaults: `ds`
 * (the trace datasource, Tempo or Jaeger; old links say `tempo`), `prom` (Prometheus) and the
 * `from` / `to` time range (Grafana's syntax: `now-1h`, or epoch milliseconds). Traces come from
 * `source` (a TraceSource for the datasource's type); when the uid or its type is unusable,
 * `sourceError` says why. Everything reaches the datasources through Grafana's datasource proxy.
 */
import { useMemo } from 'react';
import { dateTime, rangeUtil, RawTimeRange, TimeRange } from '@grafana/data';
import { createPrometheusClient } from '../data';
import { createGrafanaProxyTransport } from '../data/grafana-transport';
import { useAppSettings } from './AppSettingsContext';
import { resolveTraceSource } from './traceSource';
import { useUrlState } from './urlState';

export const DEFAULT_RANGE = { from: 'now-1h', to: 'now' };

const asTime = (text: string) => (/^\d+$/.test(text) ? dateTime(Number(text)) : text);

export function parseRange(from: string, to: string): TimeRange {
  return rangeUtil.convertRawToRange({ from: asTime(from), to: asTime(to) } as RawTimeRange);
}

/** URL form of a range: relative text stays, absolute times become epoch ms. */
export function rangeParams(raw: RawTimeRange): { from: string; to: string } {
  const text = (t: RawTimeRange['from']) => (typeof t === 'string' ? t : String(t.valueOf()));
  return { from: text(raw.from), to: text(raw.to) };
}

const toSeconds = (range: TimeRange) => ({
  start: Math.floor(range.from.valueOf() / 1000),
  end: Math.ceil(range.to.valueOf() / 1000),
});

export function useQueryContext() {
  const settings = useAppSettings();
  const { params, update } = useUrlState();
  const traceUid = params.get('ds') || params.get('tempo') || settings.tempoDatasourceUid || 'tempo';
  const promUid = params.get('prom') || settings.prometheusDatasourceUid || 'prometheus';
  const from = params.get('from') || DEFAULT_RANGE.from;
  const to = params.get('to') || DEFAULT_RANGE.to;
  const range = useMemo(() => parseRange(from, to), [from, to]);
  const resolved = useMemo(() => resolveTraceSource(traceUid), [traceUid]);
  const clients = useMemo(
    () => ({ prom: createPrometheusClient(createGrafanaProxyTransport(promUid, 'Prometheus')) }),
    [promUid]
  );
  return {
    /** uid of the trace datasource (Tempo or Jaeger) */
    traceUid,
    /** where traces come from; undefined when `sourceError` says why not */
    source: resolved.source,
    sourceError: resolved.error,
    promUid,
    range,
    /** the range in Unix seconds, as the clients take it (relative ranges as of the page's render) */
    seconds: toSeconds(range),
    /** the range in Unix seconds as of now: loaders call this so a rerun sees fresh data */
    resolveSeconds: () => toSeconds(parseRange(from, to)),
    /** the URL parameters that carry this context to another page */
    carry: { ds: traceUid, prom: promUid, from, to },
    clients,
    setRange: (raw: RawTimeRange) => update(rangeParams(raw), { push: true }),
    setTraceUid: (uid: string) => update({ ds: uid, tempo: undefined }, { push: true }),
    setProm: (uid: string) => update({ prom: uid }, { push: true }),
  };
}

export type QueryContext = ReturnType<typeof useQueryContext>;
