import { parseOtlpTrace } from '../../engine';
import { tinyOtlp, TINY_BASE_SECONDS } from '../../../tests/synthetic/tiny';
import { pickerRow } from './pickerRow';

describe('pickerRow', () => {
  it('takes the earliest span without a parent as the root, and the trace from its earliest start to its latest end', () => {
    const trace = parseOtlpTrace(
      tinyOtlp([
        // `c` starts first but names a parent the file lacks: not the root
        { id: 'c', parent: 'zz', service: 'queue', name: 'poll', start: 0, end: 50 },
        { id: 'a', service: 'front', name: 'GET /', start: 100, end: 600 },
        { id: 'b', parent: 'a', service: 'back', name: 'SELECT', start: 200, end: 900, status: 'STATUS_CODE_ERROR' },
      ])
    );
    expect(pickerRow(trace)).toEqual({
      rootService: 'front',
      rootName: 'GET /',
      spanCount: 3,
      errorCount: 1,
      // time 0 is c's start (0 µs); b ends last, at 900 µs
      duration: 900_000,
      startMs: TINY_BASE_SECONDS * 1000,
    });
  });

  it('takes the earliest span when every span has a parent (a fragment of a trace)', () => {
    const trace = parseOtlpTrace(
      tinyOtlp([
        { id: 'b', parent: 'x', service: 'back', name: 'late', start: 300, end: 400 },
        { id: 'a', parent: 'x', service: 'back', name: 'early', start: 250, end: 350 },
      ])
    );
    // time 0 is a's start (250 µs after the base): 400 − 250 = 150 µs; start = base + 0.25 ms
    expect(pickerRow(trace)).toMatchObject({
      rootName: 'early',
      duration: 150_000,
      startMs: TINY_BASE_SECONDS * 1000 + 0.25,
    });
  });
});
