/**
 * Test support: one datasource's instance settings as Grafana's boot data lists them. Kept apart
 * from the fake service (datasources.ts) because the harness's boot data imports it before
 * `@grafana/runtime` may be loaded.
 */
/** A datasource as Grafana's boot data lists it, proxied through `/api/datasources/proxy/uid/<uid>`. */
export const datasourceSettings = (id: number, uid: string, type: string, name: string, isDefault = false) => ({
  uid,
  type,
  name,
  id,
  isDefault,
  access: 'proxy' as const,
  url: `/api/datasources/proxy/uid/${uid}`,
  jsonData: {},
  meta: { id: type, type: 'datasource', name, info: { logos: { small: '', large: '' } }, module: '', baseUrl: '' },
  readOnly: true,
});
