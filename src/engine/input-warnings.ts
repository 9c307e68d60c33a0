/**
 * A reader's notes on its input (a repaired time, a second trace id, Jaeger's own warnings…) as
 * data: a code and the values its sentence names, with the English sentence made once here from
 * {@link INPUT_WARNINGS} (for logs, Node callers and tests). The UI words the code and values in
 * the user's language (components/inputWarningText.ts). Values that quote the input (ids, Jaeger's
 * texts, key lists) are the reader's shown text, already quoted or escaped. O(length of the values).
 */

/** The values each note names, by code. `spans`/`rows`/`traces`: the first few, of `count`. */
export interface InputWarningValues {
  'mixed-trace-ids': { first: string; other: string };
  'times-unset': { count: number; spans: string[] };
  'end-before-start': { count: number; spans: string[] };
  'no-spans': { resources: number; scopes: number; unknownKeys: string };
  'untimed-events': { count: number };
  'jaeger-trace-warning': { text: string };
  'jaeger-more-trace-warnings': { count: number };
  'jaeger-span-warnings': { count: number; example: string };
  'jaeger-errors': { errors: string[] };
  'zipkin-shared-ids': { count: number };
  'frame-bad-rows': { count: number; rows: number[] };
  'file-traces-without-spans': { count: number; traces: string[] };
  'file-repeated-trace': { traceId: string; times: number };
  'in-trace': { traceId: string; note: InputWarning };
}

export type InputWarningCode = keyof InputWarningValues;

/** One note: its code, its values and its English sentence. */
export type InputWarning = {
  [C in InputWarningCode]: { code: C; values: InputWarningValues[C]; message: string };
}[InputWarningCode];

type English = { [C in InputWarningCode]: (v: InputWarningValues[C]) => string };

/** " and N more" after the first few of `count` listed. */
const andMore = (count: number, listed: number) => (count > listed ? ` and ${count - listed} more` : '');

/** "N span(s) (a, b and 2 more) have" */
const spansHave = (v: { count: number; spans: string[] }) =>
  `${v.count} span(s) (${v.spans.join(', ')}${andMore(v.count, v.spans.length)}) have`;

/** Each code's English sentence. */
const INPUT_WARNINGS: English = {
  'mixed-trace-ids': (v) => `spans of more than one trace: ${v.first} and ${v.other} (analysed as one)`,
  'times-unset': (v) =>
    `${spansHave(v)} no start or end time; taken from their children and parent (else zero duration)`,
  'end-before-start': (v) => `${spansHave(v)} an end before their start; their duration is taken as 0`,
  'no-spans': (v) =>
    `the document has no spans: ${v.resources} resource entries and ${v.scopes} scope lists found` +
    (v.unknownKeys ? `; fields not recognised in them: ${v.unknownKeys}` : ''),
  'untimed-events': (v) => `${v.count} event(s) have no time (absent or 0); each is placed at its span's start`,
  'jaeger-trace-warning': (v) => `Jaeger: ${v.text}`,
  'jaeger-more-trace-warnings': (v) => `Jaeger: ${v.count} more trace warning(s)`,
  'jaeger-span-warnings': (v) => `Jaeger flagged ${v.count} span warning(s), e.g. ${v.example}`,
  'jaeger-errors': (v) => `Jaeger reported errors: ${v.errors.join('; ')}`,
  'zipkin-shared-ids': (v) =>
    `${v.count} shared client/server span id(s): each server half is nested under its client half with a derived id`,
  'frame-bad-rows': (v) =>
    `${v.count} row(s) of the trace frame (rows ${v.rows.join(', ')}${andMore(v.count, v.rows.length)}) have a ` +
    'startTime or duration that is negative, infinite or beyond the year 2255; taken as unknown',
  'file-traces-without-spans': (v) => `${v.count} trace(s) without spans left out: ${v.traces.join(', ')}`,
  'file-repeated-trace': (v) => `trace ${v.traceId} appears ${v.times} times in "data"; each is shown as it is`,
  'in-trace': (v) => `trace ${v.traceId}: ${v.note.message}`,
};

/** The note with `code` and `values`, its English sentence made from {@link INPUT_WARNINGS}. */
export function inputWarning<C extends InputWarningCode>(code: C, values: InputWarningValues[C]): InputWarning {
  const english = INPUT_WARNINGS[code] as (v: InputWarningValues[C]) => string;
  return { code, values, message: english(values) } as InputWarning;
}
