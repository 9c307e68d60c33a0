/**
 * The analysis worker's job — read and analyse a trace body, and for a huge trace the summary's
 * parts (loading/huge-trace.ts) — timed outside the plugin, on the engine bundled and lowered to
 * ES2015 as dist/ ships it, for bench-bigtrace.ts to set the in-app worker against:
 * - in Node, each mode in a fresh process, so its first run starts from a cold JIT and an empty
 *   heap as the page's worker does (first run, and best of 5 after 3 more);
 * - in Chromium, once each, cold, in a fresh page: on its main thread, and in a plain dedicated
 *   worker started from the same bundle. Their gap is what a worker thread itself costs in this
 *   browser; against Node's first run, what this browser's engine costs on the same code.
 */
import * as esbuild from 'esbuild';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Browser } from 'playwright-core';

export type JobMode = 'parts' | 'read';
export type NodeJobMs = { first: number; best: number };

/** `jobMs(body, mode)`: ms to read and analyse `body` (and compute the summary's parts for 'parts') */
const JOB = [
  `import { analyzeTrace } from './src/engine';`,
  `import { readTrace } from './src/loading/read-trace';`,
  `import { hugeTraceParts } from './src/loading/huge-trace';`,
  `export function jobMs(body, mode) {`,
  `  const t0 = performance.now();`,
  `  const analysis = analyzeTrace(readTrace({ format: 'otlp', raw: body }));`,
  `  if (mode === 'parts') hugeTraceParts(analysis);`,
  `  return performance.now() - t0;`,
  `}`,
].join('\n');

const NODE_RUNNER = [
  `import { readFileSync } from 'node:fs';`,
  `import { jobMs } from './job';`,
  `const body = readFileSync(process.argv[2], 'utf8');`,
  `const times = [];`,
  `for (let run = 0; run < 8; run++) times.push(jobMs(body, process.argv[3]));`,
  `console.log(JSON.stringify(times));`,
].join('\n');

/** The job bundled for `platform`: Node runs it as a script (NODE_RUNNER); the browser gets `tracelensJob.jobMs`. */
async function bundle(platform: 'node' | 'browser'): Promise<string> {
  const root = path.resolve(__dirname, '../..');
  const built = await esbuild.build({
    stdin: { contents: platform === 'node' ? NODE_RUNNER : JOB, resolveDir: root, loader: 'js' },
    plugins: [
      {
        name: 'job',
        setup(build) {
          build.onResolve({ filter: /^\.\/job$/ }, () => ({ path: 'job', namespace: 'job' }));
          build.onLoad({ filter: /.*/, namespace: 'job' }, () => ({ contents: JOB, resolveDir: root, loader: 'js' }));
        },
      },
    ],
    bundle: true,
    write: false,
    platform,
    format: platform === 'node' ? 'cjs' : 'iife',
    globalName: platform === 'node' ? undefined : 'tracelensJob',
    target: 'es2015',
    logLevel: 'error',
  });
  return built.outputFiles[0].text;
}

/** The job on `body` in fresh Node processes, per mode. */
export async function nodeJobMs(body: string): Promise<Record<JobMode, NodeJobMs>> {
  const dir = mkdtempSync(path.join(tmpdir(), 'tracelens-bench-'));
  try {
    const job = path.join(dir, 'node-job.js');
    const bodyFile = path.join(dir, 'trace.json');
    writeFileSync(job, await bundle('node'));
    writeFileSync(bodyFile, body);
    const run = (mode: JobMode): NodeJobMs => {
      const times: number[] = JSON.parse(execFileSync(process.execPath, [job, bodyFile, mode], { encoding: 'utf8' }));
      return { first: times[0], best: Math.min(...times.slice(3)) };
    };
    return { parts: run('parts'), read: run('read') };
  } finally {
    rmSync(dir, { recursive: true });
  }
}

/** Runs in a fresh page given [job bundle, body]: the job's ms in a dedicated worker started from the bundle. */
const IN_WORKER = ([job, body]: [string, string]) =>
  new Promise<number>((resolve, reject) => {
    const runner = `${job}\nonmessage = (e) => postMessage(tracelensJob.jobMs(e.data, 'read'));`;
    const worker = new Worker(URL.createObjectURL(new Blob([runner], { type: 'text/javascript' })));
    worker.onmessage = (e) => {
      worker.terminate();
      resolve(e.data as number);
    };
    worker.onerror = (e) => reject(new Error(e.message));
    worker.postMessage(body);
  });

/** Runs in a fresh page given [job bundle, body]: the job's ms on the page's main thread. */
const ON_MAIN_THREAD = ([job, body]: [string, string]) => {
  // the bundle, run as a classic script would be, hands back its global
  const scope = new Function(`${job}\nreturn tracelensJob;`)() as { jobMs(body: string, mode: JobMode): number };
  return scope.jobMs(body, 'read');
};

/** Read and analyse `body`, once each in a fresh Chromium page (cold): on its main thread and in a worker. */
export async function chromiumJobMs(browser: Browser, body: string): Promise<{ mainThread: number; worker: number }> {
  const job = await bundle('browser');
  const inFreshPage = async (run: (args: [string, string]) => number | Promise<number>) => {
    const page = await browser.newPage();
    try {
      return await page.evaluate(run, [job, body] as [string, string]);
    } finally {
      await page.close();
    }
  };
  return { mainThread: await inFreshPage(ON_MAIN_THREAD), worker: await inFreshPage(IN_WORKER) };
}
