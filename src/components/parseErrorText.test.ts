import fc from 'fast-check';
import { dataError } from '../data';
import { inputWarning, ParseErrorValues, ParseErrorWords, readTraceFile, TraceParseError } from '../engine';
import { inZhHans } from '../../tests/support/i18n';
import { errorText } from './errorText';

/** The reader's error for a trace file's `text`. */
function fileError(text: string): TraceParseError {
  try {
    readTraceFile(text);
  } catch (e) {
    return e as TraceParseError;
  }
  throw new Error('the text was read');
}

/** Loading's failure for a trace the reader could not read (as load-trace.ts makes it). */
const unreadable = (e: TraceParseError) =>
  dataError('trace-unreadable', {
    target: 'Tempo (datasource "tempo")',
    traceId: 'abc123',
    cause: e.message,
    causeWords: e.words,
  });

/** Values of every code (the type makes a new code fail to compile until it is listed here). */
const SAMPLES: { [C in keyof ParseErrorValues]: ParseErrorValues[C] } = {
  'json-ends-early': { line: 1, column: 2, character: 1, expected: 'a value' },
  'json-syntax': { line: 1, column: 2, expected: "',' or '}'", found: '"x"' },
  'json-wrong-kind': { line: 1, column: 2, expected: 'an array', found: 'a string' },
  'file-empty': {},
  'file-bad-start': { start: '"hello"' },
  'file-unknown-object': { keys: ['"a"'], count: 1 },
  'file-no-spans': { place: 'document', note: inputWarning('no-spans', { resources: 0, scopes: 0, unknownKeys: '' }) },
  'file-empty-array': {},
  'file-lines-without-spans': {},
  'file-empty-data': { errors: [] },
  'file-bad-array': { first: { kind: 'literal', text: '1' } },
  'file-line-not-otlp': { line: 2, keys: [], count: 0 },
  'file-lines-trace': { traceId: '', lines: [1, 3], cause: 'x' },
};

const worded = () =>
  Object.entries(SAMPLES).map(([code, values]) => new TraceParseError(code, { code, values } as ParseErrorWords));

/** Two JSON Lines of trace 0…01: the second's span has a start time that is no time. */
const LINES_CUT =
  '{"resourceSpans":[{"scopeSpans":[{"spans":[{"traceId":"00000000000000000000000000000001","spanId":"0000000000000001"}]}]}]}\n' +
  '{"resourceSpans":[{"scopeSpans":[{"spans":[{"traceId":"00000000000000000000000000000001","spanId":"0000000000000002","startTimeUnixNano":[]}]}]}]}\n';

const SUPPORTED_EN = 'supported formats: OTLP/JSON ("resourceSpans", Tempo\'s "batches" or "trace", Jaeger';

describe('reader errors in en-US', () => {
  it.each([
    ['an empty file', '  \n'],
    ['text that is no JSON', 'hello'],
    ['an object of unknown keys', '{"a": 1, "b": 2}'],
    ['an empty object', '{}'],
    ['a document that ends early', '{"resourceSpans": [\n  {"scopeSpans": '],
    ['a missing colon', '{"resourceSpans" 1}'],
    ['a bad number', '{"resourceSpans": 1.}'],
    ['an empty array', '[]'],
    ['an OTLP document without spans', '{"resourceSpans": []}'],
    ['a Jaeger list without traces', '{"data": []}'],
    ['a Jaeger list without traces, with its errors', '{"data": [], "errors": [{"code": 500, "msg": "boom"}]}'],
    ['a Jaeger trace object without spans', '{"traceID": "ab", "spans": []}'],
    ['an array of numbers', '[1, 2]'],
    ['an array of strings', '["a"]'],
    ['an array of arrays of arrays', '[[[]]]'],
    ['an array of objects that are no spans', '[{"name": "x"}]'],
    ['JSON Lines with a line that is no OTLP', '{"resourceSpans": []}\n{"spans": 1, "x": 2}\n'],
    ['JSON Lines with a trace cut short', LINES_CUT],
    ['JSON Lines without spans', '{"resourceSpans": []}\n{"resourceSpans": []}\n'],
  ])('%s: worded, the English message to the letter', (_, text) => {
    const e = fileError(text);
    expect(e.words).toBeDefined();
    expect(errorText(e)).toBe(e.message);
  });

  it("says a loading failure with the reader's syntax error inside by its English message", () => {
    const failure = unreadable(fileError('{"resourceSpans": [\n  {"scopeSpans": '));
    expect(failure.message).toBe(
      'Tempo (datasource "tempo") sent trace abc123 in a form TraceLens cannot read: invalid JSON: the document ' +
        "ends early, at line 2, column 18 (character 37), while expecting '['"
    );
    expect(errorText(failure)).toBe(failure.message);
  });

  it('has English words for every code', () => {
    for (const e of worded()) {
      expect([e.message, errorText(e)]).toEqual([
        e.message,
        expect.stringMatching(/^(invalid JSON|wrong kind|not a trace file|the file|the spans)/),
      ]);
    }
  });

  it('names the first eight keys and counts the rest, as the engine does', () => {
    const keys = Array.from({ length: 10 }, (_, k) => `"k${k}": 0`).join(', ');
    const e = fileError(`{${keys}}`);
    expect(
      e.message.startsWith(
        'not a trace file: the top level is an object with keys "k0", "k1", "k2", "k3", "k4", "k5", "k6", "k7" and 2 more; '
      )
    ).toBe(true);
    expect(errorText(e)).toBe(e.message);
  });

  it('says any worded error of any text as its message', () => {
    const text = fc.string({
      unit: fc.constantFrom('{', '}', '[', ']', '"', ':', ',', '1', '.', 'e', 'a', ' ', '\n', '\\'),
    });
    fc.assert(
      fc.property(text, (t) => {
        try {
          readTraceFile(t);
        } catch (e) {
          if (e instanceof TraceParseError && e.words) {
            expect(errorText(e)).toBe(e.message);
          }
        }
      })
    );
  });
});

describe('reader errors in zh-Hans', () => {
  inZhHans();

  it('says a syntax error with its line and column, what was expected in Chinese and the input found as it is', () => {
    expect(errorText(fileError('{"resourceSpans" 1}'))).toBe(
      'JSON 无效：第 1 行第 18 列应为 对象键之后的 \':\'，实际为 "1}"'
    );
    expect(errorText(fileError('{"resourceSpans": [\n  {"scopeSpans": '))).toBe(
      "JSON 无效：文档在第 2 行第 18 列（第 37 个字符）提前结束，此处应为 '['"
    );
  });

  it("says a loading failure with the reader's syntax error inside in Chinese, line and column kept", () => {
    expect(errorText(unreadable(fileError('{"resourceSpans" 1}')))).toBe(
      'Tempo (datasource "tempo") 发送的追踪 abc123 的格式 TraceLens 无法读取：' +
        'JSON 无效：第 1 行第 18 列应为 对象键之后的 \':\'，实际为 "1}"'
    );
  });

  it('says a JSON Lines trace it cannot read in Chinese, with the lines it came from', () => {
    // the reader's own error about the span has no words yet: it stays English
    expect(errorText(fileError(LINES_CUT))).toBe(
      '追踪 00000000000000000000000000000001（跨度来自第 1, 2 行；位置在其跨度内计数）：' +
        'startTimeUnixNano of span 1 in resourceSpans[0].scopeSpans[0]: expected a time in Unix nanoseconds ' +
        '(a string of digits or a number), found an array'
    );
  });

  it('has Chinese words for every code', () => {
    for (const e of worded()) {
      expect([e.message, errorText(e)]).toEqual([
        e.message,
        expect.stringMatching(/[\u3000-\u303f\u4e00-\u9fff\uff00-\uffef]/),
      ]);
    }
  });

  it('says an unknown file in Chinese, its keys as they are', () => {
    const text = errorText(fileError('{"a": 1, "b": 2}'));
    expect(text.startsWith('不是追踪文件：顶层是一个带有键 "a", "b" 的对象；支持的格式：OTLP/JSON（')).toBe(true);
    expect(errorText(fileError(''))).toMatch(/^文件为空；支持的格式：/);
    expect(errorText(fileError('["a"]'))).toMatch(/^不是追踪文件：一个数组，其第一个元素是字符串 "a"；支持的格式：/);
    expect(errorText(fileError('{"resourceSpans": []}\n{"spans": 1}\n'))).toMatch(
      /^不是追踪文件：第 2 行不是 OTLP 导出请求，其顶层是一个带有键 "spans" 的对象；支持的格式：/
    );
    expect(errorText(fileError(''))).not.toContain(SUPPORTED_EN);
  });

  it("says a file without traces in Chinese, with the reader's own note on what it found", () => {
    expect(errorText(fileError('{"resourceSpans": []}'))).toBe(
      '文件中没有追踪：文档中没有跨度：找到 0 个资源条目和 0 个作用域列表'
    );
    expect(errorText(fileError('[]'))).toBe('文件中没有追踪：数组为空');
    expect(errorText(fileError('{"data": [], "errors": [{"code": 500, "msg": "boom"}]}'))).toMatch(
      /^文件中没有追踪："data" 为空（Jaeger 的错误：.*boom.*）$/
    );
  });
});
