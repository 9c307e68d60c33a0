/**
 * The trace page's LLM view: the trace's GenAI spans per model and operation (requests, TTFT,
 * decode and queue time as p50 / p90 / p99, tokens in and out, output tokens per second), the
 * disaggregated-serving split when the trace has prefill or decode spans, and the values left
 * out. Numbers come from llmViewModel.ts; definitions in src/engine/DEFINITIONS.md §6.
 */
import React from 'react';
import { css } from '@emotion/css';
import { GrafanaTheme2 } from '@grafana/data';
import { Alert, Column, useStyles2 } from '@grafana/ui';
import { GenAiRow, Percentiles } from '../../../engine';
import { NamedTable } from '../../../components/NamedTable';
import { sortableColumn } from '../../../components/tableColumns';
import { formatDuration } from '../../../components/breakdown';
import { countColumn, durationColumn, shareColumn, textColumn } from './columns';
import { isLlmViewEmpty, LlmView as LlmViewModel, SplitPart } from './llmViewModel';
import { WarningList } from './WarningList';

const rowId = (r: GenAiRow) => `${r.model} ${r.operation}`;

/** "p50 / p90 / p99", then how many requests had the figure when not all did. */
function percentileCell(p: Percentiles, known: number, requests: number): string {
  const ranks = `${formatDuration(p.p50)} / ${formatDuration(p.p90)} / ${formatDuration(p.p99)}`;
  return known === requests ? ranks : `${ranks} (${known} of ${requests})`;
}

const PERCENTILES = [
  ['ttft', 'TTFT p50 / p90 / p99', 'withTtft'],
  ['decodeTime', 'Decode p50 / p90 / p99', 'withDecodeTime'],
  ['queueTime', 'Queue p50 / p90 / p99', 'withQueueTime'],
] as const;

const ROW_COLUMNS: Array<Column<GenAiRow>> = [
  textColumn('model', 'Model', (r) => r.model),
  textColumn('operation', 'Operation', (r) => r.operation),
  countColumn('requests', 'Requests', (r) => r.requests),
  ...PERCENTILES.map(([key, header, known]) =>
    sortableColumn<GenAiRow>(
      key,
      header,
      (r) => r[key].p50,
      (r) => percentileCell(r[key], r[known], r.requests)
    )
  ),
  countColumn('inputTokens', 'Tokens in', (r) => r.inputTokens),
  countColumn('outputTokens', 'Tokens out', (r) => r.outputTokens),
  sortableColumn(
    'rate',
    'Output tokens/s',
    (r) => r.outputTokensPerSecond ?? undefined,
    (r) => (r.outputTokensPerSecond === null ? '–' : r.outputTokensPerSecond.toFixed(1))
  ),
];

const SPLIT_COLUMNS: Array<Column<SplitPart>> = [
  textColumn('part', 'Part', (p) => p.label),
  durationColumn('time', 'Time', (p) => p.time),
  shareColumn('share', 'Share', (p) => p.share),
];

export function LlmView({ view }: { view: LlmViewModel }) {
  const styles = useStyles2(getStyles);
  if (isLlmViewEmpty(view)) {
    return (
      <Alert severity="info" title="No LLM spans">
        No span of this trace has gen_ai.operation.name (OpenTelemetry’s GenAI conventions) or a disagg_role, so there
        is no model call to show.
      </Alert>
    );
  }
  return (
    <div className={styles.wrap}>
      {view.rows.length > 0 ? (
        <NamedTable
          label="GenAI spans per model and operation"
          columns={ROW_COLUMNS}
          data={view.rows}
          getRowId={rowId}
          description="TTFT: time to first token (ttft_ms, else the gen_ai.first_token event). Decode: span end − first token. Queue: from the serving process’s SERVER span to the model span. Output tokens/s: all output tokens over all decode time."
        />
      ) : (
        <p className={styles.note}>No span of this trace has gen_ai.operation.name.</p>
      )}
      {view.split && (
        <NamedTable
          label="Disaggregated serving split"
          columns={SPLIT_COLUMNS}
          data={view.split}
          getRowId={(p) => p.key}
          fit
          description="Each span’s self time goes to one part: prefill or decode (under a disagg_role span), network (CLIENT spans), worker queue (the workers’ other spans), routing (the rest). Shares are of their sum, the trace’s duration when no two spans run at once."
        />
      )}
      <WarningList title="Values left out" warnings={view.warnings} />
    </div>
  );
}

const getStyles = (theme: GrafanaTheme2) => ({
  wrap: css({ display: 'flex', flexDirection: 'column', gap: theme.spacing(2) }),
  note: css({ color: theme.colors.text.secondary }),
});
