/**
 * What the panel can do with the data it received: analyse trace frames, fetch the traces of
 * search results, or say — specifically — why it can do neither. Pure: frames in, decision out.
 */
import { DataFrame, DataQueryRequest, InterpolateFunction } from '@grafana/data';
import { analyzeTrace, TraceAnalysis, traceFromDataFrame } from '../../engine';
import { classifyFrames, describeFrame, sampleHits, SearchHit, searchHits } from './frames';
import { BreakdownOptions, MAX_TRACES_LIMIT } from './options';

export interface PanelMessage {
  tone: 'info' | 'warning' | 'error';
  title: string;
  detail: string;
}

export type PanelInput =
  | { kind: 'message'; message: PanelMessage }
  | { kind: 'traces'; analyses: TraceAnalysis[]; tempoUid?: string; metrics: DataFrame[] }
  | { kind: 'search'; tempoUid: string; hits: SearchHit[]; notes: string[]; metrics: DataFrame[] };

const ADD_QUERY =
  'Add a Tempo query: TraceQL with a trace ID to analyse one trace, or a TraceQL search (table format "Traces") to aggregate the traces it lists. Jaeger and Zipkin trace queries work too.';

interface TempoTarget {
  refId: string;
  datasource?: { type?: string; uid?: string } | null;
  limit?: number;
}

/** The Tempo query that produced `frame`: same refId, else the only Tempo query of the request. */
function targetOf(frame: DataFrame, request: DataQueryRequest | undefined): TempoTarget | undefined {
  const targets = (request?.targets ?? []) as TempoTarget[];
  const tempo = targets.filter((t) => t.datasource?.type === 'tempo');
  return targets.find((t) => t.refId === frame.refId) ?? (tempo.length === 1 ? tempo[0] : undefined);
}

/**
 * The datasource uid of the query that produced `frame`; for search results without a known query,
 * the uid Tempo's datasource puts in the trace ID links of its "Traces" table.
 */
function uidOf(
  frame: DataFrame,
  request: DataQueryRequest | undefined,
  replaceVariables: InterpolateFunction
): string | undefined {
  const fromLink = frame.fields.find((f) => f.name === 'traceID')?.config.links?.find((l) => l.internal)
    ?.internal?.datasourceUid;
  const uid = targetOf(frame, request)?.datasource?.uid ?? fromLink;
  return uid ? replaceVariables(uid) : undefined;
}

const message = (tone: PanelMessage['tone'], title: string, detail: string): PanelInput => ({
  kind: 'message',
  message: { tone, title, detail },
});

function fromTraceFrames(frames: DataFrame[], metrics: DataFrame[], tempoUid: string | undefined): PanelInput {
  try {
    return { kind: 'traces', analyses: frames.map((f) => analyzeTrace(traceFromDataFrame(f))), tempoUid, metrics };
  } catch (e) {
    return message('error', 'The trace could not be read', (e as Error).message);
  }
}

function fromSearch(
  frames: DataFrame[],
  metrics: DataFrame[],
  options: BreakdownOptions,
  request: DataQueryRequest | undefined,
  replaceVariables: InterpolateFunction
): PanelInput {
  const listed = searchHits(frames);
  const tempoUid = uidOf(frames[0], request, replaceVariables);
  if (!tempoUid) {
    return message(
      'error',
      'Unknown Tempo datasource',
      'The search results do not say which Tempo datasource listed them: pick a Tempo datasource for the query (not a mixed one without it).'
    );
  }
  const max = Math.max(1, Math.min(MAX_TRACES_LIMIT, Math.floor(options.maxTraces) || 1));
  const hits = sampleHits(listed, max, options.sample);
  const notes: string[] = [];
  if (listed.length > max) {
    notes.push(
      `Analysing the ${max} ${options.sample} of the ${listed.length} traces the search listed (Max traces fetched: ${max}).`
    );
  }
  const limit = targetOf(frames[0], request)?.limit;
  if (limit !== undefined && listed.length >= limit) {
    notes.push(`The search stopped at its limit of ${limit} traces: more may match.`);
  }
  return { kind: 'search', tempoUid, hits, notes, metrics };
}

/** Decides what the panel shows for `series` (see the file header). */
export function panelInput(
  series: readonly DataFrame[],
  options: BreakdownOptions,
  request: DataQueryRequest | undefined,
  replaceVariables: InterpolateFunction
): PanelInput {
  const frames = classifyFrames(series);
  if (options.groupBy === 'attribute' && options.attributeKey.trim() === '') {
    return message(
      'info',
      'Which attribute?',
      'Group by is set to Attribute: enter an attribute key in the panel options, e.g. http.route or db.system.'
    );
  }
  if (frames.traces.length > 0) {
    return fromTraceFrames(frames.traces, frames.metrics, uidOf(frames.traces[0], request, replaceVariables));
  }
  if (frames.search.length > 0) {
    return fromSearch(frames.search, frames.metrics, options, request, replaceVariables);
  }
  if (frames.metrics.length > 0) {
    return message(
      'info',
      'Metrics alone are not enough',
      `This panel breaks traces down; the Prometheus (or other metrics) query here only adds a percentile overlay. ${ADD_QUERY}`
    );
  }
  if (frames.other.length > 0) {
    return message(
      'warning',
      'Not trace data',
      `The queries returned ${frames.other.map(describeFrame).join('; ')}, which holds no traces. ${ADD_QUERY}`
    );
  }
  const searched = series.some((f) => f.fields.some((x) => x.name === 'traceID' || x.name === 'traceIdHidden'));
  return searched
    ? message(
        'info',
        'No traces found',
        'The TraceQL search listed no traces in this time range: widen the time range or loosen the query.'
      )
    : message('info', 'No data', `The queries returned nothing in this time range. ${ADD_QUERY}`);
}
