/** Test helper: a datasource service listing one Tempo (uid tempo) and one Prometheus (uid prometheus). */
import { DataSourceSrv, setDataSourceSrv } from '@grafana/runtime';

const DATASOURCES = [
  { uid: 'tempo', name: 'Tempo', type: 'tempo', meta: { id: 'tempo', info: { logos: {} } } },
  { uid: 'prometheus', name: 'Prometheus', type: 'prometheus', meta: { id: 'prometheus', info: { logos: {} } } },
];

export function installFakeDatasources(): void {
  const find = (ref: unknown) =>
    DATASOURCES.find((d) => d.uid === (typeof ref === 'string' ? ref : (ref as { uid?: string } | undefined)?.uid));
  setDataSourceSrv({
    getList: (filters: { pluginId?: string; type?: string } = {}) =>
      DATASOURCES.filter((d) => !(filters.pluginId ?? filters.type) || d.type === (filters.pluginId ?? filters.type)),
    getInstanceSettings: find,
    get: async (ref: unknown) => find(ref),
    reload: async () => {},
    registerRuntimeDataSource: () => {},
  } as unknown as DataSourceSrv);
}
