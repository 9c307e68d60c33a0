/**
 * The trace page's LLM view: the trace's GenAI spans per model and operation (requests, TTFT,
 * decode and queue time as p50 / p90 / p99, tokens in and out, output tokens per second), the
 * disaggregated-serving split when the trace has prefill or decode spans, and the values left
 * out. Numbers come from llmViewModel.ts; definitions in src/engine/DEFINITIONS.md §6.
 */
import React, { useMemo } from 'react';
import { css } from '@emotion/css';
import { GrafanaTheme2 } from '@grafana/data';
import { t, Trans } from '@grafana/i18n';
import { Alert, Column, useStyles2 } from '@grafana/ui';
import { DisaggSplit, GenAiRow, Percentiles } from '../../../engine';
import { NamedTable } from '../../../components/NamedTable';
import { sortableColumn } from '../../../components/tableColumns';
import { formatDuration } from '../../../components/breakdown';
import { genAiWarningText } from '../../../components/genaiWarningText';
import { AS_TEXT } from '../../../components/i18n';
import { labelText } from '../../../components/noneLabel';
import { countColumn, durationColumn, shareColumn, textColumn } from './columns';
import { isLlmViewEmpty, LlmView as LlmViewModel, SplitPart } from './llmViewModel';
import { WarningList } from './WarningList';

const rowId = (r: GenAiRow) => `${r.model} ${r.operation}`;

/** "p50 / p90 / p99", then how many requests had the figure when not all did. */
function percentileCell(p: Percentiles, known: number, requests: number): string {
  const ranks = `${formatDuration(p.p50)} / ${formatDuration(p.p90)} / ${formatDuration(p.p99)}`;
  return known === requests
    ? ranks
    : t('trace.genai.llm.some-known', '{{ranks}} ({{known}} of {{requests}})', { ranks, known, requests, ...AS_TEXT });
}

function rowColumns(): Array<Column<GenAiRow>> {
  const percentiles = [
    ['ttft', t('trace.genai.llm.ttft', 'TTFT p50 / p90 / p99'), 'withTtft'],
    ['decodeTime', t('trace.genai.llm.decode', 'Decode p50 / p90 / p99'), 'withDecodeTime'],
    ['queueTime', t('trace.genai.llm.queue', 'Queue p50 / p90 / p99'), 'withQueueTime'],
  ] as const;
  return [
    textColumn('model', t('trace.genai.llm.model', 'Model'), (r) => labelText(r.model)),
    textColumn('operation', t('trace.genai.llm.operation', 'Operation'), (r) => r.operation),
    countColumn('requests', t('trace.genai.llm.requests', 'Requests'), (r) => r.requests),
    ...percentiles.map(([key, header, known]) =>
      sortableColumn<GenAiRow>(
        key,
        header,
        (r) => r[key].p50,
        (r) => percentileCell(r[key], r[known], r.requests)
      )
    ),
    countColumn('inputTokens', t('trace.genai.llm.tokens-in', 'Tokens in'), (r) => r.inputTokens),
    countColumn('outputTokens', t('trace.genai.llm.tokens-out', 'Tokens out'), (r) => r.outputTokens),
    sortableColumn(
      'rate',
      t('trace.genai.llm.rate', 'Output tokens/s'),
      (r) => r.outputTokensPerSecond ?? undefined,
      (r) => (r.outputTokensPerSecond === null ? '–' : r.outputTokensPerSecond.toFixed(1))
    ),
  ];
}

function splitColumns(): Array<Column<SplitPart>> {
  const names: Record<keyof DisaggSplit, string> = {
    prefill: t('trace.genai.llm.split.prefill', 'Prefill'),
    decode: t('trace.genai.llm.split.decode', 'Decode'),
    workerQueue: t('trace.genai.llm.split.worker-queue', 'Worker queue'),
    network: t('trace.genai.llm.split.network', 'Network'),
    routing: t('trace.genai.llm.split.routing', 'Routing'),
  };
  return [
    textColumn('part', t('trace.genai.llm.split.part', 'Part'), (p) => names[p.key]),
    durationColumn('time', t('trace.genai.llm.split.time', 'Time'), (p) => p.time),
    shareColumn('share', t('trace.genai.llm.split.share', 'Share'), (p) => p.share),
  ];
}

export function LlmView({ view }: { view: LlmViewModel }) {
  const styles = useStyles2(getStyles);
  const columns = useMemo(() => ({ rows: rowColumns(), split: splitColumns() }), []);
  if (isLlmViewEmpty(view)) {
    return (
      <Alert severity="info" title={t('trace.genai.llm.none-title', 'No LLM spans')}>
        <Trans i18nKey="trace.genai.llm.none-body">
          No span of this trace has gen_ai.operation.name (OpenTelemetry’s GenAI conventions) or a disagg_role, so there
          is no model call to show.
        </Trans>
      </Alert>
    );
  }
  return (
    <div className={styles.wrap}>
      {view.rows.length > 0 ? (
        <NamedTable
          label={t('trace.genai.llm.label', 'GenAI spans per model and operation')}
          columns={columns.rows}
          data={view.rows}
          getRowId={rowId}
          description={t(
            'trace.genai.llm.description',
            'TTFT: time to first token (ttft_ms, else the gen_ai.first_token event). Decode: span end − first token. Queue: from the serving process’s SERVER span to the model span. Output tokens/s: all output tokens over all decode time.'
          )}
        />
      ) : (
        <p className={styles.note}>
          <Trans i18nKey="trace.genai.llm.no-genai">No span of this trace has gen_ai.operation.name.</Trans>
        </p>
      )}
      {view.split && (
        <NamedTable
          label={t('trace.genai.llm.split.label', 'Disaggregated serving split')}
          columns={columns.split}
          data={view.split}
          getRowId={(p) => p.key}
          fit
          description={t(
            'trace.genai.llm.split.description',
            'Each span’s self time goes to one part: prefill or decode (under a disagg_role span), network (CLIENT spans), worker queue (the workers’ other spans), routing (the rest). Shares are of their sum, the trace’s duration when no two spans run at once.'
          )}
        />
      )}
      <WarningList
        title={t('trace.genai.llm.left-out', 'Values left out')}
        warnings={view.warnings.map(genAiWarningText)}
      />
    </div>
  );
}

const getStyles = (theme: GrafanaTheme2) => ({
  wrap: css({ display: 'flex', flexDirection: 'column', gap: theme.spacing(2) }),
  note: css({ color: theme.colors.text.secondary }),
});
