/**
 * The provisioned "TraceLens overview" dashboard's queries against the real Tempo and
 * Prometheus, with its variables interpolated as Grafana would (`$service` at its default value,
 * `$__rate_interval` as 5m): the service variable lists the batch's services, the breakdown
 * panels' TraceQL lists exactly the batch traces rooted in the service, the traces table every
 * trace that visited it, and every span-metrics query returns one series per service.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { clients, loadBatch, nowSec } from './stack';

interface Target {
  refId: string;
  datasource: { type: string };
  query?: string;
  expr?: string;
}
interface Dashboard {
  panels: Array<{ id: number; type: string; targets: Target[] }>;
  templating: { list: Array<{ name: string; current: { value: string }; definition?: string }> };
}

const dashboard: Dashboard = JSON.parse(
  readFileSync(join(__dirname, '../../provisioning/dashboards/overview.json'), 'utf8')
);
const serviceVar = dashboard.templating.list.find((v) => v.name === 'service')!;
const service = serviceVar.current.value;
const interpolate = (text: string) =>
  text.replace(/\$\{service\}|\$service\b/g, service).replace(/\$__rate_interval/g, '5m');
const { tempo, prom } = clients();
const batch = loadBatch();
const range = { start: batch.startSec - 1, end: batch.endSec + 1, limit: 1000 };
const targets = (type: string) =>
  dashboard.panels.flatMap((p) =>
    p.targets.filter((t) => t.datasource.type === type).map((t) => [`panel ${p.id} ${t.refId}`, t] as const)
  );
const sorted = (ids: string[]) => [...ids].sort();

describe('TraceLens overview dashboard against the real stack', () => {
  it('service variable: label_values lists the default service and every batch service', async () => {
    const m = /^label_values\((\w+), (\w+)\)$/.exec(serviceVar.definition ?? '');
    expect(m).not.toBeNull();
    const values = await prom.labelValues(m![2], { match: m![1] });
    const services = new Set(batch.truth.flatMap((t) => t.services));
    expect(values).toEqual(expect.arrayContaining([service, ...services]));
  });

  it.each(targets('tempo'))('%s: TraceQL lists exactly the batch traces it should', async (_where, target) => {
    const res = await tempo.search(interpolate(target.query!), range);
    const rootsOnly = target.query!.includes('nestedSetParent < 0');
    const want = batch.truth.filter((t) => (rootsOnly ? t.rootService === service : t.services.includes(service)));
    expect(want.length).toBeGreaterThan(0);
    expect(sorted((res.traces ?? []).map((t) => t.traceID.padStart(32, '0')))).toEqual(
      sorted(want.map((t) => t.traceId))
    );
  });

  it.each(targets('prometheus'))('%s: one positive p95 series per service', async (_where, target) => {
    const res = await prom.query(interpolate(target.expr!), nowSec());
    expect(res.resultType).toBe('vector');
    const samples = res.result as Array<{ metric: Record<string, string>; value: [number, string] }>;
    const services = new Set(batch.truth.flatMap((t) => t.services));
    expect(new Set(samples.map((s) => s.metric.service))).toEqual(services);
    for (const s of samples) {
      expect(Number(s.value[1])).toBeGreaterThan(0);
    }
  });
});
