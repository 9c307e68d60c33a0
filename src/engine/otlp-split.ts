/**
 * Regroups the spans of OTLP/JSON documents by trace id, for files: one export request may hold
 * spans of many traces (a collector's file exporter, Jaeger v3's search answer), and the spans
 * of one trace may be spread over several requests (the lines of a JSON Lines file), while
 * `parseOtlpTrace` reads one trace per document. Each trace gets a document of its own,
 * `{"resourceSpans":[{resource, scopeSpans:[{scope, spans}]}]}`, made of the raw text of its
 * spans, resources and scopes — nothing is parsed into numbers here, so 64-bit times and ids stay
 * exactly as written. A resource (and a scope inside it) whose text is identical in several
 * places is written once. The member names are kept as the input spells them (`scopeSpans` or
 * `scope_spans`, `scope` or `instrumentationLibrary`…), so a snake_case protobuf-JSON input
 * stays snake_case.
 *
 * Definitions: a span's trace id is its `traceId` (or `trace_id`) as lowercase hex of its bytes
 * (hex and base64 spellings of one id are one trace); an id that is neither is its own trace,
 * and spans without one form the trace ''. Traces are in order of first appearance.
 *
 * Complexity: one scan of the text with the streaming scanner (values outside spans are skipped,
 * each span's members are skipped except its trace id), O(length); a resource or scope written
 * after its spans is attached when its object ends. The documents built are about as long as
 * the input together. Reading them is the caller's second pass.
 */
import { fail } from './builder';
import { idTextToHex } from './ids';
import { JsonScanner } from './json-scanner';

/** The spans of one trace, as a document `parseOtlpTrace` reads. */
export interface OtlpTraceText {
  /** lowercase hex ('' when the spans have none; a JSON string when the id is neither hex nor base64) */
  traceId: string;
  text: string;
  /** numbers of the documents (lines) its spans came from, ascending */
  documents: number[];
}

/** A span read, waiting for its resource (and scope) to be known. */
interface PendingSpan {
  traceId: string;
  /** the scope-spans member name it was listed under */
  list: string;
  scopeMember: string;
  scopeRaw: string;
  raw: string;
}

interface ScopeGroup {
  member: string;
  raw: string;
  spans: string[];
}

interface ResourceGroup {
  raw: string;
  /** the scope-spans member name as written */
  list: string;
  scopes: Map<string, ScopeGroup>;
}

interface TraceGroup {
  resources: Map<string, ResourceGroup>;
  documents: number[];
}

class OtlpSplitter {
  private readonly sc: JsonScanner;
  readonly traces = new Map<string, TraceGroup>();
  spanCount = 0;
  /** the resource-spans member name of the output (`resource_spans` once the input used it) */
  listName = 'resourceSpans';
  private document = 0;
  /** documents with no OTLP member, and their top-level keys */
  readonly notOtlp: Array<[number, string[]]> = [];

  constructor(text: string) {
    this.sc = new JsonScanner(text);
  }

  /** Reads the document in `[from, to)`, numbered `document` (its line in a JSON Lines file). */
  read(from: number, to: number, document: number): void {
    const sc = this.sc;
    sc.p = from;
    this.document = document;
    const keys: string[] = [];
    let found = false;
    if (sc.obj()) {
      do {
        sc.key();
        keys.push(sc.text());
        if (sc.is('trace') || sc.is('result')) {
          found = true;
          if (sc.obj()) {
            do {
              sc.key();
              if (sc.is('resourceSpans') || sc.is('resource_spans')) {
                this.resourceSpansList();
              } else {
                sc.skip();
              }
            } while (sc.moreMembers());
          }
        } else if (sc.is('batches') || sc.is('resourceSpans') || sc.is('resource_spans')) {
          found = true;
          this.resourceSpansList();
        } else {
          sc.skip();
        }
      } while (sc.moreMembers());
    }
    if (!found) {
      this.notOtlp.push([document, keys]);
    }
    sc.ws();
    if (sc.p < to) {
      sc.syntax(to < sc.s.length ? 'the end of the line' : 'the end of the input');
    }
  }

  private resourceSpansList(): void {
    const sc = this.sc;
    if (sc.is('resource_spans')) {
      this.listName = 'resource_spans';
    }
    if (!sc.arr()) {
      return;
    }
    do {
      // the resource may come after its spans: they wait in `pending` until the object ends
      let resourceRaw = '';
      const pending: PendingSpan[] = [];
      if (sc.obj()) {
        do {
          sc.key();
          if (sc.is('resource')) {
            resourceRaw = sc.s.slice(sc.skip(), sc.p);
          } else if (
            sc.is('scopeSpans') ||
            sc.is('scope_spans') ||
            sc.is('instrumentationLibrarySpans') ||
            sc.is('instrumentation_library_spans')
          ) {
            this.scopeSpansList(sc.text(), pending);
          } else {
            sc.skip();
          }
        } while (sc.moreMembers());
      }
      for (const span of pending) {
        this.add(span, resourceRaw);
      }
    } while (sc.moreElements());
  }

  /** Reads a scope-spans list (named `list` in the input) into `pending`, each span with its scope. */
  private scopeSpansList(list: string, pending: PendingSpan[]): void {
    const sc = this.sc;
    if (!sc.arr()) {
      return;
    }
    do {
      // likewise the scope may come after its spans
      const from = pending.length;
      let member = '';
      let raw = '';
      if (sc.obj()) {
        do {
          sc.key();
          if (sc.is('scope') || sc.is('instrumentationLibrary') || sc.is('instrumentation_library')) {
            member = sc.text();
            raw = sc.s.slice(sc.skip(), sc.p);
          } else if (sc.is('spans')) {
            this.spans(list, pending);
          } else {
            sc.skip();
          }
        } while (sc.moreMembers());
      }
      for (let k = from; k < pending.length; k++) {
        pending[k].scopeMember = member;
        pending[k].scopeRaw = raw;
      }
    } while (sc.moreElements());
  }

  /** Reads a `spans` array into `pending`: each span's raw text and trace id. */
  private spans(list: string, pending: PendingSpan[]): void {
    const sc = this.sc;
    if (!sc.arr()) {
      return;
    }
    do {
      sc.ws();
      const start = sc.p;
      let traceId = '';
      if (sc.obj()) {
        do {
          sc.key();
          if ((sc.is('traceId') || sc.is('trace_id')) && sc.str()) {
            const text = sc.text();
            traceId = idTextToHex(text) || JSON.stringify(text);
          } else {
            sc.skip();
          }
        } while (sc.moreMembers());
      }
      pending.push({ traceId, list, scopeMember: '', scopeRaw: '', raw: sc.s.slice(start, sc.p) });
    } while (sc.moreElements());
  }

  private add(span: PendingSpan, resourceRaw: string): void {
    this.spanCount++;
    let trace = this.traces.get(span.traceId);
    if (!trace) {
      trace = { resources: new Map(), documents: [] };
      this.traces.set(span.traceId, trace);
    }
    if (trace.documents[trace.documents.length - 1] !== this.document) {
      trace.documents.push(this.document);
    }
    const resourceKey = `${span.list}\n${resourceRaw}`;
    let resource = trace.resources.get(resourceKey);
    if (!resource) {
      resource = { raw: resourceRaw, list: span.list, scopes: new Map() };
      trace.resources.set(resourceKey, resource);
    }
    const scopeKey = `${span.scopeMember}\n${span.scopeRaw}`;
    let scope = resource.scopes.get(scopeKey);
    if (!scope) {
      scope = { member: span.scopeMember, raw: span.scopeRaw, spans: [] };
      resource.scopes.set(scopeKey, scope);
    }
    scope.spans.push(span.raw);
  }

  /** The document of one trace (see the file header). */
  text(trace: TraceGroup): string {
    const resources: string[] = [];
    for (const r of trace.resources.values()) {
      const scopes: string[] = [];
      for (const s of r.scopes.values()) {
        const scope = s.member !== '' ? `"${s.member}":${s.raw},` : '';
        scopes.push(`{${scope}"spans":[${s.spans.join(',')}]}`);
      }
      const resource = r.raw !== '' ? `"resource":${r.raw},` : '';
      resources.push(`{${resource}"${r.list}":[${scopes.join(',')}]}`);
    }
    return `{"${this.listName}":[${resources.join(',')}]}`;
  }
}

/**
 * Splits the OTLP/JSON documents at `ranges` of `text` (`[from, to, number]` each: the whole
 * text, or the lines of a JSON Lines file with their line numbers) into one document per trace
 * id (see the file header).
 * Returns them in order of first appearance, the number of spans found, and the documents that
 * have no OTLP member (`resourceSpans`, `resource_spans`, `batches`, `trace`, `result`) with
 * their top-level keys.
 *
 * @throws {@link TraceParseError} for invalid JSON (line and column) or a line holding more
 *   than one value.
 */
export function splitOtlpByTrace(
  text: string,
  ranges: ReadonlyArray<readonly [number, number, number]>
): { traces: OtlpTraceText[]; spanCount: number; notOtlp: Array<[number, string[]]> } {
  if (ranges.length === 0) {
    fail('no OTLP document to read');
  }
  const splitter = new OtlpSplitter(text);
  for (const [from, to, document] of ranges) {
    splitter.read(from, to, document);
  }
  const traces: OtlpTraceText[] = [];
  for (const [traceId, trace] of splitter.traces) {
    traces.push({ traceId, text: splitter.text(trace), documents: trace.documents });
  }
  return { traces, spanCount: splitter.spanCount, notOtlp: splitter.notOtlp };
}
