/**
 * The compare page's "Agent runs: slow vs baseline" (agentCompare.ts, DEFINITIONS.md §6.4): each
 * run's time on the critical path of the page's mode, by the step it waited on — model calls,
 * retrieval, each tool, the agent's own time — as the mean, p50 and p90 per run of each set with
 * slow − baseline (red where the slow runs take longer), and each part's share of the difference
 * in critical path per run. Rows come sorted by share, the step that dominates slow runs first;
 * headers sort by the difference. O(parts) per render.
 */
import React, { useMemo } from 'react';
import { css } from '@emotion/css';
import { t, Trans } from '@grafana/i18n';
import { GrafanaTheme2 } from '@grafana/data';
import { Column, useStyles2 } from '@grafana/ui';
import { agentPartName } from '../../components/agentPartName';
import { formatDuration, formatShare } from '../../components/breakdown';
import { NamedTable } from '../../components/NamedTable';
import { sortableColumn } from '../../components/tableColumns';
import type { AgentComparison, AgentCompareRow, AgentPartStats, AgentSides } from '../../engine';
import { signed, SlowVsBaseline } from './SlowVsBaseline';

type Figure = keyof AgentPartStats;

const partName = (row: AgentCompareRow) => agentPartName(row.kind, row.tool);

const worse = (delta: number) => (Number.isFinite(delta) && delta !== 0 ? delta > 0 : undefined);

/** One figure of both sides with the difference. */
function SidesCell({ sides, figure }: { sides: AgentSides; figure: Figure }) {
  const delta = sides.slow[figure] - sides.baseline[figure];
  return (
    <SlowVsBaseline
      slow={formatDuration(sides.slow[figure])}
      baseline={formatDuration(sides.baseline[figure])}
      difference={signed(delta, formatDuration)}
      worse={worse(delta)}
    />
  );
}

const rowId = (r: AgentCompareRow) => JSON.stringify([r.kind, r.tool]);

export function AgentCompareSection({ comparison }: { comparison: AgentComparison }) {
  const styles = useStyles2(getStyles);
  const columns = useMemo((): Array<Column<AgentCompareRow>> => {
    const headers: Record<Figure, string> = {
      mean: t('compare.agent.mean', 'Mean per run'),
      p50: t('compare.agent.p50', 'p50 per run'),
      p90: t('compare.agent.p90', 'p90 per run'),
    };
    return [
      sortableColumn('part', t('compare.agent.part', 'Part'), partName, partName, { ascendingFirst: true }),
      ...(Object.keys(headers) as Figure[]).map((figure) =>
        sortableColumn<AgentCompareRow>(
          figure,
          headers[figure],
          (r) => r.slow[figure] - r.baseline[figure],
          (r) => <SidesCell sides={r} figure={figure} />
        )
      ),
      sortableColumn(
        'share',
        t('compare.agent.share', 'Share of the difference'),
        (r) => r.share,
        (r) => formatShare(r.share)
      ),
    ];
  }, []);
  const { runs, total } = comparison;
  return (
    <section aria-labelledby="compare-agent" className={styles.section}>
      <h3 id="compare-agent">
        <Trans i18nKey="compare.agent.title">Agent runs: slow vs baseline</Trans>
      </h3>
      <p className={styles.note}>
        {t('compare.agent.runs', 'Runs: {{slow}} slow, {{baseline}} baseline. Critical path per run:', {
          slow: runs.slow,
          baseline: runs.baseline,
        })}{' '}
        <SidesCell sides={total} figure="mean" />
      </p>
      <NamedTable
        label={t('compare.agent.label', 'Agent runs’ critical path per step, slow vs baseline')}
        description={t(
          'compare.agent.description',
          'Each run’s time on the critical path, by the step it waited on (a model call, retrieval, a tool call, or the agent’s own work): mean, p50 and p90 per run of each set (a run without the step counts 0), slow minus baseline, and each step’s share of the difference in critical path per run. The step that dominates slow runs comes first.'
        )}
        columns={columns}
        data={comparison.rows}
        getRowId={rowId}
      />
    </section>
  );
}

const getStyles = (theme: GrafanaTheme2) => ({
  section: css({ marginTop: theme.spacing(3) }),
  note: css({ color: theme.colors.text.secondary }),
});
