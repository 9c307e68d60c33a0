import { inputWarning, ParsedTrace, TraceFile } from '../engine';
import { addFile, displayName, fileTraceUrl, findFile, findFileTrace, openFileUrl } from './traceFiles';

const trace = (traceId: string) => ({ traceId }) as ParsedTrace;
const jaegerFile = (...ids: string[]): TraceFile => ({ format: 'jaeger-json', traces: ids.map(trace), warnings: [] });

describe('trace files', () => {
  it('numbers files 1, 2, … and keys traces by id, or by place when the file gave none', () => {
    const one = addFile([], 'a.json', jaegerFile('00ab'));
    const shared = inputWarning('zipkin-shared-ids', { count: 1 });
    const two = addFile(one, 'b.json', { format: 'zipkin-v2', traces: [trace(''), trace('00cd')], warnings: [shared] });
    expect(two.map((f) => [f.id, f.name, f.format, f.traces.map((t) => t.key)])).toEqual([
      [1, 'a.json', 'jaeger-json', ['00ab']],
      [2, 'b.json', 'zipkin-v2', ['trace-1', '00cd']],
    ]);
    expect(two[1].warnings).toEqual([shared]);
    // the list given is left as it was
    expect(one).toHaveLength(1);
  });

  it('finds a trace by file id (a URL parameter) and lowercase key, and nothing once the file is gone', () => {
    const files = addFile([], 'a.json', jaegerFile('00AB', '00cd'));
    expect(findFileTrace(files, '1', '00ab')?.entry.key).toBe('00AB');
    expect(findFileTrace(files, '1', '00cd')?.file.name).toBe('a.json');
    expect(findFileTrace(files, '2', '00ab')).toBeUndefined();
    expect(findFileTrace(files, null, '00ab')).toBeUndefined();
    expect(findFileTrace(files, '1', '00ef')).toBeUndefined();
    expect(findFile(files, '1')?.name).toBe('a.json');
    expect(findFile([], '1')).toBeUndefined();
  });

  it('links a file trace and a file picker', () => {
    const [file] = addFile([], 'a.json', jaegerFile('00ab'));
    expect(fileTraceUrl(file, file.traces[0])).toBe('/a/tracelens-analysis-app/trace/00ab?ds=file&file=1');
    expect(openFileUrl(file)).toBe('/a/tracelens-analysis-app/file?file=1');
    expect(openFileUrl()).toBe('/a/tracelens-analysis-app/file');
  });
});

describe('displayName', () => {
  it('shows invisible characters escaped', () => {
    expect(displayName('\ufefftrace\u00a0one\t.json')).toBe('\\ufefftrace\\u00a0one\\u0009.json');
  });

  it('keeps at most 60 characters', () => {
    const name = `${'x'.repeat(100)}.json`;
    // 59 characters of the name and an ellipsis
    expect(displayName(name)).toBe(`${'x'.repeat(59)}…`);
    expect(displayName('y'.repeat(60))).toBe('y'.repeat(60));
  });
});
