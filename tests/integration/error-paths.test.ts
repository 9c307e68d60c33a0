/**
 * Failures from the real servers surface as the right typed errors: TraceQL and PromQL syntax
 * errors carry the server's own message, a Prometheus execution error, a paused Tempo (timeout,
 * cancellation) and a stopped Tempo (unreachable). Runs last: it stops and restarts Tempo.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { DataError } from '../../src/data/errors';
import { createFetchTransport } from '../../src/data/fetch-transport';
import { createTempoClient } from '../../src/data/tempo/client';
import { generateBatch } from '../generator/batch';
import { sendTraces } from '../generator/send';
import { clients, stackEnv, waitFor } from './stack';

const env = stackEnv();
const { tempo, prom } = clients(env);
const stack = (cmd: string, extraEnv: Record<string, string> = {}) =>
  execFileSync('bash', [resolve(__dirname, '../stack/stack.sh'), cmd], {
    stdio: 'inherit',
    env: { ...process.env, ...extraEnv },
  });
const tempoPid = () => Number(readFileSync(join(env.stackDir, 'tempo.pid'), 'utf8'));

async function failure(p: Promise<unknown>): Promise<DataError> {
  try {
    await p;
  } catch (e) {
    expect(e).toBeInstanceOf(DataError);
    return e as DataError;
  }
  throw new Error('expected the request to fail');
}

describe('query errors', () => {
  it('a TraceQL syntax error is query-syntax with Tempo’s parser message', async () => {
    const e = await failure(tempo.search('{ resource.service.name = }'));
    expect(e.kind).toBe('query-syntax');
    expect(e.status).toBe(400);
    expect(e.upstreamMessage).toMatch(/parse error|syntax error/);
    expect(e.message).toContain(e.upstreamMessage);
  });

  it('a PromQL syntax error is query-syntax with Prometheus’ message', async () => {
    const e = await failure(prom.query('sum(rate(traces_spanmetrics_calls_total[5m]'));
    expect(e.kind).toBe('query-syntax');
    expect(e.status).toBe(400);
    expect(e.upstreamMessage).toMatch(/parse error/);
  });

  it('a PromQL execution error is query-failed with Prometheus’ message', async () => {
    const e = await failure(prom.query('traces_spanmetrics_calls_total + on(service) traces_spanmetrics_calls_total'));
    expect(e.kind).toBe('query-failed');
    expect(e.status).toBe(422);
    expect(e.upstreamMessage).toMatch(/found duplicate series for the match group/);
  });
});

describe('a Tempo without the local-blocks processor', () => {
  // A second Tempo from the same config minus local-blocks, in its own folder and on its own ports.
  const dir = mkdtempSync(join(tmpdir(), 'tracelens-nolb-'));
  const ports = { http: 13300, grpc: 19195, otlpGrpc: 14417, otlpHttp: 14418 };
  const env2 = {
    TRACELENS_STACK_DIR: dir,
    TRACELENS_TEMPO_CONFIG: join(dir, 'tempo.yaml'),
    TRACELENS_TEMPO_HTTP_PORT: String(ports.http),
    TRACELENS_TEMPO_GRPC_PORT: String(ports.grpc),
    TRACELENS_OTLP_GRPC_PORT: String(ports.otlpGrpc),
    TRACELENS_OTLP_HTTP_PORT: String(ports.otlpHttp),
    // its span metrics go nowhere rather than into the shared Prometheus
    TRACELENS_PROM_PORT: '1',
  };
  beforeAll(() => {
    const config = readFileSync(resolve(__dirname, '../stack/tempo.yaml'), 'utf8');
    const without = config.replace(
      'processors: [service-graphs, span-metrics, local-blocks]',
      'processors: [service-graphs, span-metrics]'
    );
    expect(without).not.toBe(config);
    writeFileSync(env2.TRACELENS_TEMPO_CONFIG, without);
    stack('start-tempo', env2);
  });
  afterAll(() => {
    stack('stop-tempo', env2);
    rmSync(dir, { recursive: true, force: true });
  });

  it('reports TraceQL metrics as not enabled, with Tempo’s message', async () => {
    const other = createTempoClient(createFetchTransport(`http://127.0.0.1:${ports.http}`, 'Tempo'));
    await sendTraces(`http://127.0.0.1:${ports.otlpHttp}`, generateBatch({ seed: 9, count: 3 }).traces);
    const now = Math.floor(Date.now() / 1000);
    // With no data yet this Tempo answers 200 with no series; once it has spans, it fails.
    const e = await waitFor(
      'the TraceQL metrics error',
      async () => {
        try {
          await other.metricsQueryRange('{ } | rate()', { start: now - 600, end: now + 60, step: 60 });
          return undefined;
        } catch (err) {
          return err as DataError;
        }
      },
      30_000,
      500
    );
    expect(e.kind).toBe('traceql-metrics-disabled');
    expect(e.upstreamMessage).toMatch(/localblocks processor not found/);
  });
});

describe('a paused Tempo', () => {
  beforeEach(() => process.kill(tempoPid(), 'SIGSTOP'));
  afterEach(() => process.kill(tempoPid(), 'SIGCONT'));

  it('times out with kind timeout', async () => {
    const e = await failure(tempo.search('{}', {}, { timeoutMs: 500 }));
    expect(e.kind).toBe('timeout');
    expect(e.message).toMatch(/did not answer within 500 ms/);
  });

  it('is cancelled when the caller aborts', async () => {
    const controller = new AbortController();
    const pending = tempo.tagNames({}, { signal: controller.signal });
    setTimeout(() => controller.abort(), 100);
    expect((await failure(pending)).kind).toBe('cancelled');
  });
});

describe('Tempo stopped mid-test', () => {
  afterAll(async () => {
    stack('start-tempo');
    await waitFor('Tempo to answer searches again', async () =>
      (await tempo.search('{}', { limit: 1 })) ? true : undefined
    );
  });

  it('answers, then after it stops the same call fails as unreachable', async () => {
    await expect(tempo.tagNames()).resolves.toEqual(expect.any(Array));
    stack('stop-tempo');
    const e = await failure(tempo.tagNames());
    expect(e.kind).toBe('unreachable');
    expect(e.message).toMatch(/^Tempo at http:\/\/127\.0\.0\.1:\d+ is unreachable/);
  });
});
