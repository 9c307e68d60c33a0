/**
 * The compare page's call-tree diff: a diff flame graph of the two sets' merged call trees
 * (baseline left, slow right, means per trace; a click on a node offers its example traces) and
 * the call paths that changed most, with Δ calls, Δ self time and Δ critical-path time per trace
 * and a link to an example trace of each side (the keyboard route to the same examples).
 */
import React from 'react';
import { css } from '@emotion/css';
import { GrafanaTheme2 } from '@grafana/data';
import { useStyles2 } from '@grafana/ui';
import { BreakdownFlameGraph, FlameRowAction, formatDuration } from '../../components/breakdown';
import type { CallTreeDiffView, DiffPathRow } from './callTreeDiffView';

interface Props {
  view: CallTreeDiffView;
  /** menu entries of a flame graph row: its example traces */
  rowActions: (row: number) => FlameRowAction[];
  traceHref: (traceId: string) => string;
}

/** `+1.5 ms` / `−200 µs` */
const signedDuration = (ns: number) => `${ns >= 0 ? '+' : '−'}${formatDuration(Math.abs(ns))}`;
/** calls per trace to two decimals: `+3`, `−0.25` */
const signedCalls = (n: number) => `${n >= 0 ? '+' : '−'}${Math.round(Math.abs(n) * 100) / 100}`;

const ONLY_IN: Record<NonNullable<DiffPathRow['onlyIn']>, string> = {
  slow: 'only in slow traces',
  baseline: 'only in baseline traces',
};

export function CallTreeDiffSection({ view, rowActions, traceHref }: Props) {
  const styles = useStyles2(getStyles);
  return (
    <section aria-labelledby="call-tree-diff" className={styles.section}>
      <h3 id="call-tree-diff">Call tree, slow vs baseline</h3>
      <p className={styles.note}>
        Each call path of the two sets, baseline and slow side by side, in time per trace. Red: a larger share of the
        slow traces than of the baseline; green: smaller. Click a node for its example traces.
      </p>
      <div className={styles.flame}>
        <BreakdownFlameGraph columns={view.flame} initialMeasure="criticalPath" rowActions={rowActions} />
      </div>
      {view.rows.length > 0 && (
        <table className={styles.table} aria-label="Call paths that changed most">
          <thead>
            <tr>
              <th>Call path</th>
              <th>Calls per trace</th>
              <th>Critical path per trace</th>
              <th>Self time per trace</th>
              <th>Example traces</th>
            </tr>
          </thead>
          <tbody>
            {view.rows.map((r) => (
              <tr key={r.node} data-testid="call-path-row">
                <td>
                  {r.path.join(' › ')}
                  {r.onlyIn && <span className={styles.note}> ({ONLY_IN[r.onlyIn]})</span>}
                </td>
                <td>{signedCalls(r.callsDelta)}</td>
                <td className={r.criticalDelta > 0 ? styles.worse : styles.better}>
                  {signedDuration(r.criticalDelta)}
                </td>
                <td>{signedDuration(r.selfDelta)}</td>
                <td className={styles.links}>
                  {r.slow && <a href={traceHref(r.slow)}>slow</a>}
                  {r.baseline && <a href={traceHref(r.baseline)}>baseline</a>}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}

const getStyles = (theme: GrafanaTheme2) => ({
  section: css({ marginTop: theme.spacing(3) }),
  note: css({ color: theme.colors.text.secondary }),
  flame: css({ height: 500 }),
  table: css({
    marginTop: theme.spacing(2),
    borderCollapse: 'collapse',
    fontVariantNumeric: 'tabular-nums',
    'th, td': {
      padding: theme.spacing(0.5, 1),
      borderBottom: `1px solid ${theme.colors.border.weak}`,
      textAlign: 'left',
    },
    th: { color: theme.colors.text.secondary, fontWeight: theme.typography.fontWeightMedium },
  }),
  worse: css({ color: theme.colors.error.text }),
  better: css({ color: theme.colors.success.text }),
  links: css({
    display: 'flex',
    gap: theme.spacing(1),
    a: { color: theme.colors.text.link, '&:hover': { textDecoration: 'underline' } },
  }),
});
