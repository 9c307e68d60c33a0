/**
 * Differential test: the Collector connector's analysis (collector/, through its
 * tracelens-analyze command, which reads spans and analyses traces with the connector's code) and
 * the TypeScript engine (src/engine) give every span the same self time and critical-path time, to
 * the nanosecond, on the same OTLP/JSON traces of every shape:
 * - the generator's requests through the demo system (tests/generator);
 * - synthetic wide, deep, fan-out and realistic trees of 1 to 500 spans (tests/synthetic), in
 *   input order and shuffled;
 * - hostile traces with every repair the definitions name (hostile-traces.ts), a few of them
 *   thousands of spans long.
 * Spans are matched by trace id and position in the trace (what the engine keys spans by, so
 * duplicate ids stay apart), and their ids must agree as well. The Go command reads every trace
 * the way the connector receives batches: a trace's resources split over two lines, the second
 * after the next trace's first. It is built once per run, into a temporary folder.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import {
  analyzeTrace,
  FLAG_ASYNC,
  FLAG_CYCLE,
  FLAG_DUPLICATE_ID,
  FLAG_ORPHAN,
  FLAG_OUTLIVES_PARENT,
  FLAG_SKEW,
  parseOtlpTrace,
  spanIdOf,
  TraceAnalysis,
} from '../../src/engine';
import { generateBatch } from '../generator/batch';
import { toOtlpJson as generatorOtlp } from '../generator/otlp';
import { seededRandom } from '../support/random';
import { generateTrace, Shape } from '../synthetic/generate';
import { toOtlpJson as syntheticOtlp } from '../synthetic/otlp';
import { hostileTrace } from './hostile-traces';

interface OtlpDoc {
  resourceSpans: object[];
}

/** One trace's per-span results, spans in input order (the Go command's output line). */
interface SpanTimes {
  traceId: string;
  spanIds: string[];
  self: number[];
  criticalPath: number[];
}

const COLLECTOR_DIR = resolve(__dirname, '../../collector');
const HOSTILE_TRACES = 2000;

/** Builds the Go command into dir and returns its path. */
function buildAnalyzer(dir: string): string {
  const bin = join(dir, 'tracelens-analyze');
  try {
    execFileSync('go', ['build', '-mod=readonly', '-o', bin, './latencyconnector/internal/tracelens-analyze'], {
      cwd: COLLECTOR_DIR,
      stdio: ['ignore', 'ignore', 'pipe'],
    });
  } catch (e) {
    const err = e as NodeJS.ErrnoException & { stderr?: Buffer };
    throw new Error(
      err.code === 'ENOENT'
        ? 'Go is not installed. Install Go 1.26 or newer (https://go.dev/doc/install) to run the differential test.'
        : `go build of collector/latencyconnector/internal/tracelens-analyze failed:\n${err.stderr}`
    );
  }
  return bin;
}

/** Every test trace, each an OTLP/JSON document holding that trace alone. */
function testTraces(): OtlpDoc[] {
  const docs: OtlpDoc[] = [];
  const { traces } = generateBatch({ seed: 17, count: 100, nowUs: 1_800_000_000_000_000 });
  for (const trace of traces) {
    docs.push(generatorOtlp([trace]));
  }
  const rng = seededRandom(99);
  let synthetic = 0;
  for (const shape of ['wide', 'deep', 'fanout', 'random'] as Shape[]) {
    for (const n of [1, 2, 7, 50, 500]) {
      for (const seed of [1, 2]) {
        const trace = {
          ...generateTrace(shape, n, seed),
          traceId: `5e${(synthetic++).toString(16).padStart(30, '0')}`,
        };
        const order = Array.from({ length: n }, (_, i) => i);
        if (seed === 2) {
          for (let i = n - 1; i > 0; i--) {
            const j = rng.int(0, i);
            [order[i], order[j]] = [order[j], order[i]];
          }
        }
        docs.push(JSON.parse(syntheticOtlp(trace, { wrapper: 'plain', ids: 'hex', order })));
      }
    }
  }
  for (let t = 0; t < HOSTILE_TRACES; t++) {
    const n = t % 500 === 499 ? rng.int(2500, 3500) : rng.int(1, t % 3 === 0 ? 8 : 80);
    docs.push(hostileTrace(rng, `ba${t.toString(16).padStart(30, '0')}`, n, t % 5 === 0) as OtlpDoc);
  }
  return docs;
}

/** The Go command's input: each trace's resources over two lines, the second after the next trace's first. */
function interleavedLines(docs: OtlpDoc[]): string {
  const lines: string[] = [];
  let pending: string | undefined;
  for (const doc of docs) {
    const cut = Math.max(1, doc.resourceSpans.length - 1);
    lines.push(JSON.stringify({ resourceSpans: doc.resourceSpans.slice(0, cut) }));
    if (pending) {
      lines.push(pending);
    }
    pending =
      cut < doc.resourceSpans.length ? JSON.stringify({ resourceSpans: doc.resourceSpans.slice(cut) }) : undefined;
  }
  if (pending) {
    lines.push(pending);
  }
  return lines.join('\n') + '\n';
}

function engineTimes(a: TraceAnalysis): SpanTimes {
  return {
    traceId: a.trace.traceId,
    spanIds: Array.from({ length: a.trace.spanCount }, (_, i) => spanIdOf(a.trace, i)),
    self: Array.from(a.selfTime),
    criticalPath: Array.from(a.criticalPath.perSpan),
  };
}

/** The spans whose id, self time or critical-path time differ (at most `limit` of them). */
function differences(engine: SpanTimes[], connector: Map<string, SpanTimes>, limit = 5) {
  const out: object[] = [];
  for (const ts of engine) {
    const go = connector.get(ts.traceId);
    const n = Math.max(ts.spanIds.length, go?.spanIds.length ?? 0);
    for (let i = 0; i < n && out.length < limit; i++) {
      const a = [ts.spanIds[i], ts.self[i], ts.criticalPath[i]];
      const b = [go?.spanIds[i], go?.self[i], go?.criticalPath[i]];
      if (a.some((v, k) => v !== b[k])) {
        out.push({ traceId: ts.traceId, span: i, engine: a, connector: b });
      }
    }
  }
  return out;
}

let workDir: string;
let engine: TraceAnalysis[];
let connector: Map<string, SpanTimes>;

beforeAll(() => {
  workDir = mkdtempSync(join(tmpdir(), 'tracelens-analyze-'));
  const bin = buildAnalyzer(workDir);
  const docs = testTraces();
  engine = docs.map((doc) => analyzeTrace(parseOtlpTrace(JSON.stringify(doc))));
  const output = execFileSync(bin, { input: interleavedLines(docs), maxBuffer: 1 << 30 }).toString();
  connector = new Map(
    output
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line) as SpanTimes)
      .map((t) => [t.traceId, t])
  );
});

afterAll(() => rmSync(workDir, { recursive: true, force: true }));

describe('the connector and the TypeScript engine on the same traces', () => {
  it('analyse the same traces with the same spans', () => {
    expect(connector.size).toBe(engine.length);
    expect(engine.length).toBe(100 + 40 + HOSTILE_TRACES);
    const spans = (ts: Iterable<{ spanIds: string[] }>) => [...ts].reduce((n, t) => n + t.spanIds.length, 0);
    expect(spans(connector.values())).toBe(spans(engine.map(engineTimes)));
  });

  it('give every span the same self time and critical-path time, to the nanosecond', () => {
    expect(differences(engine.map(engineTimes), connector)).toEqual([]);
  });

  it('covered every irregularity the definitions name', () => {
    const spansWith = (flag: number) =>
      engine.reduce((n, a) => n + a.tree.flags.reduce((m, f) => m + (f & flag ? 1 : 0), 0), 0);
    const coverage = {
      orphans: spansWith(FLAG_ORPHAN) > 0,
      cycles: spansWith(FLAG_CYCLE) > 0,
      duplicateIds: spansWith(FLAG_DUPLICATE_ID) > 0,
      skewClipped: spansWith(FLAG_SKEW) > 0,
      outlivesParent: spansWith(FLAG_OUTLIVES_PARENT) > 0,
      async: spansWith(FLAG_ASYNC) > 0,
      multipleRoots: engine.some((a) => a.tree.roots.length > 1),
      repairedTimes: engine.some((a) => a.warnings.length > 0),
      zeroSpanIds: engine.some((a) => engineTimes(a).spanIds.includes('0000000000000000')),
      traceOver2500Spans: engine.some((a) => a.trace.spanCount >= 2500),
    };
    expect(coverage).toEqual({
      orphans: true,
      cycles: true,
      duplicateIds: true,
      skewClipped: true,
      outlivesParent: true,
      async: true,
      multipleRoots: true,
      repairedTimes: true,
      zeroSpanIds: true,
      traceOver2500Spans: true,
    });
  });
});
