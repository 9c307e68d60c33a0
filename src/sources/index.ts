/**
 * Trace sources — public API. {@link createTraceSource} picks the Tempo or Jaeger implementation of
 * {@link TraceSource} for a Grafana datasource and reaches it through Grafana's datasource proxy.
 */
import { createJaegerClient, createTempoClient, dataError } from '../data';
import { createGrafanaProxyTransport } from '../data/grafana-transport';
import { createJaegerSource } from './jaeger-source';
import { createTempoSource } from './tempo-source';
import { SourceRef, TraceSource } from './types';

export type * from './types';
export { createJaegerSource } from './jaeger-source';
export { createTempoSource } from './tempo-source';

export function createTraceSource(ref: SourceRef): TraceSource {
  switch (ref.type) {
    case 'tempo': {
      const transport = createGrafanaProxyTransport(ref.uid, 'Tempo');
      return createTempoSource(createTempoClient(transport), ref.uid, transport.target);
    }
    case 'jaeger': {
      const transport = createGrafanaProxyTransport(ref.uid, 'Jaeger');
      return createJaegerSource(createJaegerClient(transport), ref.uid, transport.target);
    }
    default:
      throw dataError('datasource-wrong-type', { uid: ref.uid, type: ref.type });
  }
}
