/**
 * What a reader's error says, as a code and the values its sentence names, so that the UI can say
 * it in the user's language (components/parseErrorText.ts) while the error's `message` says it in
 * English: a JSON syntax error (line, column, what was expected and found) and a trace file the
 * readers cannot recognise. {@link PARSE_ERRORS} holds each code's English sentence once;
 * {@link parseError} makes the TraceParseError. O(length of the values).
 */
import type { InputWarning } from './input-warnings';
import { TraceParseError } from './errors';

/** The values each worded parse error names, by code; `expected` is English, `found` quoted input. */
export interface ParseErrorValues {
  'json-ends-early': { line: number; column: number; character: number; expected: string };
  'json-syntax': { line: number; column: number; expected: string; found: string };
  'json-wrong-kind': { line: number; column: number; expected: string; found: string };
  'file-empty': Record<string, never>;
  /** `start`: the text's first characters, quoted */
  'file-bad-start': { start: string };
  /** `keys`: the first few top-level keys, quoted, of `count` */
  'file-unknown-object': { keys: string[]; count: number };
  /** a reader found no spans in `place`; `note` is its own note on what it found, when it has one */
  'file-no-spans': { place: FilePlace; note?: InputWarning };
  'file-empty-array': Record<string, never>;
  'file-lines-without-spans': Record<string, never>;
  /** `errors`: Jaeger's own, as short texts */
  'file-empty-data': { errors: string[] };
  'file-bad-array': { first: ValueShape };
  'file-line-not-otlp': { line: number; keys: string[]; count: number };
  /**
   * a trace of a JSON Lines file (`traceId` '' for the spans without one), regrouped from `lines`,
   * that the reader could not read: its English message, and its code and values where it gave them
   */
  'file-lines-trace': { traceId: string; lines: number[]; cause: string; causeWords?: ParseErrorWords };
}

/**
 * A JSON value as the file errors describe it: an array, an object by its first few keys (quoted)
 * of `count`, a string (quoted), or a literal (a number, true, false or null) as it is written.
 */
export type ValueShape =
  | { kind: 'array' }
  | { kind: 'object'; keys: string[]; count: number }
  | { kind: 'string'; text: string }
  | { kind: 'literal'; text: string };

/** "an array", "an object with keys …", "the string "x"", or the literal. */
function shapeText(v: ValueShape): string {
  switch (v.kind) {
    case 'array':
      return 'an array';
    case 'object':
      return objectKeysText(v.keys, v.count);
    case 'string':
      return `the string ${v.text}`;
    case 'literal':
      return v.text;
  }
}

/** Where in a trace file a reader looked for spans, in English. */
const FILE_PLACES = {
  array: 'the array',
  lines: 'the lines',
  document: 'the document',
  data: '"data"',
  'trace-object': 'the trace object',
} as const;

export type FilePlace = keyof typeof FILE_PLACES;

export type ParseErrorCode = keyof ParseErrorValues;

/** A code with its values (`values` has the code's shape). */
export type ParseErrorWords = { [C in ParseErrorCode]: { code: C; values: ParseErrorValues[C] } }[ParseErrorCode];

/** The formats a trace file may hold, as the file errors list them. */
const SUPPORTED_FORMATS =
  'supported formats: OTLP/JSON ("resourceSpans", Tempo\'s "batches" or "trace", Jaeger v3\'s "result"), ' +
  'OTLP JSON Lines, OTLP protobuf-JSON ("resource_spans"), Jaeger JSON ({"data":[…]} or one trace object) ' +
  'and Zipkin v2 JSON (an array of spans)';

/** "an object with keys "a", "b" and 3 more", or "an empty object": `keys` are the first few of `count`, quoted. */
function objectKeysText(keys: readonly string[], count: number): string {
  if (count === 0) {
    return 'an empty object';
  }
  const more = count > keys.length ? ` and ${count - keys.length} more` : '';
  return `an object with key${count > 1 ? 's' : ''} ${keys.join(', ')}${more}`;
}

/** Each code's English sentence. */
const PARSE_ERRORS: { [C in ParseErrorCode]: (v: ParseErrorValues[C]) => string } = {
  'json-ends-early': (v) =>
    `invalid JSON: the document ends early, at line ${v.line}, column ${v.column} (character ${v.character}), while expecting ${v.expected}`,
  'json-syntax': (v) => `invalid JSON at line ${v.line}, column ${v.column}: expected ${v.expected}, found ${v.found}`,
  'json-wrong-kind': (v) =>
    `wrong kind of value at line ${v.line}, column ${v.column}: expected ${v.expected}, found ${v.found}`,
  'file-empty': () => `the file is empty; ${SUPPORTED_FORMATS}`,
  'file-bad-start': (v) =>
    `not a trace file: it starts with ${v.start}, not with a JSON object or array; ${SUPPORTED_FORMATS}`,
  'file-unknown-object': (v) =>
    `not a trace file: the top level is ${objectKeysText(v.keys, v.count)}; ${SUPPORTED_FORMATS}`,
  'file-no-spans': (v) => `the file holds no traces: ${v.note?.message ?? `no spans in ${FILE_PLACES[v.place]}`}`,
  'file-empty-array': () => 'the file holds no traces: the array is empty',
  'file-lines-without-spans': () => 'the file holds no traces: no line of the JSON Lines file has spans',
  'file-bad-array': (v) =>
    `not a trace file: an array whose first element is ${shapeText(v.first)}; ${SUPPORTED_FORMATS}`,
  'file-line-not-otlp': (v) =>
    `not a trace file: line ${v.line} is not an OTLP export request, its top level is ${objectKeysText(v.keys, v.count)}; ${SUPPORTED_FORMATS}`,
  'file-lines-trace': (v) =>
    `${v.traceId === '' ? 'the spans without a trace id' : `trace ${v.traceId}`} (spans from line ` +
    `${v.lines.join(', ')}; places counted within its spans): ${v.cause}`,
  'file-empty-data': (v) =>
    `the file holds no traces: "data" is empty${v.errors.length > 0 ? ` (Jaeger's errors: ${v.errors.join('; ')})` : ''}`,
};

/** The parse error with `code` and `values`, its message made from {@link PARSE_ERRORS}. */
export function parseError<C extends ParseErrorCode>(code: C, values: ParseErrorValues[C]): TraceParseError {
  const english = PARSE_ERRORS[code] as (v: ParseErrorValues[C]) => string;
  return new TraceParseError(english(values), { code, values } as ParseErrorWords);
}
