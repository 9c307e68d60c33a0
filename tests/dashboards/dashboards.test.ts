/**
 * The provisioned dashboards are checked against what they depend on: the dashboard provider
 * reads the folder docker-compose mounts; every datasource a panel, query or variable names is a
 * provisioned datasource of that type (directly or through a datasource variable); every
 * `$variable` used is defined; breakdown panels use the panel's plugin id, options its editor
 * declares with values it accepts, and Tempo searches listing at least as many traces as they
 * fetch, or (all traffic) a Prometheus query of the TraceLens connector's histograms; span-metrics
 * queries use the OTel scheme that the OpenTelemetry Collector's span_metrics connector writes in
 * the compose demo and the test stack (ms histograms, label service_name), connector queries the
 * names its tracelens_latency connector writes there (Prometheus 2 naming), and the p95 overlay and
 * axis say ms; the app's manifest ships the overview dashboard.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';
import { parse } from 'yaml';
import { PanelOptionsEditorBuilder, PanelOptionsEditorItem, standardEditorsRegistry } from '@grafana/data';
import { plugin as breakdownPlugin } from '../../src/panels/breakdown/module';
import { connectorMeasureOf } from '../../src/panels/breakdown/allTraffic';
import { PRESET_SCHEMES } from '../../src/data/spanmetrics/scheme';
import { latencyMetricsNames } from '../../src/data/latencymetrics/scheme';

const repo = resolve(__dirname, '../..');
const read = (file: string) => readFileSync(join(repo, file), 'utf8');
const DASHBOARD_DIR = 'provisioning/dashboards';

interface DatasourceRef {
  type?: string;
  uid?: string;
}
interface Panel {
  id: number;
  type: string;
  title: string;
  datasource?: DatasourceRef;
  targets?: Array<Record<string, unknown> & { refId: string; datasource?: DatasourceRef }>;
  options?: Record<string, unknown>;
  gridPos: { x: number; y: number; w: number; h: number };
}
interface Variable {
  name: string;
  type: string;
  query: unknown;
  datasource?: DatasourceRef;
  current?: { value: string };
}
interface Dashboard {
  uid: string;
  title: string;
  panels: Panel[];
  templating: { list: Variable[] };
}

const provider = parse(read(`${DASHBOARD_DIR}/tracelens.yaml`));
const files = readdirSync(join(repo, DASHBOARD_DIR)).filter((f) => f.endsWith('.json'));
const dashboards: Array<[string, Dashboard]> = files.map((f) => [f, JSON.parse(read(`${DASHBOARD_DIR}/${f}`))]);
const provisioned: Array<{ uid: string; type: string }> = readdirSync(join(repo, 'provisioning/datasources')).flatMap(
  (f) => parse(read(`provisioning/datasources/${f}`)).datasources
);
const panelManifest = JSON.parse(read('src/panels/breakdown/plugin.json'));
const appManifest = JSON.parse(read('plugin.json'));

/** Every option editor of the breakdown panel, by option path. */
function optionSchema(): Map<string, PanelOptionsEditorItem> {
  // Grafana fills this registry with its editor components at boot; the ids are what matters here
  const editors = ['radio', 'select', 'text', 'number', 'boolean'];
  standardEditorsRegistry.setInit(() => editors.map((id) => ({ id, name: id, editor: () => null })));
  const builder = new PanelOptionsEditorBuilder<Record<string, unknown>>();
  breakdownPlugin.getPanelOptionsSupplier()(builder as never, { data: [] });
  return new Map(builder.getItems().map((item) => [item.path, item]));
}

/** The provisioned uid a reference resolves to (through a datasource variable's current value). */
function resolveUid(ref: DatasourceRef, variables: Variable[]): { uid: string; via?: Variable } {
  const m = /^\$\{?(\w+)\}?$/.exec(ref.uid ?? '');
  if (!m) {
    return { uid: ref.uid ?? '' };
  }
  const via = variables.find((v) => v.name === m[1]);
  return { uid: via?.current?.value ?? `(undefined variable ${m[1]})`, via };
}

describe('dashboard provider', () => {
  it('reads the JSON files of provisioning/dashboards where docker-compose mounts them', () => {
    const compose = parse(read('docker-compose.yaml'));
    const mount = (compose.services.grafana.volumes as string[])
      .map((v) => v.split(':'))
      .find(([from]) => from === './provisioning');
    expect(provider.apiVersion).toBe(1);
    expect(provider.providers).toHaveLength(1);
    expect(provider.providers[0]).toMatchObject({ type: 'file', folder: 'TraceLens' });
    expect(provider.providers[0].options.path).toBe(`${mount![1]}/dashboards`);
    expect(dashboards.map(([, d]) => d.title)).toContain('TraceLens overview');
  });

  it('ships the overview in the app plugin too (plugin.json includes)', () => {
    const included = appManifest.includes.filter((i: { type: string }) => i.type === 'dashboard');
    expect(included).toEqual([{ type: 'dashboard', name: 'TraceLens overview', path: 'dashboards/overview.json' }]);
    expect(files).toContain(basename(included[0].path));
  });
});

describe.each(dashboards)('%s', (_file, dashboard) => {
  const variables = dashboard.templating.list;
  const refs: Array<[string, DatasourceRef]> = [
    ...variables.filter((v) => v.datasource).map((v): [string, DatasourceRef] => [`variable ${v.name}`, v.datasource!]),
    ...dashboard.panels.flatMap((p) => [
      ...(p.datasource?.uid === '-- Mixed --' ? [] : [[`panel ${p.id}`, p.datasource!] as [string, DatasourceRef]]),
      ...(p.targets ?? []).map((t): [string, DatasourceRef] => [
        `panel ${p.id} query ${t.refId}`,
        t.datasource ?? p.datasource!,
      ]),
    ]),
  ];

  it('names only provisioned datasources of the right type', () => {
    expect(refs.length).toBeGreaterThan(0);
    for (const [where, ref] of refs) {
      const { uid, via } = resolveUid(ref, variables);
      const ds = provisioned.find((d) => d.uid === uid);
      expect({ where, uid, type: ds?.type }).toEqual({ where, uid, type: ref.type });
      if (via) {
        expect({ where, variableType: via.type, query: via.query }).toEqual({
          where,
          variableType: 'datasource',
          query: ref.type,
        });
      }
    }
  });

  it('defines every variable it uses', () => {
    const text = JSON.stringify(dashboard);
    const used = new Set(
      [...text.matchAll(/\$\{(\w+)(?::\w+)?\}|\$(\w+)|\[\[(\w+)\]\]/g)].map((m) => m[1] ?? m[2] ?? m[3])
    );
    const defined = new Set(variables.map((v) => v.name));
    const builtin = (name: string) => name.startsWith('__');
    expect([...used].filter((name) => !builtin(name) && !defined.has(name))).toEqual([]);
    expect([...defined].filter((name) => !used.has(name))).toEqual([]);
  });

  it('queries span metrics and the TraceLens connector’s histograms by the names the collector writes', () => {
    const scheme = PRESET_SCHEMES.otel;
    const connector = latencyMetricsNames('tracelens', '_');
    const connectorNames = [connector.selfTime, connector.criticalPath].flatMap((h) =>
      ['_sum', '_count', '_bucket'].map((suffix) => `${h}${suffix}`)
    );
    const exprs = [
      ...dashboard.panels
        .flatMap((p) => (p.targets ?? []).map((t) => t.expr))
        .filter((e): e is string => typeof e === 'string'),
      ...variables.map((v) => (v.query as { query?: string })?.query).filter((q): q is string => typeof q === 'string'),
    ];
    expect(exprs.length).toBeGreaterThan(0);
    for (const expr of exprs) {
      const metrics = expr.match(/traces_[a-z_]+/g) ?? [];
      const connectorMetrics = expr.match(/tracelens_[a-z_]+/g) ?? [];
      expect(metrics.length + connectorMetrics.length).toBeGreaterThan(0);
      for (const metric of metrics) {
        expect([scheme.callsMetric, `${scheme.latencyMetric}_bucket`]).toContain(metric);
      }
      for (const metric of connectorMetrics) {
        expect(connectorNames).toContain(metric);
      }
      expect(expr).toMatch(new RegExp(`\\b${scheme.labels.service}\\b`));
    }
  });

  it('shows span-metrics latencies in the unit the OTel scheme writes (ms)', () => {
    const unit = PRESET_SCHEMES.otel.latencyUnitsPerSecond === 1000 ? 'ms' : 's';
    for (const p of dashboard.panels) {
      const latency = (p.targets ?? []).some((t) => typeof t.expr === 'string' && /_bucket\b/.test(t.expr));
      if (!latency) {
        continue;
      }
      const shown = p.type.startsWith('tracelens-')
        ? p.options?.overlayUnit
        : (p as Panel & { fieldConfig?: { defaults?: { unit?: string } } }).fieldConfig?.defaults?.unit;
      expect({ panel: p.id, unit: shown }).toEqual({ panel: p.id, unit });
    }
  });

  it('lays panels out on the 24-column grid without overlaps', () => {
    const cells = new Set<string>();
    for (const { gridPos: g, id } of dashboard.panels) {
      expect(g.x + g.w).toBeLessThanOrEqual(24);
      for (let x = g.x; x < g.x + g.w; x++) {
        for (let y = g.y; y < g.y + g.h; y++) {
          expect({ id, cell: cells.has(`${x},${y}`) }).toEqual({ id, cell: false });
          cells.add(`${x},${y}`);
        }
      }
    }
    expect(new Set(dashboard.panels.map((p) => p.id)).size).toBe(dashboard.panels.length);
  });
});

describe('breakdown panels', () => {
  const schema = optionSchema();
  const panels = dashboards.flatMap(([, d]) => d.panels.filter((p) => p.type.startsWith('tracelens-')));

  it('exist and use the nested panel plugin id', () => {
    expect(panels.length).toBeGreaterThanOrEqual(2);
    expect(new Set(panels.map((p) => p.type))).toEqual(new Set([panelManifest.id]));
  });

  it.each(panels.map((p) => [p.title, p] as const))('%s: options match the panel editor', (_title, panel) => {
    const options = panel.options ?? {};
    expect(Object.keys(options).sort()).toEqual([...schema.keys()].sort());
    for (const [path, value] of Object.entries(options)) {
      const item = schema.get(path)!;
      expect({ path, type: typeof value }).toEqual({ path, type: typeof item.defaultValue });
      const choices = (item.settings as { options?: Array<{ value: unknown }> } | undefined)?.options;
      if (choices) {
        expect({ path, allowed: choices.map((c) => c.value).includes(value) }).toEqual({ path, allowed: true });
      }
      const range = item.settings as { min?: number; max?: number; integer?: boolean } | undefined;
      if (typeof value === 'number') {
        expect(value).toBeGreaterThanOrEqual(range?.min ?? -Infinity);
        expect(value).toBeLessThanOrEqual(range?.max ?? Infinity);
        expect(range?.integer ? Number.isInteger(value) : true).toBe(true);
      }
    }
  });

  const isTempo = (panel: Panel) => (t: NonNullable<Panel['targets']>[number]) =>
    (t.datasource ?? panel.datasource)?.type === 'tempo';
  const tracePanels = panels.filter((p) => (p.targets ?? []).some(isTempo(p)));
  const allTrafficPanels = panels.filter((p) => !tracePanels.includes(p));

  it('include an all-traffic one', () => {
    expect(allTrafficPanels.map((p) => p.title)).toEqual(['Self time per service — all traffic']);
  });

  it.each(allTrafficPanels.map((p) => [p.title, p] as const))(
    '%s: one Prometheus query of the connector’s self-time histogram, per service, without an overlay',
    (_title, panel) => {
      const targets = panel.targets ?? [];
      expect(targets.map((t) => (t.datasource ?? panel.datasource)?.type)).toEqual(['prometheus']);
      const frame = { refId: targets[0].refId, fields: [], length: 0 };
      expect(connectorMeasureOf(frame, { targets } as never)).toBe(panel.options!.measure);
      expect(targets[0].expr).toMatch(/^sum by \(service_name\) /);
      expect(panel.options).toMatchObject({ groupBy: 'service', view: 'bars', showOverlay: false });
    }
  );

  it.each(tracePanels.map((p) => [p.title, p] as const))(
    '%s: a Tempo TraceQL search listing at least the traces it fetches',
    (_title, panel) => {
      const tempo = (panel.targets ?? []).filter((t) => (t.datasource ?? panel.datasource)?.type === 'tempo');
      expect(tempo).toHaveLength(1);
      expect(tempo[0]).toMatchObject({ queryType: 'traceql', tableType: 'traces' });
      expect(tempo[0].limit as number).toBeGreaterThanOrEqual(panel.options!.maxTraces as number);
    }
  );
});
