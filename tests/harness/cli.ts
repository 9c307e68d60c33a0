/**
 * Serves the harness against a running stack:
 *   npx tsx tests/harness/cli.ts [--port 13300]
 * Tempo and Prometheus URLs come from $TRACELENS_TEMPO_URL / $TRACELENS_PROM_URL, else from the
 * stack's stack.env in $TRACELENS_STACK_DIR (default /tmp/tracelens-stack). Needs `npm run build`.
 */
import { parseArgs } from 'node:util';
import { stackEnv } from '../integration/stack';
import { startHarness } from './server';

const { values } = parseArgs({
  options: { port: { type: 'string', default: process.env.TRACELENS_HARNESS_PORT ?? '13300' } },
});

async function main() {
  const fromEnv = process.env.TRACELENS_TEMPO_URL && process.env.TRACELENS_PROM_URL;
  const env = fromEnv ? undefined : stackEnv();
  const harness = await startHarness({
    port: Number(values.port),
    tempoUrl: process.env.TRACELENS_TEMPO_URL ?? env!.tempoUrl,
    promUrl: process.env.TRACELENS_PROM_URL ?? env!.promUrl,
  });
  console.log(`TraceLens harness: ${harness.url}/a/tracelens-analysis-app/search  (Ctrl-C stops it)`);
  const stop = () => harness.close().then(() => process.exit(0));
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

main().catch((e: Error) => {
  console.error(e.message);
  process.exit(1);
});
