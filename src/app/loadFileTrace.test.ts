import { inputWarning, parseOtlpTrace } from '../engine';
import { tinyOtlp } from '../../tests/synthetic/tiny';
import { loadFileTrace } from './loadFileTrace';
import { addFile } from './traceFiles';

describe('loadFileTrace', () => {
  it("analyses a file trace, the file's warnings first, then the engine's repairs", () => {
    // b names a parent the file lacks: the engine reports it as an orphan
    const trace = parseOtlpTrace(
      tinyOtlp([
        { id: 'a', start: 0, end: 4_000 },
        { id: 'b', parent: 'zz', start: 1_000, end: 2_000 },
      ])
    );
    const repeated = inputWarning('file-repeated-trace', { traceId: '00ab', times: 2 });
    const [file] = addFile([], 'a.json', { format: 'jaeger-json', traces: [trace], warnings: [repeated] });
    const loaded = loadFileTrace(file, file.traces[0]);
    expect(loaded.analysis.trace).toBe(trace);
    // from a's start (0) to its end (4 ms)
    expect(loaded.analysis.duration).toBe(4_000_000);
    expect(loaded.warnings.map((w) => w.kind)).toEqual(['input', 'orphan']);
    expect(loaded.warnings[0]).toEqual({
      kind: 'input',
      count: 1,
      examples: [],
      message: 'trace 00ab appears 2 times in "data"; each is shown as it is',
      input: repeated,
    });
  });
});
