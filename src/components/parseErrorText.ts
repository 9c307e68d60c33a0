/**
 * A reader's error with words (engine/parse-errors.ts: a JSON syntax error with its line, column,
 * what was expected and what was found, or a trace file the readers cannot recognise) in the
 * user's language; in en-US it is the error's English message to the letter. What was expected,
 * and the kind of value found, are the reader's English phrases: the ones the JSON scanner uses are
 * said in the user's language ({@link PHRASES}), any other (punctuation such as `',' or '}'`, the
 * quoted input found) as it is; nothing is HTML-escaped (AS_TEXT). O(length of the sentence).
 */
import { t } from '@grafana/i18n';
import type { FilePlace, ParseErrorValues, ParseErrorWords, ValueShape } from '../engine';
import { AS_TEXT } from './i18n';
import { inputWarningText } from './inputWarningText';
import { listedText } from './listedText';

/** The scanner's phrases for what it expected or found, in the user's language. */
const PHRASES = new Map<string, () => string>(
  Object.entries({
    'a value': () => t('errors.reader.phrase.value', 'a value'),
    'a closing quote': () => t('errors.reader.phrase.closing-quote', 'a closing quote'),
    'no raw control character inside a string (write it escaped)': () =>
      t('errors.reader.phrase.no-control', 'no raw control character inside a string (write it escaped)'),
    '4 hex digits after \\u': () => t('errors.reader.phrase.unicode-escape', '4 hex digits after \\u'),
    'an escape (one of \\" \\\\ \\/ \\b \\f \\n \\r \\t \\uXXXX)': () =>
      t('errors.reader.phrase.escape', 'an escape (one of \\" \\\\ \\/ \\b \\f \\n \\r \\t \\uXXXX)'),
    "a digit after '.'": () => t('errors.reader.phrase.fraction-digit', "a digit after '.'"),
    'a digit in the exponent': () => t('errors.reader.phrase.exponent-digit', 'a digit in the exponent'),
    'a quoted object key': () => t('errors.reader.phrase.object-key', 'a quoted object key'),
    "':' after an object key": () => t('errors.reader.phrase.colon', "':' after an object key"),
    'the end of the input': () => t('errors.reader.phrase.end-of-input', 'the end of the input'),
    'the end of the line': () => t('errors.reader.phrase.end-of-line', 'the end of the line'),
    'a string': () => t('errors.reader.phrase.string', 'a string'),
    'an object': () => t('errors.reader.phrase.object', 'an object'),
    'an array': () => t('errors.reader.phrase.array', 'an array'),
    'a number': () => t('errors.reader.phrase.number', 'a number'),
    'a boolean': () => t('errors.reader.phrase.boolean', 'a boolean'),
    'a time in Unix nanoseconds (a string of digits or a number)': () =>
      t('errors.reader.phrase.unix-nano', 'a time in Unix nanoseconds (a string of digits or a number)'),
  })
);

/** A reader's phrase in the user's language, else as it is. */
const phrase = (text: string) => PHRASES.get(text)?.() ?? text;

/** The values with what was expected and found in the user's language. */
const asText = <V extends { expected: string; found?: string }>(v: V) => ({
  ...v,
  expected: phrase(v.expected),
  ...(v.found === undefined ? {} : { found: phrase(v.found) }),
  ...AS_TEXT,
});

/** The formats a trace file may hold (engine/parse-errors.ts SUPPORTED_FORMATS). */
const supportedFormats = () =>
  t(
    'errors.reader.supported-formats',
    'supported formats: OTLP/JSON ("resourceSpans", Tempo\'s "batches" or "trace", Jaeger v3\'s "result"), OTLP JSON Lines, OTLP protobuf-JSON ("resource_spans"), Jaeger JSON ({"data":[…]} or one trace object) and Zipkin v2 JSON (an array of spans)'
  );

/** An object by its keys (engine/parse-errors.ts objectKeysText). */
const objectKeys = (keys: string[], count: number) =>
  count === 0
    ? t('errors.reader.empty-object', 'an empty object')
    : t('errors.reader.object-keys', '', {
        count,
        keys: listedText(keys, count),
        defaultValue_one: 'an object with key {{keys}}',
        defaultValue_other: 'an object with keys {{keys}}',
        ...AS_TEXT,
      });

/** Where a reader looked for spans (engine FILE_PLACES). */
const PLACES: { [P in FilePlace]: () => string } = {
  array: () => t('errors.reader.place.array', 'the array'),
  lines: () => t('errors.reader.place.lines', 'the lines'),
  document: () => t('errors.reader.place.document', 'the document'),
  data: () => '"data"',
  'trace-object': () => t('errors.reader.place.trace-object', 'the trace object'),
};

/** A JSON value by its shape (engine/parse-errors.ts shapeText). */
function shapeWords(v: ValueShape): string {
  switch (v.kind) {
    case 'array':
      return t('errors.reader.shape.array', 'an array');
    case 'object':
      return objectKeys(v.keys, v.count);
    case 'string':
      return t('errors.reader.shape.string', 'the string {{text}}', { text: v.text, ...AS_TEXT });
    case 'literal':
      return v.text;
  }
}

type Say = { [C in keyof ParseErrorValues]: (v: ParseErrorValues[C]) => string };

const SAY: Say = {
  'json-ends-early': (v) =>
    t(
      'errors.reader.json-ends-early',
      'invalid JSON: the document ends early, at line {{line}}, column {{column}} (character {{character}}), while expecting {{expected}}',
      asText(v)
    ),
  'json-syntax': (v) =>
    t(
      'errors.reader.json-syntax',
      'invalid JSON at line {{line}}, column {{column}}: expected {{expected}}, found {{found}}',
      asText(v)
    ),
  'json-wrong-kind': (v) =>
    t(
      'errors.reader.json-wrong-kind',
      'wrong kind of value at line {{line}}, column {{column}}: expected {{expected}}, found {{found}}',
      asText(v)
    ),
  'file-empty': () =>
    t('errors.reader.file-empty', 'the file is empty; {{supported}}', { supported: supportedFormats(), ...AS_TEXT }),
  'file-bad-start': (v) =>
    t(
      'errors.reader.file-bad-start',
      'not a trace file: it starts with {{start}}, not with a JSON object or array; {{supported}}',
      { start: v.start, supported: supportedFormats(), ...AS_TEXT }
    ),
  'file-unknown-object': (v) =>
    t('errors.reader.file-unknown-object', 'not a trace file: the top level is {{top}}; {{supported}}', {
      top: objectKeys(v.keys, v.count),
      supported: supportedFormats(),
      ...AS_TEXT,
    }),
  'file-no-spans': ({ place, note }) =>
    note
      ? t('errors.reader.file-no-spans-note', 'the file holds no traces: {{note}}', {
          note: inputWarningText(note),
          ...AS_TEXT,
        })
      : t('errors.reader.file-no-spans', 'the file holds no traces: no spans in {{place}}', {
          place: PLACES[place](),
          ...AS_TEXT,
        }),
  'file-empty-array': () => t('errors.reader.file-empty-array', 'the file holds no traces: the array is empty'),
  'file-lines-without-spans': () =>
    t('errors.reader.file-lines-without-spans', 'the file holds no traces: no line of the JSON Lines file has spans'),
  'file-bad-array': (v) =>
    t('errors.reader.file-bad-array', 'not a trace file: an array whose first element is {{first}}; {{supported}}', {
      first: shapeWords(v.first),
      supported: supportedFormats(),
      ...AS_TEXT,
    }),
  'file-line-not-otlp': (v) =>
    t(
      'errors.reader.file-line-not-otlp',
      'not a trace file: line {{line}} is not an OTLP export request, its top level is {{top}}; {{supported}}',
      { line: v.line, top: objectKeys(v.keys, v.count), supported: supportedFormats(), ...AS_TEXT }
    ),
  'file-lines-trace': (v) =>
    t(
      'errors.reader.file-lines-trace',
      '{{trace}} (spans from line {{lines}}; places counted within its spans): {{cause}}',
      {
        trace:
          v.traceId === ''
            ? t('errors.reader.spans-without-trace-id', 'the spans without a trace id')
            : t('errors.reader.trace', 'trace {{traceId}}', { traceId: v.traceId, ...AS_TEXT }),
        lines: v.lines.join(', '),
        cause: v.causeWords ? parseErrorText(v.causeWords) : v.cause,
        ...AS_TEXT,
      }
    ),
  'file-empty-data': ({ errors }) =>
    errors.length > 0
      ? t(
          'errors.reader.file-empty-data-errors',
          'the file holds no traces: "data" is empty (Jaeger\'s errors: {{errors}})',
          {
            errors: errors.join('; '),
            ...AS_TEXT,
          }
        )
      : t('errors.reader.file-empty-data', 'the file holds no traces: "data" is empty'),
};

/** The reader's error `words` in the user's language. */
export function parseErrorText(words: ParseErrorWords): string {
  const say = SAY[words.code] as (v: ParseErrorWords['values']) => string;
  return say(words.values);
}
