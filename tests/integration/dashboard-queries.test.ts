/**
 * The provisioned "TraceLens overview" dashboard's queries, with its variables interpolated as
 * Grafana would (`$service` at its default value, `$__rate_interval` as 5m): against the real
 * Prometheus fed by the real collector, the service variable lists the batch's services and every
 * span-metrics query returns one series per service; the TraceQL targets (no live Tempo here)
 * parse with Grafana's TraceQL grammar without an error node.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parser } from '@grafana/lezer-traceql';
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
const { prom } = clients();
const batch = loadBatch();
const targets = (type: string) =>
  dashboard.panels.flatMap((p) =>
    p.targets.filter((t) => t.datasource.type === type).map((t) => [`panel ${p.id} ${t.refId}`, t] as const)
  );

describe('TraceLens overview dashboard against the real Prometheus and Grafana’s TraceQL grammar', () => {
  it('service variable: label_values lists the default service and every batch service', async () => {
    const m = /^label_values\((\w+), (\w+)\)$/.exec(serviceVar.definition ?? '');
    expect(m).not.toBeNull();
    const values = await prom.labelValues(m![2], { match: m![1] });
    const services = new Set(batch.truth.flatMap((t) => t.services));
    expect(values).toEqual(expect.arrayContaining([service, ...services]));
  });

  it.each(targets('tempo'))('%s: TraceQL parses with Grafana’s grammar, no error node', (_where, target) => {
    const errors: string[] = [];
    parser.parse(interpolate(target.query!)).iterate({
      enter: (node) => {
        if (node.type.isError) {
          errors.push(`error node at ${node.from}`);
        }
      },
    });
    expect(errors).toEqual([]);
  });

  it.each(targets('prometheus'))(
    '%s: one positive series per service (p95 or self-time rate)',
    async (_where, target) => {
      const res = await prom.query(interpolate(target.expr!), nowSec());
      expect(res.resultType).toBe('vector');
      const samples = res.result as Array<{ metric: Record<string, string>; value: [number, string] }>;
      const services = new Set(batch.truth.flatMap((t) => t.services));
      expect(new Set(samples.map((s) => s.metric.service_name))).toEqual(services);
      for (const s of samples) {
        expect(Number(s.value[1])).toBeGreaterThan(0);
      }
    }
  );
});
