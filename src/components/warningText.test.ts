import { partialTraceWarning } from '../data';
import type { TraceWarning, TraceWarningKind } from '../engine';
import type { LoadWarning } from '../loading';
import { inZhHans } from '../../tests/support/i18n';
import { warningText } from './warningText';

const repair = (kind: TraceWarningKind, count: number): TraceWarning => ({ kind, count, examples: [], message: '' });
const partial = (): LoadWarning => {
  const error = partialTraceWarning({ target: 'Tempo (datasource "tempo")', path: 'api/v2/traces/x' }, 'too big');
  return { kind: 'partial-trace', message: error.message, error };
};

describe('warningText in en-US', () => {
  it('words each repair by its count, one span or several', () => {
    expect(warningText(repair('orphan', 1))).toBe('1 span names a parent that is not in the trace; shown as a root');
    expect(warningText(repair('orphan', 3))).toBe('3 spans name a parent that is not in the trace; shown as roots');
    expect(warningText(repair('childOutlivesParent', 1))).toBe(
      '1 span ends after its parent (asynchronous work); kept as it is'
    );
    expect(warningText(repair('childOutlivesParent', 2))).toBe(
      '2 spans end after their parent (asynchronous work); kept as they are'
    );
    expect(warningText(repair('clockSkew', 4))).toBe(
      '4 spans start before their parent or (as a server) end after their client; clipped to the parent for analysis'
    );
    expect(warningText(repair('cycle', 1))).toBe(
      '1 parent cycle found; it was broken at its earliest-starting span, which became a root'
    );
    expect(warningText(repair('duplicateSpanId', 2))).toBe(
      "2 spans repeat another span's id; children attach to the earliest-starting one"
    );
  });

  it("says a partial trace by its error's words and a reader's note as it came", () => {
    expect(warningText(partial())).toBe('Tempo (datasource "tempo") returned only part of this trace: too big.');
    expect(warningText({ kind: 'input', count: 1, examples: [], message: '2 event(s) have no time' })).toBe(
      '2 event(s) have no time'
    );
  });
});

describe('warningText in zh-Hans', () => {
  inZhHans();

  it('words the repairs and the partial trace in Chinese, values kept', () => {
    expect(warningText(repair('orphan', 3))).toBe('3 个跨度的父跨度不在此追踪中；作为根显示');
    expect(warningText(repair('childOutlivesParent', 1))).toBe('1 个跨度在其父跨度之后结束（异步工作）；保持原样');
    expect(warningText(repair('cycle', 2))).toBe('发现 2 个父子关系环；每个环在其最早开始的跨度处断开，该跨度成为根');
    expect(warningText(partial())).toBe('Tempo (datasource "tempo") 只返回了此追踪的一部分：too big。');
  });
});
