/**
 * Offline checks of docker-compose.yaml and provisioning/ (no Docker here): every image pinned to
 * an exact version, ports published on 127.0.0.1 only, mounted paths exist, every service a
 * config or `depends_on` names exists; the demo's OpenTelemetry Collector config parses and routes
 * the generator's traces to both Tempo and Jaeger and span metrics to Prometheus; Jaeger v2 runs
 * Badger with its query API on 16686; Tempo no longer generates span metrics; every provisioned
 * datasource URL names a compose service on a port it listens on; Tempo and Jaeger link to
 * Prometheus with metric and label names that the collector's span_metrics connector produces.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parse } from 'yaml';

const repo = resolve(__dirname, '../..');
const readYaml = (file: string) => parse(readFileSync(join(repo, file), 'utf8'));

interface Service {
  image: string;
  ports?: string[];
  volumes?: string[];
  environment?: Record<string, string>;
  command?: string[];
  depends_on?: string[];
}
const compose: { services: Record<string, Service>; volumes?: Record<string, unknown> } =
  readYaml('docker-compose.yaml');
const services = compose.services;

/** container port → published by `host:port:container` or `port:container` */
const containerPorts = (s: Service) => (s.ports ?? []).map((p) => Number(p.split(':').pop()));
const mounts = (s: Service) => (s.volumes ?? []).map((v) => v.split(':'));
/** the host file mounted at `target` in service `s` */
const mountedFrom = (s: Service, target: string) => mounts(s).find(([, to]) => to === target)?.[0];

/** `host:port` → [host, port] (also for `http://host:port/path`) */
function hostPort(endpoint: string): [string, number] {
  const u = new URL(endpoint.includes('://') ? endpoint : `tcp://${endpoint}`);
  return [u.hostname, Number(u.port)];
}

const COLLECTOR = 'otel-collector';
const collectorConfigPath = () => mountedFrom(services[COLLECTOR], '/etc/otelcol-contrib/config.yaml')!;
const jaegerConfigPath = () => mountedFrom(services.jaeger, '/etc/jaeger/config.yaml')!;

/** Component type of a collector component id (`otlp_grpc/tempo` → `otlp_grpc`). */
const typeOf = (id: string) => id.split('/')[0];

/** Ports a compose service listens on inside the network, from its published ports and its config. */
function listeningPorts(name: string): number[] {
  const s = services[name];
  const ports = [...containerPorts(s)];
  if (name === 'tempo') {
    const env = s.environment ?? {};
    ports.push(Number(env.TEMPO_HTTP_PORT), Number(env.TEMPO_OTLP_GRPC_PORT), Number(env.TEMPO_OTLP_HTTP_PORT));
  }
  if (name === 'jaeger') {
    const j = readYaml(jaegerConfigPath().slice(2));
    for (const p of Object.values<{ endpoint: string }>(j.receivers.otlp.protocols)) {
      ports.push(hostPort(p.endpoint)[1]);
    }
    ports.push(hostPort(j.extensions.jaeger_query.http.endpoint)[1]);
  }
  return ports;
}

describe('docker-compose.yaml', () => {
  it('runs Grafana, Tempo, Jaeger, the OpenTelemetry Collector, Prometheus and the generator', () => {
    expect(Object.keys(services).sort()).toEqual(
      ['generator', 'grafana', 'jaeger', COLLECTOR, 'prometheus', 'tempo'].sort()
    );
  });

  it.each(Object.entries(services))(
    '%s pins its image to an exact version (no :latest, no missing tag)',
    (_name, s) => {
      expect(s.image).toMatch(/^[a-z0-9./-]+:v?\d+\.\d+\.\d+(-[a-z0-9.-]+)?$/);
    }
  );

  it('pins the collector to contrib 0.165.1 and Jaeger to 2.13.0 (module v1.76.0, as the test stack)', () => {
    expect(services[COLLECTOR].image).toBe('otel/opentelemetry-collector-contrib:0.165.1');
    expect(services.jaeger.image).toBe('jaegertracing/jaeger:2.13.0');
    const manifest = readFileSync(join(repo, 'tests/stack/otelcol/manifest.yaml'), 'utf8');
    expect(manifest).toContain('opentelemetry-collector-contrib/connector/spanmetricsconnector v0.165.1');
    const jaegerGoMod = readFileSync(join(repo, 'tests/stack/jaeger/go.mod'), 'utf8');
    expect(jaegerGoMod).toMatch(/github\.com\/jaegertracing\/jaeger v1\.76\.0/);
  });

  it('uses the Grafana version the plugin is built against, with the unsigned plugin allowed', () => {
    const pkg = JSON.parse(readFileSync(join(repo, 'package.json'), 'utf8'));
    expect(services.grafana.image).toBe(`grafana/grafana:${pkg.dependencies['@grafana/runtime']}`);
    expect(services.grafana.environment?.GF_PLUGINS_ALLOW_LOADING_UNSIGNED_PLUGINS).toBe('tracelens-analysis-app');
    expect(mounts(services.grafana)).toEqual(
      expect.arrayContaining([
        ['./dist', '/var/lib/grafana/plugins/tracelens-analysis-app', 'ro'],
        ['./provisioning', '/etc/grafana/provisioning', 'ro'],
      ])
    );
  });

  it.each(Object.entries(services).filter(([, s]) => s.ports))('%s publishes its ports on 127.0.0.1 only', (_n, s) => {
    for (const p of s.ports!) {
      expect(p).toMatch(/^127\.0\.0\.1:\d+:\d+$/);
    }
  });

  it('publishes the standard ports: OTLP on the collector, Tempo and Jaeger query APIs, Grafana, Prometheus', () => {
    expect(services.grafana.ports).toEqual(['127.0.0.1:3000:3000']);
    expect(services[COLLECTOR].ports).toEqual(['127.0.0.1:4317:4317', '127.0.0.1:4318:4318']);
    expect(services.tempo.ports).toEqual(['127.0.0.1:3200:3200']);
    expect(services.jaeger.ports).toEqual(['127.0.0.1:16686:16686']);
    expect(services.prometheus.ports).toEqual(['127.0.0.1:9090:9090']);
  });

  it('gives Tempo ports matching the ones its config expands', () => {
    const env = services.tempo.environment ?? {};
    expect(containerPorts(services.tempo)).toEqual([Number(env.TEMPO_HTTP_PORT)]);
    expect(env.PROMETHEUS_REMOTE_WRITE_URL).toBe('http://prometheus:9090/api/v1/write');
    expect(services.tempo.command).toContain('-config.expand-env=true');
  });

  it('names only compose services in depends_on', () => {
    for (const [name, s] of Object.entries(services)) {
      for (const dep of s.depends_on ?? []) {
        expect({ name, dep, exists: dep in services }).toEqual({ name, dep, exists: true });
      }
    }
  });

  it('mounts the server configs from tests/stack/, and every bind-mounted path exists (dist/ is the build output)', () => {
    expect(mountedFrom(services.tempo, '/etc/tempo/tempo.yaml')).toBe('./tests/stack/tempo.yaml');
    expect(mountedFrom(services.prometheus, '/etc/prometheus/prometheus.yaml')).toBe('./tests/stack/prometheus.yaml');
    expect(collectorConfigPath()).toBe('./tests/stack/compose/otelcol.yaml');
    expect(services[COLLECTOR].command).toEqual(['--config=/etc/otelcol-contrib/config.yaml']);
    expect(jaegerConfigPath()).toBe('./tests/stack/compose/jaeger.yaml');
    expect(services.jaeger.command).toEqual(['--config', 'file:/etc/jaeger/config.yaml']);
    for (const s of Object.values(services)) {
      for (const [source] of mounts(s)) {
        if (source.startsWith('./') && source !== './dist') {
          expect(existsSync(join(repo, source))).toBe(true);
        } else if (!source.startsWith('./')) {
          expect(Object.keys(compose.volumes ?? {})).toContain(source);
        }
      }
    }
  });

  it('runs the generator continuously against the collector’s OTLP/HTTP port', () => {
    const cmd = services.generator.command ?? [];
    const url = cmd[cmd.indexOf('--otlp') + 1];
    expect(cmd).toEqual(expect.arrayContaining(['cli.ts', 'continuous', '--otlp']));
    const [host, port] = hostPort(url);
    expect(host).toBe(COLLECTOR);
    const otlp = readYaml(collectorConfigPath().slice(2)).receivers.otlp.protocols;
    expect(port).toBe(hostPort(otlp.http.endpoint)[1]);
    expect(services.generator.depends_on).toContain(COLLECTOR);
    expect(existsSync(join(repo, 'tests/generator/cli.ts'))).toBe(true);
  });
});

describe('the demo’s OpenTelemetry Collector (tests/stack/compose/otelcol.yaml)', () => {
  const config = readYaml('tests/stack/compose/otelcol.yaml');
  const pipelines: Record<string, { receivers: string[]; processors?: string[]; exporters: string[] }> =
    config.service.pipelines;

  it('defines every component its pipelines use', () => {
    for (const [name, p] of Object.entries(pipelines)) {
      for (const id of p.receivers) {
        expect({ name, id, defined: id in (config.receivers ?? {}) || id in (config.connectors ?? {}) }).toEqual({
          name,
          id,
          defined: true,
        });
      }
      for (const id of p.processors ?? []) {
        expect({ name, id, defined: id in (config.processors ?? {}) }).toEqual({ name, id, defined: true });
      }
      for (const id of p.exporters) {
        expect({ name, id, defined: id in (config.exporters ?? {}) || id in (config.connectors ?? {}) }).toEqual({
          name,
          id,
          defined: true,
        });
      }
    }
  });

  it('listens for OTLP on the ports the compose file publishes', () => {
    const otlp = config.receivers.otlp.protocols;
    expect([hostPort(otlp.grpc.endpoint)[1], hostPort(otlp.http.endpoint)[1]]).toEqual(
      containerPorts(services[COLLECTOR])
    );
  });

  /** exporter id → [compose service, port] it sends to */
  const targets = Object.fromEntries(
    Object.entries<{ endpoint: string }>(config.exporters).map(([id, e]) => [id, hostPort(e.endpoint)])
  );

  it('sends every exporter to a compose service on a port that service listens on', () => {
    for (const [id, [host, port]] of Object.entries(targets)) {
      expect({ id, host, exists: host in services }).toEqual({ id, host, exists: true });
      expect({ id, port, listening: listeningPorts(host).includes(port) }).toEqual({ id, port, listening: true });
    }
  });

  it('routes the traces to both Tempo and Jaeger over OTLP, and into the span_metrics connector', () => {
    const traces = pipelines.traces;
    expect(traces.receivers).toEqual(['otlp']);
    const otlpTargets = traces.exporters
      .filter((id) => ['otlp_grpc', 'otlp', 'otlp_http', 'otlphttp'].includes(typeOf(id)))
      .map((id) => targets[id][0]);
    expect(otlpTargets.sort()).toEqual(['jaeger', 'tempo']);
    expect(traces.exporters.filter((id) => typeOf(id) === 'span_metrics')).toHaveLength(1);
  });

  it('writes the span metrics to Prometheus’ remote-write receiver', () => {
    const metrics = Object.values(pipelines).filter((p) => p.receivers.some((id) => typeOf(id) === 'span_metrics'));
    expect(metrics).toHaveLength(1);
    const writers = metrics[0].exporters.filter((id) => typeOf(id) === 'prometheus_remote_write');
    expect(writers).toHaveLength(1);
    expect(config.exporters[writers[0]].endpoint).toBe('http://prometheus:9090/api/v1/write');
    expect(services.prometheus.command).toContain('--web.enable-remote-write-receiver');
    expect(services.prometheus.command?.join(' ')).toMatch(/exemplar-storage/);
  });

  it('configures span_metrics like the test stack’s collector (same names, labels and buckets in both)', () => {
    const stack = readYaml('tests/stack/otelcol.yaml');
    const pick = (c: Record<string, any>) => ({
      namespace: c.namespace,
      unit: c.histogram?.unit,
      buckets: c.histogram?.explicit?.buckets,
      dimensions: c.dimensions,
      exemplars: c.exemplars,
    });
    expect(pick(config.connectors.span_metrics)).toEqual(pick(stack.connectors.span_metrics));
    expect(config.connectors.span_metrics.exemplars?.enabled).toBe(true);
  });
});

describe('the demo’s Jaeger (tests/stack/compose/jaeger.yaml) and Tempo (tests/stack/tempo.yaml)', () => {
  const jaeger = readYaml('tests/stack/compose/jaeger.yaml');

  it('Jaeger stores in Badger on the named volume and serves its query API/UI on 16686', () => {
    const badger = jaeger.extensions.jaeger_storage.backends[jaeger.extensions.jaeger_query.storage.traces].badger;
    const [, dataDir] = mounts(services.jaeger).find(([from]) => from === 'jaeger-data')!;
    expect(badger.directories.keys.startsWith(`${dataDir}/`)).toBe(true);
    expect(badger.directories.values.startsWith(`${dataDir}/`)).toBe(true);
    expect(badger.ephemeral).toBe(false);
    expect(hostPort(jaeger.extensions.jaeger_query.http.endpoint)[1]).toBe(16686);
    expect(jaeger.extensions.jaeger_query.enable_tracing).toBe(false);
    expect(jaeger.service.pipelines.traces.receivers).toEqual(['otlp']);
    expect(jaeger.service.extensions).toEqual(expect.arrayContaining(['jaeger_storage', 'jaeger_query']));
  });

  it('Tempo keeps service graphs and local blocks but leaves span metrics to the collector', () => {
    const tempo = readYaml('tests/stack/tempo.yaml');
    expect(tempo.overrides.defaults.metrics_generator.processors).toEqual(['service-graphs', 'local-blocks']);
    expect(tempo.metrics_generator.processor.span_metrics).toBeUndefined();
  });
});

/** Names the span_metrics connector writes into Prometheus by remote write (dots → underscores). */
function spanMetricsNames(connector: Record<string, any>) {
  const ns = (connector.namespace ?? 'traces.span.metrics').replace(/\./g, '_');
  const unit = ({ ms: 'milliseconds', s: 'seconds' } as Record<string, string>)[connector.histogram?.unit ?? 'ms'];
  const duration = `${ns}_duration_${unit}`;
  const metrics = new Set([`${ns}_calls_total`, `${duration}_bucket`, `${duration}_sum`, `${duration}_count`]);
  const labels = new Set([
    'service_name',
    'span_name',
    'span_kind',
    'status_code',
    'le',
    ...(connector.dimensions ?? []).map((d: { name: string }) => d.name.replace(/[^a-zA-Z0-9_]/g, '_')),
  ]);
  return { metrics, labels };
}

describe('provisioning', () => {
  const datasources: Array<{ uid: string; type: string; url: string; jsonData: any }> = readdirSync(
    join(repo, 'provisioning/datasources')
  )
    .filter((f) => /\.ya?ml$/.test(f))
    .flatMap((f) => readYaml(`provisioning/datasources/${f}`).datasources);
  const byUid = Object.fromEntries(datasources.map((d) => [d.uid, d]));
  const produced = spanMetricsNames(readYaml('tests/stack/compose/otelcol.yaml').connectors.span_metrics);

  it('provisions Tempo (uid tempo), Jaeger (uid jaeger) and Prometheus (uid prometheus)', () => {
    expect(byUid.tempo.type).toBe('tempo');
    expect(byUid.jaeger.type).toBe('jaeger');
    expect(byUid.prometheus.type).toBe('prometheus');
  });

  it.each(datasources.map((d) => [d.uid, d.url]))(
    'datasource %s points at a compose service port (%s)',
    (_uid, url) => {
      const u = new URL(url);
      expect(Object.keys(services)).toContain(u.hostname);
      expect(listeningPorts(u.hostname)).toContain(Number(u.port));
    }
  );

  it('expects the span-metrics names the collector config produces', () => {
    expect([...produced.metrics]).toEqual(
      expect.arrayContaining(['traces_span_metrics_calls_total', 'traces_span_metrics_duration_milliseconds_bucket'])
    );
  });

  it.each(['tempo', 'jaeger'])(
    '%s links traces to Prometheus with metrics and labels the collector’s span_metrics connector produces',
    (uid) => {
      const t2m = byUid[uid].jsonData.tracesToMetrics;
      expect(t2m.datasourceUid).toBe('prometheus');
      expect(t2m.tags).toEqual([{ key: 'service.name', value: 'service_name' }]);
      expect(t2m.queries.length).toBeGreaterThan(0);
      for (const { query } of t2m.queries as Array<{ query: string }>) {
        // `$$` is Grafana's escape for a literal `$`: a bare `$__tags` or `${…}` would be expanded as an env var.
        expect(query).not.toMatch(/(^|[^$])\$(__tags|\{)/);
        const metrics = query.match(/\b[a-zA-Z_:][a-zA-Z0-9_:]*(?=\{)/g) ?? [];
        expect(metrics.length).toBeGreaterThan(0);
        for (const metric of metrics) {
          expect({ query, metric, produced: produced.metrics.has(metric) }).toEqual({ query, metric, produced: true });
        }
        const labels = [...query.matchAll(/[{,]\s*([a-zA-Z_][a-zA-Z0-9_]*)\s*(=~|!=|!~|=)/g)].map((m) => m[1]);
        const grouped = [...query.matchAll(/\bby\s*\(([^)]*)\)/g)].flatMap((m) => m[1].split(/\s*,\s*/));
        for (const label of [...labels, ...grouped, ...t2m.tags.map((t: { value: string }) => t.value)]) {
          expect({ query, label, produced: produced.labels.has(label) }).toEqual({ query, label, produced: true });
        }
      }
      expect(t2m.queries.some((q: { query: string }) => q.query.includes('span_name='))).toBe(true);
    }
  );

  it('gives Tempo its service map and search, and Jaeger its node graph', () => {
    const t = byUid.tempo.jsonData;
    expect(t.serviceMap.datasourceUid).toBe('prometheus');
    expect(t.nodeGraph.enabled).toBe(true);
    expect(t.traceQuery.timeShiftEnabled).toBe(true);
    expect(t.search).toBeDefined();
    expect(byUid.jaeger.jsonData.nodeGraph.enabled).toBe(true);
  });

  it('links the collector’s exemplars (label trace_id) to both trace sources, Tempo’s service graphs (traceID) to Tempo', () => {
    const destinations = byUid.prometheus.jsonData.exemplarTraceIdDestinations;
    expect(destinations).toEqual([
      expect.objectContaining({ name: 'trace_id', datasourceUid: 'tempo' }),
      expect.objectContaining({ name: 'trace_id', datasourceUid: 'jaeger' }),
      expect.objectContaining({ name: 'traceID', datasourceUid: 'tempo' }),
    ]);
    for (const d of destinations) {
      expect(byUid[d.datasourceUid]).toBeDefined();
    }
  });

  it('enables TraceLens with the provisioned datasources as defaults (Tempo stays the default source)', () => {
    const apps = readYaml('provisioning/plugins/tracelens.yaml').apps;
    expect(apps).toEqual([
      expect.objectContaining({
        type: 'tracelens-analysis-app',
        disabled: false,
        jsonData: expect.objectContaining({ tempoDatasourceUid: 'tempo', prometheusDatasourceUid: 'prometheus' }),
      }),
    ]);
    for (const [key, uid] of Object.entries<string>(apps[0].jsonData).filter(([k]) => k.endsWith('DatasourceUid'))) {
      expect({ key, provisioned: uid in byUid }).toEqual({ key, provisioned: true });
    }
  });
});
