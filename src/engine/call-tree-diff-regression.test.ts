/**
 * The call-tree diff against the generator's regression mode (tests/generator/topology.ts), run
 * in-process: two batches from one seed, the second with each database call turned into 4 calls
 * and auth-service given 5 ms more work. The diff must name exactly those nodes, with Δ calls and
 * Δ self time per trace worked out from the batches' ground truth.
 */
import { generateBatch } from '../../tests/generator/batch';
import { DB_SPAN_NAME, Regression } from '../../tests/generator/topology';
import { toOtlpJson } from '../../tests/generator/otlp';
import { GenTrace } from '../../tests/generator/model';
import { analyzeTrace } from './analyze';
import { diffCallTrees } from './call-tree-diff';
import { nodeLabel } from './flame';
import { parseOtlpTrace } from './otlp';

const REGRESSION: Regression = { dbCalls: 4, slowService: 'auth-service', slowByUs: 5000 };
const options = { seed: 11, count: 60, nowUs: 1_800_000_000_000_000 };
const baseline = generateBatch(options);
const regressed = generateBatch({ ...options, regression: REGRESSION });
const analysed = (traces: GenTrace[]) =>
  traces.map((t) => analyzeTrace(parseOtlpTrace(JSON.stringify(toOtlpJson([t])))));
const diff = diffCallTrees(analysed(baseline.traces), analysed(regressed.traces));
const n = options.count;
const sorted = (nodes: Iterable<number>) => Array.from(nodes).sort((a, b) => a - b);
/** Nodes whose value in `column` is not 0. */
const nonZero = (column: Float64Array) => sorted(Array.from(column.keys()).filter((node) => column[node] !== 0));
const US = 1000;

/** Nodes labelled `label`, by the route (the root's operation) they sit under. */
function nodesByRoute(label: string): Map<string, number> {
  const out = new Map<string, number>();
  diff.parent.forEach((_, node) => {
    if (node > 0 && nodeLabel(diff, node) === label) {
      let root = node;
      while (diff.parent[root] > 0) {
        root = diff.parent[root];
      }
      out.set(diff.operation[root], node);
    }
  });
  return out;
}

/** Per route (root span name): traces of the baseline batch, and its summed database time, µs. */
function baselineByRoute() {
  const out = new Map<string, { traces: number; dbUs: number }>();
  for (const t of baseline.truth) {
    const r = out.get(t.rootName) ?? { traces: 0, dbUs: 0 };
    r.traces++;
    r.dbUs += t.spans.filter((s) => s.name === DB_SPAN_NAME).reduce((sum, s) => sum + s.durationUs, 0);
    out.set(t.rootName, r);
  }
  return out;
}

describe('call-tree diff of a generated regression', () => {
  const routes = baselineByRoute();
  const db = nodesByRoute(`user-service: ${DB_SPAN_NAME}`);
  const auth = nodesByRoute('auth-service: POST /auth/verify');

  it('makes the same requests but for the change', () => {
    expect(regressed.truth.map((t) => t.traceId)).toEqual(baseline.truth.map((t) => t.traceId));
    expect(
      regressed.truth.every((t) => t.spanCount === baseline.truth.find((b) => b.traceId === t.traceId)!.spanCount + 3)
    ).toBe(true);
    expect([...routes.keys()].sort()).toEqual(['GET /account', 'GET /checkout']);
  });

  it('names exactly the database call as called more often: 3 more calls per trace of its route', () => {
    expect(nonZero(diff.callsDelta)).toEqual(sorted(db.values()));
    db.forEach((node, route) => {
      expect(diff.callsDelta[node]).toBeCloseTo((3 * routes.get(route)!.traces) / n, 9);
    });
  });

  it('names exactly the database call and auth-service as taking more time, by the changes made', () => {
    expect(nonZero(diff.selfDelta)).toEqual(sorted([...db.values(), ...auth.values()]));
    db.forEach((node, route) => {
      // each of the 3 extra calls lasts as long as the one call did
      expect(diff.selfDelta[node] / US).toBeCloseTo((3 * routes.get(route)!.dbUs) / n, 6);
    });
    auth.forEach((node, route) => {
      expect(diff.selfDelta[node] / US).toBeCloseTo((5000 * routes.get(route)!.traces) / n, 6);
    });
  });
});
