/**
 * @jest-environment node
 */
// Node's structuredClone with a transfer list is what postMessage does to the worker's answer. It
// builds its objects in Node's realm, not the test's, so they are compared through `realmFree`.
import fc from 'fast-check';
import { analyzeTrace, breakdown, parseOtlpTrace, TraceAnalysis, TraceParseError, withPathMode } from '../../engine';
import { generateTrace } from '../../../tests/synthetic/generate';
import { toOtlpJson } from '../../../tests/synthetic/otlp';
import { recorded, wireText } from '../../../tests/support/recorded';
import { readTrace } from '../read-trace';
import { readerErrorOf, rebuiltError, transferablesOf } from './wire';

const analyse = (raw: string) => analyzeTrace(readTrace({ format: 'otlp', raw }));

/**
 * `v` with each typed array as its type and values, each plain object as its entries (throwing on
 * any other prototype: a class instance would come back without its class), comparable across realms.
 */
function realmFree(v: unknown): unknown {
  if (typeof v !== 'object' || v === null) {
    return v;
  }
  if (ArrayBuffer.isView(v)) {
    return [Object.prototype.toString.call(v), Array.from(v as Float64Array)];
  }
  if (Array.isArray(v)) {
    return v.map(realmFree);
  }
  if (Object.getPrototypeOf(Object.getPrototypeOf(v)) !== null) {
    throw new Error(`not a plain object: ${Object.prototype.toString.call(v)}`);
  }
  return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, realmFree(x)]));
}

/** The analysis as the main thread receives it from the worker; `sent`'s buffers are moved away. */
const overTheWire = (sent: TraceAnalysis): TraceAnalysis => structuredClone(sent, { transfer: transferablesOf(sent) });

describe('the analysis over the wire', () => {
  it('arrives whole for the recorded Tempo trace, its buffers moved rather than copied', () => {
    const raw = wireText(recorded('tempo-trace-v2'));
    const sent = analyse(raw);
    const received = overTheWire(sent);
    expect(realmFree(received)).toEqual(realmFree(analyse(raw)));
    // the recorded trace: 10 spans, the order-worker consumer ends 18.467 ms after the root starts
    expect([received.trace.spanCount, received.duration]).toEqual([10, 18_467_000]);
    expect(Object.prototype.toString.call(received.selfTime)).toBe('[object Float64Array]');
    // transferred: the worker's copy is detached
    expect([sent.selfTime.length, sent.trace.start.length, sent.tree.parent.length]).toEqual([0, 0, 0]);
    expect(received.criticalPath).toBe(received.paths.async);
  });

  it('lists a buffer shared by two views once', () => {
    const buffer = new ArrayBuffer(16);
    const twice = { a: new Float64Array(buffer, 0, 1), b: [new Float64Array(buffer, 8, 1)], c: 'text', d: 3 };
    expect(transferablesOf(twice)).toEqual([buffer]);
    expect(() => structuredClone(twice, { transfer: transferablesOf(twice) })).not.toThrow();
  });

  it('rebuilds every field the app reads, for random traces of every shape (property)', () => {
    fc.assert(
      fc.property(
        fc.constantFrom('wide', 'deep', 'fanout', 'random' as const),
        fc.integer({ min: 1, max: 300 }),
        fc.integer({ min: 1, max: 1_000_000 }),
        (shape, n, seed) => {
          const raw = toOtlpJson(generateTrace(shape, n, seed), { wrapper: 'v2' });
          const expected = analyse(raw);
          const received = overTheWire(analyse(raw));
          // self time, both paths with their gaps, tree, intervals, trace columns, strings, warnings
          expect(realmFree(received)).toEqual(realmFree(expected));
          // shared references survive: the view's path is the async one, one object when the modes agree
          expect(received.criticalPath).toBe(received.paths.async);
          expect(received.paths.sync === received.paths.async).toBe(expected.paths.sync === expected.paths.async);
          expect(realmFree(withPathMode(received, 'sync').criticalPath)).toEqual(realmFree(expected.paths.sync));
          for (const groupBy of [{ kind: 'service' }, { kind: 'operation' }] as const) {
            expect(realmFree(breakdown(received, groupBy))).toEqual(realmFree(breakdown(expected, groupBy)));
          }
        }
      ),
      { numRuns: 60 }
    );
  });
});

describe("the reader's error over the wire", () => {
  /** What `read` throws, sent as the worker sends it and rebuilt on the main thread. */
  const crossed = (read: () => unknown) => {
    try {
      read();
    } catch (e) {
      return { thrown: e, rebuilt: rebuiltError(structuredClone(readerErrorOf(e))) };
    }
    throw new Error('read without an error');
  };

  it('arrives as a TraceParseError with its message and words', () => {
    // the body stops after its 13th character: line 1, column 14, character 13
    const { thrown, rebuilt } = crossed(() => parseOtlpTrace('{"batches": ['));
    expect(rebuilt).toBeInstanceOf(TraceParseError);
    expect(rebuilt.message).toBe(
      "invalid JSON: the document ends early, at line 1, column 14 (character 13), while expecting '{'"
    );
    expect(realmFree((rebuilt as TraceParseError).words)).toEqual({
      code: 'json-ends-early',
      values: { line: 1, column: 14, character: 13, expected: "'{'" },
    });
    expect(realmFree((rebuilt as TraceParseError).words)).toEqual((thrown as TraceParseError).words);
  });

  it('arrives as an Error with its message where the error had no words', () => {
    const { rebuilt } = crossed(() => {
      throw new RangeError('out of range');
    });
    expect([rebuilt.constructor, rebuilt.message]).toEqual([Error, 'out of range']);
    expect(readerErrorOf('a thrown string')).toEqual({ error: 'a thrown string' });
  });
});
