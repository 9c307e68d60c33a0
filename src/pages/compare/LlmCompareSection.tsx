/**
 * The compare page's "LLM calls per model": for each model and operation of the two sets' GenAI
 * spans (llmCompare.ts), requests per trace, TTFT p50 and p90, decode p50, queue p50 and output
 * tokens per second, each as slow vs baseline with the difference (red where the slow side is
 * worse: more time, fewer tokens per second). Headers sort by the difference.
 */
import React, { useMemo } from 'react';
import { css } from '@emotion/css';
import { t, Trans } from '@grafana/i18n';
import { GrafanaTheme2 } from '@grafana/data';
import { Column, useStyles2 } from '@grafana/ui';
import { formatDuration } from '../../components/breakdown';
import { labelText } from '../../components/noneLabel';
import { NamedTable } from '../../components/NamedTable';
import { sortableColumn } from '../../components/tableColumns';
import type { LlmCompareRow, LlmFigures } from './llmCompare';
import { signed, SlowVsBaseline } from './SlowVsBaseline';

type Figure = keyof LlmFigures;

/** a figure's text; '–' where unknown */
const FORMAT: Record<Figure, (v: number) => string> = {
  requestsPerTrace: (v) => String(Math.round(v * 100) / 100),
  ttftP50: formatDuration,
  ttftP90: formatDuration,
  decodeP50: formatDuration,
  queueP50: formatDuration,
  outputTokensPerSecond: (v) => v.toFixed(1),
};
const show = (figure: Figure, v: number | null) => (v === null || !Number.isFinite(v) ? '–' : FORMAT[figure](v));

/** whether a difference makes the slow side worse (more time; fewer tokens per second); requests are neither */
function worse(figure: Figure, delta: number | null): boolean | undefined {
  if (delta === null || !Number.isFinite(delta) || delta === 0 || figure === 'requestsPerTrace') {
    return undefined;
  }
  return figure === 'outputTokensPerSecond' ? delta < 0 : delta > 0;
}

const rowId = (r: LlmCompareRow) => JSON.stringify([r.model, r.operation]);

export function LlmCompareSection({ rows }: { rows: LlmCompareRow[] }) {
  const styles = useStyles2(getStyles);
  const columns = useMemo((): Array<Column<LlmCompareRow>> => {
    const headers: Record<Figure, string> = {
      requestsPerTrace: t('compare.llm.requests', 'Requests per trace'),
      ttftP50: t('compare.llm.ttft-p50', 'TTFT p50'),
      ttftP90: t('compare.llm.ttft-p90', 'TTFT p90'),
      decodeP50: t('compare.llm.decode-p50', 'Decode p50'),
      queueP50: t('compare.llm.queue-p50', 'Queue p50'),
      outputTokensPerSecond: t('compare.llm.rate', 'Output tokens/s'),
    };
    const figureColumn = (figure: Figure) =>
      sortableColumn<LlmCompareRow>(
        figure,
        headers[figure],
        (r) => r.delta[figure] ?? undefined,
        (r) => (
          <SlowVsBaseline
            slow={show(figure, r.slow[figure])}
            baseline={show(figure, r.baseline[figure])}
            difference={signed(r.delta[figure], FORMAT[figure])}
            worse={worse(figure, r.delta[figure])}
          />
        )
      );
    return [
      sortableColumn(
        'model',
        t('compare.llm.model', 'Model'),
        (r) => labelText(r.model),
        (r) => labelText(r.model),
        { ascendingFirst: true }
      ),
      sortableColumn(
        'operation',
        t('compare.llm.operation', 'Operation'),
        (r) => r.operation,
        (r) => r.operation,
        {
          ascendingFirst: true,
        }
      ),
      ...(Object.keys(headers) as Figure[]).map(figureColumn),
    ];
  }, []);
  return (
    <section aria-labelledby="compare-llm" className={styles.section}>
      <h3 id="compare-llm">
        <Trans i18nKey="compare.llm.title">LLM calls per model</Trans>
      </h3>
      <NamedTable
        label={t('compare.llm.label', 'LLM calls per model and operation, slow vs baseline')}
        description={t(
          'compare.llm.description',
          'Slow vs baseline (slow minus baseline). Requests: GenAI spans per trace of each set. TTFT: time to first token. Decode: span end − first token. Queue: from the serving process’s SERVER span to the model span. Output tokens/s: all output tokens over all decode time.'
        )}
        columns={columns}
        data={rows}
        getRowId={rowId}
      />
    </section>
  );
}

const getStyles = (theme: GrafanaTheme2) => ({
  section: css({ marginTop: theme.spacing(3) }),
});
