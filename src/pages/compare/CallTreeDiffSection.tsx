/**
 * The compare page's call-tree diff: a diff flame graph of the two sets' merged call trees
 * (baseline left, slow right, means per trace; a click on a node offers its example traces) and
 * the call paths that changed most, with Δ calls, Δ self time and Δ critical-path time per trace
 * and a link to an example trace of each side (the keyboard route to the same examples).
 */
import React, { useMemo } from 'react';
import { t, Trans } from '@grafana/i18n';
import { css } from '@emotion/css';
import { GrafanaTheme2 } from '@grafana/data';
import { Column, useStyles2 } from '@grafana/ui';
import { BreakdownFlameGraph, FlameRowAction, formatDuration } from '../../components/breakdown';
import { getLinkStyles } from '../../components/linkStyles';
import { NamedTable } from '../../components/NamedTable';
import { plainColumn, sortableColumn } from '../../components/tableColumns';
import type { CallTreeDiffView, DiffPathRow } from './callTreeDiffView';
import { signed } from './SlowVsBaseline';

interface Props {
  view: CallTreeDiffView;
  /** menu entries of a flame graph row: its example traces */
  rowActions: (row: number) => FlameRowAction[];
  traceHref: (traceId: string) => string;
}

/** Room for the flame graph's rows (about 24 px a level) and its switch, within 200–500 px: a shallow tree leaves no empty band. */
const flameHeight = (view: CallTreeDiffView) =>
  Math.min(500, Math.max(200, 100 + 24 * (1 + view.flame.criticalPath.level.reduce((m, l) => Math.max(m, l), 0))));
/** `+1.5 ms` / `−200 µs` */
const signedDuration = (ns: number) => signed(ns, formatDuration);
/** calls per trace to two decimals: `+3`, `−0.25` */
const signedCalls = (n: number) => signed(n, (v) => String(Math.round(v * 100) / 100));

export function CallTreeDiffSection({ view, rowActions, traceHref }: Props) {
  const styles = useStyles2(getStyles);
  const link = useStyles2(getLinkStyles);
  const columns = useMemo((): Array<Column<DiffPathRow>> => {
    const onlyIn: Record<NonNullable<DiffPathRow['onlyIn']>, string> = {
      slow: t('compare.diff.only-slow', 'only in slow traces'),
      baseline: t('compare.diff.only-baseline', 'only in baseline traces'),
    };
    return [
      sortableColumn(
        'path',
        t('compare.diff.path', 'Call path'),
        (r) => r.path.join(' › '),
        (r) => (
          <span className={styles.path}>
            {r.path.join(' › ')}
            {r.onlyIn && <span className={styles.note}> ({onlyIn[r.onlyIn]})</span>}
          </span>
        ),
        { ascendingFirst: true }
      ),
      sortableColumn(
        'calls',
        t('compare.diff.calls', 'Calls per trace'),
        (r) => r.callsDelta,
        (r) => signedCalls(r.callsDelta)
      ),
      sortableColumn(
        'critical',
        t('compare.diff.critical', 'Critical path per trace'),
        (r) => r.criticalDelta,
        (r) => (
          <span className={r.criticalDelta > 0 ? styles.worse : styles.better}>{signedDuration(r.criticalDelta)}</span>
        )
      ),
      sortableColumn(
        'self',
        t('compare.diff.self', 'Self time per trace'),
        (r) => r.selfDelta,
        (r) => signedDuration(r.selfDelta)
      ),
      plainColumn('examples', t('compare.diff.examples', 'Example traces'), (r) => (
        <span className={styles.examples}>
          {r.slow && (
            <a href={traceHref(r.slow)} className={link.link}>
              <Trans i18nKey="compare.diff.example-slow">slow</Trans>
            </a>
          )}
          {r.baseline && (
            <a href={traceHref(r.baseline)} className={link.link}>
              <Trans i18nKey="compare.diff.example-baseline">baseline</Trans>
            </a>
          )}
        </span>
      )),
    ];
  }, [traceHref, styles, link]);
  return (
    <section aria-labelledby="call-tree-diff" className={styles.section}>
      <h3 id="call-tree-diff">
        <Trans i18nKey="compare.diff.title">Call tree, slow vs baseline</Trans>
      </h3>
      <p className={styles.note}>
        <Trans i18nKey="compare.diff.note">
          Each call path of the two sets, baseline and slow side by side, in time per trace. Red: a larger share of the
          slow traces than of the baseline; green: smaller. Click a node for its example traces.
        </Trans>
      </p>
      <div className={styles.flame} style={{ height: flameHeight(view) }}>
        <BreakdownFlameGraph columns={view.flame} initialMeasure="criticalPath" rowActions={rowActions} />
      </div>
      {view.rows.length > 0 && (
        <NamedTable
          label={t('compare.diff.table', 'Call paths that changed most')}
          description={t(
            'compare.diff.table-description',
            'Slow minus baseline, per trace of each set; largest change in critical-path time first.'
          )}
          fit
          columns={columns}
          data={view.rows}
          getRowId={(r) => String(r.node)}
        />
      )}
    </section>
  );
}

const getStyles = (theme: GrafanaTheme2) => ({
  section: css({ marginTop: theme.spacing(3) }),
  note: css({ color: theme.colors.text.secondary }),
  flame: css({ marginBottom: theme.spacing(2) }),
  path: css({ whiteSpace: 'normal' }),
  worse: css({ color: theme.colors.error.text }),
  better: css({ color: theme.colors.success.text }),
  examples: css({ display: 'flex', gap: theme.spacing(1) }),
});
