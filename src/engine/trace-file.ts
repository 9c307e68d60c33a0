/**
 * `readTraceFile`: detects the format of a trace file a user opened or pasted and reads every
 * trace in it, one {@link ParsedTrace} per trace id, in file order.
 *
 * Detection, from the text alone (a leading byte-order mark is ignored):
 * - an array → Zipkin v2 JSON (spans, or an array of traces that are arrays of spans): zipkin-json.ts;
 * - an object followed, on later lines, by more objects, with a first line that is a complete
 *   JSON value → OTLP JSON Lines (one export request per line): the spans of every line are
 *   regrouped by trace id (otlp-split.ts), so a trace spread over lines is one trace;
 * - an object, by its first top-level member that names a format: `resourceSpans`, `batches`
 *   (Tempo v1), `trace` (Tempo v2), `result` (Jaeger v3) → OTLP/JSON, labelled
 *   `otlp-protojson` when it is snake_case protobuf-JSON as Go's jsonpb writes it
 *   (`resource_spans`, `scope_spans`, `span_id`…); `data` → Jaeger JSON (`{"data":[trace…]}`);
 *   `traceID`, `spans` or `processes` → one bare Jaeger trace object.
 * Anything else is a {@link TraceParseError} that names the supported formats and what the top
 * level looked like (e.g. `an object with keys "foo", "bar"`); a file whose format is known but
 * which holds no span says "the file holds no traces". No format ever yields a trace of 0 spans:
 * a Jaeger `data` element without spans beside real traces is left out with a file warning (as
 * is said when a trace id repeats there).
 *
 * Cost: an OTLP/JSON document is read once by `parseOtlpTrace` (the fast reader); only when that
 * fails and the document holds several trace ids (`parseOtlpTrace` reads one trace per document)
 * is it scanned once more to regroup its spans by trace id and each trace read again — about 3×
 * a single read, acceptable for a file opened once. JSON Lines: one scan plus one read. Jaeger
 * JSON: one pass. Zipkin: `JSON.parse` plus one pass over the spans. Detection itself reads only
 * the top-level keys up to the first one that names a format (and skips the values before it).
 */
import { fail } from './builder';
import { quoteInput, TraceParseError } from './errors';
import { FilePlace, parseError, ValueShape } from './parse-errors';
import { InputWarning, inputWarning } from './input-warnings';
import { parseJaegerTraceObject, parseJaegerTraces } from './jaeger-json';
import { JsonScanner } from './json-scanner';
import { ParsedTrace } from './model';
import { parseOtlpTrace } from './otlp';
import { splitOtlpByTrace } from './otlp-split';
import { zipkinTraces } from './zipkin-json';

/** Formats {@link readTraceFile} recognises. */
export type TraceFileFormat = 'otlp-json' | 'otlp-json-lines' | 'otlp-protojson' | 'jaeger-json' | 'zipkin-v2';

/** What a trace file holds: its format, one trace per trace id (file order), and file-level warnings. */
export interface TraceFile {
  format: TraceFileFormat;
  traces: ParsedTrace[];
  warnings: InputWarning[];
}

const OTLP_KEYS = new Set(['resourceSpans', 'resource_spans', 'batches', 'trace', 'result']);
const JAEGER_OBJECT_KEYS = new Set(['traceID', 'spans', 'processes']);

/** snake_case member names only protobuf-JSON uses, looked for near the start of the text. */
const SNAKE_CASE =
  /"(?:resource_spans|scope_spans|instrumentation_library_spans|span_id|trace_id|start_time_unix_nano)"\s*:/;
const SNAKE_CASE_WINDOW = 1 << 16;

/** The first eight keys, quoted. */
const shownKeys = (keys: readonly string[]) => keys.slice(0, 8).map((k) => quoteInput(k, 40));

/** A JSON value's shape for a message. */
function shapeOf(v: unknown): ValueShape {
  if (Array.isArray(v)) {
    return { kind: 'array' };
  }
  if (v !== null && typeof v === 'object') {
    const keys = Object.keys(v);
    return { kind: 'object', keys: shownKeys(keys), count: keys.length };
  }
  return typeof v === 'string' ? { kind: 'string', text: quoteInput(v, 40) } : { kind: 'literal', text: String(v) };
}

/** Throws the error of invalid JSON text: the strict scanner's line and column. */
function invalidJson(text: string, cause: unknown): never {
  const sc = new JsonScanner(text);
  sc.skip();
  sc.end();
  return fail(`invalid JSON: ${String((cause as Error)?.message ?? cause).slice(0, 100)}`);
}

/**
 * Every trace must have spans: a reader that found none means the file holds no traces (said
 * with the reader's own note on what it found, when it has one).
 */
function withSpans(traces: ParsedTrace[], place: FilePlace): ParsedTrace[] {
  const empty = traces.find((t) => t.spanCount === 0);
  if (traces.length === 0 || empty) {
    throw parseError('file-no-spans', { place, note: empty?.warnings[0] });
  }
  return traces;
}

function zipkinFile(text: string): TraceFile {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (e) {
    invalidJson(text, e);
  }
  const spans = value as unknown[];
  if (spans.length === 0) {
    throw parseError('file-empty-array', {});
  }
  const first = Array.isArray(spans[0]) ? spans[0][0] : spans[0];
  const looksLikeSpan = first !== null && typeof first === 'object' && ('traceId' in first || 'id' in first);
  if (!looksLikeSpan && first !== undefined) {
    throw parseError('file-bad-array', { first: shapeOf(first) });
  }
  return { format: 'zipkin-v2', traces: withSpans(zipkinTraces(spans), 'array'), warnings: [] };
}

/** `[from, to, line]` of the non-blank lines when the text is JSON Lines, else undefined. */
function jsonLines(text: string, start: number): Array<[number, number, number]> | undefined {
  const firstEnd = text.indexOf('\n', start);
  if (firstEnd < 0 || !/\S/.test(text.slice(firstEnd, firstEnd + 4096))) {
    return undefined;
  }
  try {
    JSON.parse(text.slice(start, firstEnd));
  } catch {
    return undefined;
  }
  const ranges: Array<[number, number, number]> = [];
  let line = 1;
  for (let from = 0; from <= text.length; line++) {
    let to = text.indexOf('\n', from);
    to = to < 0 ? text.length : to;
    if (/\S/.test(text.slice(from, to))) {
      ranges.push([from, to, line]);
    }
    from = to + 1;
  }
  return ranges;
}

function otlpLinesFile(text: string, lines: Array<[number, number, number]>): TraceFile {
  const split = splitOtlpByTrace(text, lines);
  if (split.notOtlp.length > 0) {
    const [line, keys] = split.notOtlp[0];
    throw parseError('file-line-not-otlp', { line, keys: shownKeys(keys), count: keys.length });
  }
  if (split.spanCount === 0) {
    throw parseError('file-lines-without-spans', {});
  }
  const traces = split.traces.map((g) => {
    try {
      return parseOtlpTrace(g.text);
    } catch (e) {
      if (!(e instanceof TraceParseError)) {
        throw e;
      }
      // paths in the message count within this trace's spans, regrouped from the lines named
      throw parseError('file-lines-trace', {
        traceId: g.traceId,
        lines: g.documents,
        cause: e.message,
        causeWords: e.words,
      });
    }
  });
  return { format: 'otlp-json-lines', traces: withSpans(traces, 'lines'), warnings: [] };
}

function otlpFile(text: string): TraceFile {
  const format = SNAKE_CASE.test(text.slice(0, SNAKE_CASE_WINDOW)) ? 'otlp-protojson' : 'otlp-json';
  let first: TraceParseError;
  try {
    return { format, traces: withSpans([parseOtlpTrace(text)], 'document'), warnings: [] };
  } catch (e) {
    if (!(e instanceof TraceParseError)) {
      throw e;
    }
    first = e;
  }
  // several traces in one document: regroup by trace id; any other failure is the first one's
  let split: ReturnType<typeof splitOtlpByTrace>;
  try {
    split = splitOtlpByTrace(text, [[0, text.length, 1]]);
  } catch {
    throw first;
  }
  if (split.traces.length < 2) {
    throw first;
  }
  try {
    return {
      format,
      traces: withSpans(
        split.traces.map((g) => parseOtlpTrace(g.text)),
        'document'
      ),
      warnings: [],
    };
  } catch {
    throw first;
  }
}

function jaegerFile(text: string): TraceFile {
  const { traces, errors } = parseJaegerTraces(text);
  if (traces.length === 0) {
    throw parseError('file-empty-data', { errors });
  }
  // a data list may hold a trace without spans beside real ones: left out, and said so
  const kept = traces.filter((t) => t.spanCount > 0);
  const warnings: InputWarning[] = [];
  if (kept.length > 0 && kept.length < traces.length) {
    const left = traces.map((t, k) => (t.spanCount === 0 ? `data[${k}]` : '')).filter((w) => w !== '');
    warnings.push(inputWarning('file-traces-without-spans', { count: left.length, traces: left.slice(0, 5) }));
  }
  const ids = kept.map((t) => t.traceId);
  const repeated = ids.filter((id, k) => ids.indexOf(id) !== k);
  if (repeated.length > 0) {
    const times = ids.filter((id) => id === repeated[0]).length;
    warnings.push(inputWarning('file-repeated-trace', { traceId: repeated[0], times }));
  }
  return { format: 'jaeger-json', traces: withSpans(kept.length > 0 ? kept : traces, 'data'), warnings };
}

/** The first top-level key that names a format ('' if none), and the keys before it. */
function formatKey(text: string, start: number): { key: string; keys: string[] } {
  const sc = new JsonScanner(text);
  sc.p = start;
  const keys: string[] = [];
  if (sc.obj()) {
    do {
      sc.key();
      const key = sc.text();
      if (OTLP_KEYS.has(key) || key === 'data' || JAEGER_OBJECT_KEYS.has(key)) {
        return { key, keys };
      }
      keys.push(key);
      sc.skip();
    } while (sc.moreMembers());
  }
  sc.end();
  return { key: '', keys };
}

/**
 * Detects the format of a trace file's text and reads every trace in it (one ParsedTrace per
 * trace id, in file order). Throws TraceParseError naming the supported formats when none matches.
 */
export function readTraceFile(text: string): TraceFile {
  if (typeof text !== 'string') {
    fail(`not a trace file: expected its text, got ${text === null ? 'null' : typeof text}`);
  }
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const start = body.search(/\S/);
  if (start < 0) {
    throw parseError('file-empty', {});
  }
  const c = body[start];
  if (c === '[') {
    return zipkinFile(body);
  }
  if (c !== '{') {
    throw parseError('file-bad-start', { start: quoteInput(body.slice(start, start + 20), 20) });
  }
  const lines = jsonLines(body, start);
  if (lines) {
    return otlpLinesFile(body, lines);
  }
  const { key, keys } = formatKey(body, start);
  if (OTLP_KEYS.has(key)) {
    return otlpFile(body);
  }
  if (key === 'data') {
    return jaegerFile(body);
  }
  if (key !== '') {
    return {
      format: 'jaeger-json',
      traces: withSpans([parseJaegerTraceObject(body)], 'trace-object'),
      warnings: [],
    };
  }
  throw parseError('file-unknown-object', { keys: shownKeys(keys), count: keys.length });
}
