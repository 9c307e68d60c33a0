/**
 * Offline checks of docker-compose.yaml and provisioning/ (no Docker here): images pinned,
 * ports, mounted paths exist, the same Tempo/Prometheus configs as the local stack, and every
 * provisioned datasource URL names a compose service on a port that service listens on.
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
}
const compose: { services: Record<string, Service>; volumes?: Record<string, unknown> } =
  readYaml('docker-compose.yaml');
const services = compose.services;

/** container port → published by `host:port:container` or `port:container` */
const containerPorts = (s: Service) => (s.ports ?? []).map((p) => Number(p.split(':').pop()));
const mounts = (s: Service) => (s.volumes ?? []).map((v) => v.split(':'));

describe('docker-compose.yaml', () => {
  it('runs Grafana, Tempo, Prometheus and the generator', () => {
    expect(Object.keys(services).sort()).toEqual(['generator', 'grafana', 'prometheus', 'tempo']);
  });

  it.each(Object.entries(services))('%s pins its image to an exact version', (_name, s) => {
    expect(s.image).toMatch(/^[a-z0-9./-]+:v?\d+\.\d+\.\d+(-[a-z0-9.-]+)?$/);
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

  it('publishes the standard ports on localhost only', () => {
    expect(services.grafana.ports).toEqual(['127.0.0.1:3000:3000']);
    expect(services.tempo.ports).toEqual(['127.0.0.1:3200:3200', '127.0.0.1:4317:4317', '127.0.0.1:4318:4318']);
    expect(services.prometheus.ports).toEqual(['127.0.0.1:9090:9090']);
  });

  it('gives Tempo ports matching the ones its config expands', () => {
    const env = services.tempo.environment ?? {};
    expect(containerPorts(services.tempo)).toEqual([
      Number(env.TEMPO_HTTP_PORT),
      Number(env.TEMPO_OTLP_GRPC_PORT),
      Number(env.TEMPO_OTLP_HTTP_PORT),
    ]);
    expect(env.PROMETHEUS_REMOTE_WRITE_URL).toBe('http://prometheus:9090/api/v1/write');
    expect(services.tempo.command).toContain('-config.expand-env=true');
  });

  it('mounts the local stack configs, and every bind-mounted path exists (dist/ is the build output)', () => {
    expect(mounts(services.tempo)[0][0]).toBe('./tests/stack/tempo.yaml');
    expect(mounts(services.prometheus)[0][0]).toBe('./tests/stack/prometheus.yaml');
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

  it('runs the generator continuously against Tempo’s OTLP/HTTP port', () => {
    const cmd = services.generator.command ?? [];
    expect(cmd).toEqual(expect.arrayContaining(['cli.ts', 'continuous', 'http://tempo:4318']));
    expect(existsSync(join(repo, 'tests/generator/cli.ts'))).toBe(true);
  });
});

describe('provisioning', () => {
  const datasources: Array<{ uid: string; type: string; url: string; jsonData: any }> = readdirSync(
    join(repo, 'provisioning/datasources')
  )
    .filter((f) => /\.ya?ml$/.test(f))
    .flatMap((f) => readYaml(`provisioning/datasources/${f}`).datasources);
  const byUid = Object.fromEntries(datasources.map((d) => [d.uid, d]));

  it('provisions Tempo (uid tempo) and Prometheus (uid prometheus)', () => {
    expect(byUid.tempo.type).toBe('tempo');
    expect(byUid.prometheus.type).toBe('prometheus');
  });

  it.each(datasources.map((d) => [d.uid, d.url]))(
    'datasource %s points at a compose service port (%s)',
    (_uid, url) => {
      const u = new URL(url);
      expect(Object.keys(services)).toContain(u.hostname);
      const s = services[u.hostname];
      const listening = [
        ...containerPorts(s),
        ...(u.hostname === 'tempo' ? [Number(s.environment?.TEMPO_HTTP_PORT)] : []),
      ];
      expect(listening).toContain(Number(u.port));
    }
  );

  it('links Tempo to Prometheus and Prometheus exemplars back to Tempo', () => {
    const t = byUid.tempo.jsonData;
    expect(t.tracesToMetrics.datasourceUid).toBe('prometheus');
    expect(t.serviceMap.datasourceUid).toBe('prometheus');
    expect(t.nodeGraph.enabled).toBe(true);
    expect(t.traceQuery.timeShiftEnabled).toBe(true);
    expect(t.search).toBeDefined();
    for (const q of t.tracesToMetrics.queries) {
      // `$$` is Grafana's escape for a literal `$`: a bare `$__tags` would be expanded as an env var.
      expect(q.query).not.toMatch(/(^|[^$])\$__tags/);
    }
    expect(byUid.prometheus.jsonData.exemplarTraceIdDestinations).toEqual([
      expect.objectContaining({ name: 'traceID', datasourceUid: 'tempo' }),
    ]);
  });

  it('enables TraceLens with the provisioned datasources as defaults', () => {
    const apps = readYaml('provisioning/plugins/tracelens.yaml').apps;
    expect(apps).toEqual([
      expect.objectContaining({
        type: 'tracelens-analysis-app',
        disabled: false,
        jsonData: expect.objectContaining({ tempoDatasourceUid: 'tempo', prometheusDatasourceUid: 'prometheus' }),
      }),
    ]);
  });
});
