/**
 * Test helper: a datasource service listing one Tempo (uid tempo), one Jaeger (uid jaeger), one
 * Prometheus (uid prometheus) and one Loki (uid loki, a type TraceLens cannot read traces from).
 */
import { DataSourceSrv, setDataSourceSrv } from '@grafana/runtime';

const datasource = (uid: string, type: string, name: string) => ({
  uid,
  name,
  type,
  meta: { id: type, info: { logos: {} } },
});

export const DATASOURCES = [
  datasource('tempo', 'tempo', 'Tempo'),
  datasource('jaeger', 'jaeger', 'Jaeger'),
  datasource('prometheus', 'prometheus', 'Prometheus'),
  datasource('loki', 'loki', 'Loki'),
];

type Filters = { pluginId?: string; type?: string | string[]; filter?: (ds: unknown) => boolean };

export function installFakeDatasources(): void {
  const find = (ref: unknown) =>
    DATASOURCES.find((d) => d.uid === (typeof ref === 'string' ? ref : (ref as { uid?: string } | undefined)?.uid));
  setDataSourceSrv({
    getList: ({ pluginId, type, filter }: Filters = {}) => {
      const types = [pluginId ?? [], type ?? []].flat();
      return DATASOURCES.filter((d) => (!types.length || types.includes(d.type)) && (!filter || filter(d)));
    },
    getInstanceSettings: find,
    get: async (ref: unknown) => find(ref),
    reload: async () => {},
    registerRuntimeDataSource: () => {},
  } as unknown as DataSourceSrv);
}
