/**
 * Serves the harness against a running stack:
 *   npx tsx tests/harness/cli.ts [--port 13300]
 * Jaeger and Prometheus URLs come from $TRACELENS_JAEGER_URL / $TRACELENS_PROM_URL, else from the
 * stack's stack.env in $TRACELENS_STACK_DIR (default /tmp/tracelens-stack). Datasource `tempo` is
 * $TRACELENS_TEMPO_URL when set (a Tempo of your own), else the recorded real-Tempo responses
 * (tests/harness/recorded-tempo.ts). Needs `npm run build`.
 */
import { parseArgs } from 'node:util';
import { stackEnv } from '../integration/stack';
import { startRecordedTempo } from './recorded-tempo';
import { startHarness } from './server';

const { values } = parseArgs({
  options: { port: { type: 'string', default: process.env.TRACELENS_HARNESS_PORT ?? '13300' } },
});

async function main() {
  const fromEnv = process.env.TRACELENS_JAEGER_URL && process.env.TRACELENS_PROM_URL;
  const env = fromEnv ? undefined : stackEnv();
  const recorded = process.env.TRACELENS_TEMPO_URL ? undefined : await startRecordedTempo();
  const harness = await startHarness({
    port: Number(values.port),
    tempoUrl: process.env.TRACELENS_TEMPO_URL ?? recorded!.url,
    jaegerUrl: process.env.TRACELENS_JAEGER_URL ?? env!.jaegerUrl,
    promUrl: process.env.TRACELENS_PROM_URL ?? env!.promUrl,
  });
  console.log(`TraceLens harness: ${harness.url}/a/tracelens-analysis-app/search?ds=jaeger  (Ctrl-C stops it)`);
  const stop = () => Promise.all([harness.close(), recorded?.close()]).then(() => process.exit(0));
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

main().catch((e: Error) => {
  console.error(e.message);
  process.exit(1);
});
