import { inputTraceWarning, inputWarning, InputWarningCode, InputWarningValues } from '../engine';
import { inZhHans } from '../../tests/support/i18n';
import { inputWarningText } from './inputWarningText';
import { warningText } from './warningText';

/** One note of every code (the type makes a new code fail to compile until it is listed here). */
const SAMPLES: { [C in InputWarningCode]: InputWarningValues[C] } = {
  'mixed-trace-ids': { first: '00ab', other: '00cd' },
  'times-unset': { count: 7, spans: ['01', '02', '03', '04', '05'] },
  'end-before-start': { count: 1, spans: ['0000000000000061'] },
  'no-spans': { resources: 2, scopes: 0, unknownKeys: '"spanz"' },
  'untimed-events': { count: 1 },
  'jaeger-trace-warning': { text: 'clock skew adjustment disabled' },
  'jaeger-more-trace-warnings': { count: 3 },
  'jaeger-span-warnings': { count: 2, example: 'spans[2]: invalid parent span IDs=x' },
  'jaeger-errors': { errors: ['a', 'b'] },
  'zipkin-shared-ids': { count: 2 },
  'frame-bad-rows': { count: 6, rows: [1, 2, 3, 4, 5] },
  'file-traces-without-spans': { count: 1, traces: ['data[1]'] },
  'file-repeated-trace': { traceId: '00ab', times: 2 },
  'in-trace': { traceId: '00ef', note: inputWarning('untimed-events', { count: 2 }) },
};

const notes = () =>
  (Object.keys(SAMPLES) as InputWarningCode[]).map((code) =>
    inputWarning(code, SAMPLES[code] as InputWarningValues[typeof code])
  );

describe('inputWarningText in en-US', () => {
  it('words the notes with the plural their count needs, the first few spans listed and the rest counted', () => {
    const say = (code: InputWarningCode) => inputWarningText(inputWarning(code, SAMPLES[code] as never));
    // 7 spans, 5 named: "and 2 more"
    expect(say('times-unset')).toBe(
      '7 spans (01, 02, 03, 04, 05 and 2 more) have no start or end time; taken from their children and parent (else zero duration)'
    );
    expect(say('end-before-start')).toBe(
      '1 span (0000000000000061) has an end before its start; its duration is taken as 0'
    );
    expect(say('untimed-events')).toBe("1 event has no time (absent or 0); it is placed at its span's start");
    expect(say('frame-bad-rows')).toBe(
      '6 rows of the trace frame (rows 1, 2, 3, 4, 5 and 1 more) have a startTime or duration that is negative, infinite or beyond the year 2255; taken as unknown'
    );
    expect(say('no-spans')).toBe(
      'the document has no spans: 2 resource entries and 0 scope lists found; fields not recognised in them: "spanz"'
    );
    expect(say('in-trace')).toBe("Trace 00ef: 2 events have no time (absent or 0); each is placed at its span's start");
  });

  it('keeps the English message of each note as the readers wrote it before', () => {
    expect(inputWarning('times-unset', SAMPLES['times-unset']).message).toBe(
      '7 span(s) (01, 02, 03, 04, 05 and 2 more) have no start or end time; taken from their children and parent (else zero duration)'
    );
    expect(inputWarning('in-trace', SAMPLES['in-trace']).message).toBe(
      "trace 00ef: 2 event(s) have no time (absent or 0); each is placed at its span's start"
    );
  });

  it("shows the reader's text as it is, not HTML-escaped", () => {
    const note = inputWarning('jaeger-trace-warning', { text: '<b> & "x"/y' });
    expect(inputWarningText(note)).toBe('Jaeger: <b> & "x"/y');
  });

  it('is what warningText says for an input trace warning', () => {
    const note = inputWarning('zipkin-shared-ids', { count: 1 });
    expect(warningText(inputTraceWarning(note))).toBe(
      '1 span id is shared by a client and a server span: the server half is nested under its client half with a derived id'
    );
  });

  it('has English words for every code', () => {
    for (const note of notes()) {
      expect([note.code, inputWarningText(note)]).toEqual([note.code, expect.stringMatching(/^[A-Za-z0-9"']/)]);
    }
  });
});

describe('inputWarningText in zh-Hans', () => {
  inZhHans();

  it('words a reader warning in Chinese, values kept', () => {
    expect(inputWarningText(inputWarning('times-unset', SAMPLES['times-unset']))).toBe(
      '7 个跨度（01, 02, 03, 04, 05 等另外 2 个）没有开始或结束时间；取自其子跨度和父跨度（否则时长为零）'
    );
    expect(inputWarningText(inputWarning('in-trace', SAMPLES['in-trace']))).toBe(
      '追踪 00ef：2 个事件没有时间（缺失或为 0）；每个都放在其跨度的开始处'
    );
  });

  it('has Chinese words for every code', () => {
    for (const note of notes()) {
      expect([note.code, inputWarningText(note)]).toEqual([
        note.code,
        expect.stringMatching(/[\u3000-\u303f\u4e00-\u9fff\uff00-\uffef]/),
      ]);
    }
  });
});
