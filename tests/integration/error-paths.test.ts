/**
 * Failures from the real servers surface as the right typed errors: PromQL syntax and execution
 * errors carry Prometheus' own message; a paused Jaeger times out or is cancelled; a stopped
 * Jaeger or Prometheus is unreachable. (Tempo's error answers are checked on recorded bodies in
 * src/data/tempo/client.test.ts.) Runs last: it stops and restarts servers.
 */
import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { DataError } from '../../src/data/errors';
import { clients, stackEnv, waitFor } from './stack';

const env = stackEnv();
const { jaeger, prom } = clients(env);
const stack = (...args: string[]) =>
  execFileSync('bash', [resolve(__dirname, '../stack/stack.sh'), ...args], { stdio: 'inherit' });
const pidOf = (name: string) => Number(readFileSync(join(env.stackDir, `${name}.pid`), 'utf8'));

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
  it('a PromQL syntax error is query-syntax with Prometheus’ message', async () => {
    const e = await failure(prom.query('sum(rate(traces_span_metrics_calls_total[5m]'));
    expect(e.kind).toBe('query-syntax');
    expect(e.status).toBe(400);
    expect(e.upstreamMessage).toMatch(/parse error/);
  });

  it('a PromQL execution error is query-failed with Prometheus’ message', async () => {
    const e = await failure(
      prom.query('traces_span_metrics_calls_total + on(service_name) traces_span_metrics_calls_total')
    );
    expect(e.kind).toBe('query-failed');
    expect(e.status).toBe(422);
    expect(e.upstreamMessage).toMatch(/found duplicate series for the match group/);
  });
});

/** Whether every thread of the process is stopped (state T in /proc). */
const stopped = (pid: number) =>
  readdirSync(`/proc/${pid}/task`).every(
    (tid) => readFileSync(`/proc/${pid}/task/${tid}/stat`, 'utf8').replace(/^.*\) /s, '')[0] === 'T'
  );

describe('a paused Jaeger', () => {
  // SIGSTOP reaches a busy multi-threaded process a moment later: wait until it is stopped.
  beforeEach(async () => {
    const pid = pidOf('jaeger');
    process.kill(pid, 'SIGSTOP');
    await waitFor('Jaeger to stop', async () => (stopped(pid) ? true : undefined), 5000, 10);
  });
  afterEach(() => process.kill(pidOf('jaeger'), 'SIGCONT'));

  it('times out with kind timeout', async () => {
    const e = await failure(jaeger.services({ timeoutMs: 500 }));
    expect(e.kind).toBe('timeout');
    expect(e.message).toMatch(/did not answer within 500 ms/);
  });

  it('is cancelled when the caller aborts', async () => {
    const controller = new AbortController();
    const pending = jaeger.services({ signal: controller.signal });
    setTimeout(() => controller.abort(), 100);
    expect((await failure(pending)).kind).toBe('cancelled');
  });
});

describe.each([
  ['Jaeger', 'jaeger', () => jaeger.services()],
  ['Prometheus', 'prometheus', () => prom.query('1')],
])('%s stopped mid-test', (name, processName, call) => {
  afterAll(async () => {
    stack('start', processName);
    await waitFor(`${name} to answer again`, async () => ((await call()) ? true : undefined));
  });

  it('answers, then after it stops the same call fails as unreachable, saying where', async () => {
    await expect(call()).resolves.toBeTruthy();
    stack('stop', processName);
    const e = await failure(call());
    expect(e.kind).toBe('unreachable');
    expect(e.message).toMatch(new RegExp(`^${name} at http://127\\.0\\.0\\.1:\\d+ is unreachable`));
  });
});
