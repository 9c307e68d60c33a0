/**
 * Test support: Grafana's datasource service, faked once for unit, dist and harness code, over
 * instance settings shaped as Grafana's boot data gives them (datasourceSettings.ts). It finds
 * them by uid or name, filters its list by plugin type as `getList` does, and `get` fails for an
 * unknown datasource as Grafana's does. `installFakeDatasources` is the unit tests' list: one Tempo,
 * one Jaeger, one Prometheus and one Loki (a type TraceLens cannot read traces from).
 */
import type { DataSourceInstanceSettings } from '@grafana/data';
import { DataSourceSrv, setDataSourceSrv } from '@grafana/runtime';
import { datasourceSettings } from './datasourceSettings';

export function createDataSourceSrv(list: ReadonlyArray<ReturnType<typeof datasourceSettings>>): DataSourceSrv {
  const instances = list as unknown as DataSourceInstanceSettings[];
  const find = (ref: unknown) => {
    const key = typeof ref === 'string' ? ref : (ref as { uid?: string } | null)?.uid;
    return instances.find((ds) => ds.uid === key || ds.name === key);
  };
  return {
    getList: (filters = {}) => {
      const types = [filters.pluginId, ...[filters.type ?? []].flat()].filter(Boolean);
      return instances.filter(
        (ds) => (!types.length || types.includes(ds.type)) && (!filters.filter || filters.filter(ds))
      );
    },
    getInstanceSettings: (ref) => find(ref),
    get: async (ref) => {
      const settings = find(ref);
      if (!settings) {
        throw new Error(`Datasource ${String(ref)} was not found`);
      }
      return { ...settings, getRef: () => ({ uid: settings.uid, type: settings.type }) } as never;
    },
    reload: async () => {},
    registerRuntimeDataSource: () => {},
  } as DataSourceSrv;
}

const DATASOURCES = [
  datasourceSettings(1, 'tempo', 'tempo', 'Tempo'),
  datasourceSettings(2, 'jaeger', 'jaeger', 'Jaeger'),
  datasourceSettings(3, 'prometheus', 'prometheus', 'Prometheus'),
  datasourceSettings(4, 'loki', 'loki', 'Loki'),
];

export function installFakeDatasources(): void {
  setDataSourceSrv(createDataSourceSrv(DATASOURCES));
}
