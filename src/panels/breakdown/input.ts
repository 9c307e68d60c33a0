/**
 * What the panel can do with the data it received: analyse trace frames, fetch the traces of
 * search results (Tempo or Jaeger, from the datasource that listed them: the `maxTraces` newest or
 * slowest, with how many were listed and whether the search stopped at its limit, for the coverage
 * line), break down all traffic from the TraceLens connector's metrics when those are all it got
 * (allTraffic.ts), or say — specifically — why it can do none. Pure: frames in, decision out.
 */
import { DataFrame, DataQueryRequest, InterpolateFunction } from '@grafana/data';
import { t } from '@grafana/i18n';
import { analyzeTrace, TraceAnalysis, traceFromDataFrame } from '../../engine';
import type { SourceKind, SourceRef } from '../../sources/types';
import { ConnectorMeasure, connectorMeasure, connectorMeasureOf, exprOf } from './allTraffic';
import { classifyFrames, describeFrame, sampleHits, SearchHit, searchFrameKind, searchHits } from './frames';
import { BreakdownOptions, MAX_TRACES_PER_PANEL } from './options';
import { AS_TEXT } from '../../components/i18n';
import { errorText } from '../../components/errorText';

export interface PanelMessage {
  tone: 'info' | 'warning' | 'error';
  title: string;
  detail: string;
}

/** A Tempo or Jaeger datasource: the kinds of trace source the panel loads from. */
export type TraceDatasource = SourceRef & { type: SourceKind };

export type PanelInput =
  | { kind: 'message'; message: PanelMessage }
  /** `source`: the trace datasource, when it is one TraceLens' pages read (links carry it) */
  | { kind: 'traces'; analyses: TraceAnalysis[]; source?: SourceRef; metrics: DataFrame[] }
  | {
      kind: 'search';
      source: TraceDatasource;
      /** the listed traces to fetch */
      hits: SearchHit[];
      /** distinct traces the search listed */
      listed: number;
      /** the query's limit, when it has one, and whether the search listed that many */
      search?: { limit: number; reached: boolean };
      metrics: DataFrame[];
    }
  /** the connector's rates of `measure`, in `metrics` (no trace query) */
  | { kind: 'allTraffic'; measure: ConnectorMeasure; metrics: DataFrame[] };

/** What to add to the panel's queries, ending the messages of a panel without trace data. */
const addQuery = () =>
  t(
    'panel.message.add-query',
    'Add a Tempo or Jaeger query: a trace ID to analyse one trace, or a search (Tempo: TraceQL, table format "Traces"; Jaeger: Search) to aggregate the traces it lists. Zipkin trace queries work too.'
  );

const SOURCE_KINDS: readonly string[] = ['tempo', 'jaeger'] satisfies SourceKind[];

interface TraceTarget {
  refId: string;
  datasource?: { type?: string; uid?: string } | null;
  limit?: number;
}

/** The query that produced `frame`: same refId, else the only Tempo or Jaeger query of the request. */
function targetOf(frame: DataFrame, request: DataQueryRequest | undefined): TraceTarget | undefined {
  const targets = (request?.targets ?? []) as TraceTarget[];
  const traced = targets.filter((t) => SOURCE_KINDS.includes(t.datasource?.type ?? ''));
  return targets.find((t) => t.refId === frame.refId) ?? (traced.length === 1 ? traced[0] : undefined);
}

/**
 * The Tempo or Jaeger datasource that produced `frame`: uid and type of its query; without a known
 * query, the uid both datasources put in the trace ID links of their search tables, and the type
 * the frame's shape tells (Jaeger's search table or trace frame, else Tempo). Undefined when the
 * query's datasource is of another type (Zipkin) or no uid is known.
 */
function sourceOf(
  frame: DataFrame,
  request: DataQueryRequest | undefined,
  replaceVariables: InterpolateFunction
): TraceDatasource | undefined {
  const target = targetOf(frame, request)?.datasource;
  const fromLink = frame.fields.find((f) => f.name === 'traceID')?.config.links?.find((l) => l.internal)
    ?.internal?.datasourceUid;
  const uid = target?.uid ?? fromLink;
  const jaegerShaped = searchFrameKind(frame) === 'jaeger' || frame.meta?.custom?.traceFormat === 'jaeger';
  const type = target?.type ?? (jaegerShaped ? 'jaeger' : 'tempo');
  return uid && SOURCE_KINDS.includes(type) ? { uid: replaceVariables(uid), type: type as SourceKind } : undefined;
}

const message = (tone: PanelMessage['tone'], title: string, detail: string): PanelInput => ({
  kind: 'message',
  message: { tone, title, detail },
});

function fromTraceFrames(frames: DataFrame[], metrics: DataFrame[], source: SourceRef | undefined): PanelInput {
  try {
    return { kind: 'traces', analyses: frames.map((f) => analyzeTrace(traceFromDataFrame(f))), source, metrics };
  } catch (e) {
    return message('error', t('panel.message.unreadable-trace', 'The trace could not be read'), errorText(e));
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
  const source = sourceOf(frames[0], request, replaceVariables);
  if (!source) {
    return message(
      'error',
      t('panel.message.unknown-source.title', 'Unknown trace datasource'),
      t(
        'panel.message.unknown-source.detail',
        'The search results do not say which Tempo or Jaeger datasource listed them: pick one for the query (not a mixed one without it).'
      )
    );
  }
  const max = Math.max(1, Math.min(MAX_TRACES_PER_PANEL, Math.floor(options.maxTraces) || 1));
  const hits = sampleHits(listed, max, options.sample);
  const limit = targetOf(frames[0], request)?.limit;
  return {
    kind: 'search',
    source,
    hits,
    listed: listed.length,
    search: limit === undefined ? undefined : { limit, reached: listed.length >= limit },
    metrics,
  };
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
      t('panel.message.no-attribute.title', 'Which attribute?'),
      t(
        'panel.message.no-attribute.detail',
        'Group by is set to Attribute: enter an attribute key in the panel options, e.g. http.route or db.system.'
      )
    );
  }
  if (frames.traces.length > 0) {
    return fromTraceFrames(frames.traces, frames.metrics, sourceOf(frames.traces[0], request, replaceVariables));
  }
  if (frames.search.length > 0) {
    return fromSearch(frames.search, frames.metrics, options, request, replaceVariables);
  }
  const measured = frames.metrics.map((f) => connectorMeasureOf(f, request));
  const measure = measured.find((m) => m !== undefined);
  if (measure) {
    return { kind: 'allTraffic', measure, metrics: frames.metrics.filter((_, i) => measured[i] === measure) };
  }
  if (frames.metrics.length > 0) {
    return message(
      'info',
      t('panel.message.metrics-only.title', 'Metrics alone are not enough'),
      t(
        'panel.message.metrics-only.detail',
        "This panel breaks traces down; the Prometheus (or other metrics) query here only adds a percentile overlay, unless it reads the TraceLens connector's self-time or critical-path histograms (all traffic). {{addQuery}}",
        { addQuery: addQuery(), ...AS_TEXT }
      )
    );
  }
  if (frames.other.length > 0) {
    return message(
      'warning',
      t('panel.message.not-traces.title', 'Not trace data'),
      t('panel.message.not-traces.detail', 'The queries returned {{frames}}, which holds no traces. {{addQuery}}', {
        frames: frames.other.map(describeFrame).join('; '),
        addQuery: addQuery(),
        ...AS_TEXT,
      })
    );
  }
  if ((request?.targets ?? []).some((t) => connectorMeasure(exprOf(t)))) {
    return message(
      'info',
      t('panel.message.no-connector.title', 'No TraceLens connector metrics'),
      t(
        'panel.message.no-connector.detail',
        'The query reads the TraceLens connector’s histograms, but Prometheus returned none in this time range: add the tracelens_latency connector to your OpenTelemetry Collector (see collector/README.md in the TraceLens repository), or widen the time range.'
      )
    );
  }
  const searched = series.some((f) => f.fields.some((x) => x.name === 'traceID' || x.name === 'traceIdHidden'));
  return searched
    ? message(
        'info',
        t('panel.message.no-traces.title', 'No traces found'),
        t(
          'panel.message.no-traces.detail',
          'The search listed no traces in this time range: widen the time range or loosen the query.'
        )
      )
    : message(
        'info',
        t('panel.message.no-data.title', 'No data'),
        t('panel.message.no-data.detail', 'The queries returned nothing in this time range. {{addQuery}}', {
          addQuery: addQuery(),
          ...AS_TEXT,
        })
      );
}
