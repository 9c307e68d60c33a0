import React from 'react';
import { css } from '@emotion/css';
import { GrafanaTheme2 } from '@grafana/data';
import { useStyles2 } from '@grafana/ui';
import { getTableStyles } from '../../components/tableStyles';
import { ComparisonOther, ComparisonRow } from '../../engine';
import { formatDuration, formatShare } from '../../components/breakdown';

interface Props {
  rows: ComparisonRow[];
  /** components without a row of their own, summed: shown last */
  other: ComparisonOther | null;
  examples: Map<string, string[]>;
  traceHref: (traceId: string) => string;
}

const signed = (ns: number) => `${ns >= 0 ? '+' : '−'}${formatDuration(Math.abs(ns))}`;

/**
 * Components ranked by how much more critical-path time they take per slow trace, with a
 * diverging bar; the components merged for lack of room last, in one row without a rank.
 */
export function ComparisonTable({ rows, other, examples, traceHref }: Props) {
  const styles = useStyles2(getStyles);
  const table = useStyles2(getTableStyles);
  const scale = Math.max(...rows.map((r) => Math.abs(r.criticalPathDelta)), 1e-9);
  return (
    <table className={table.table} aria-label="Differences, largest first">
      <thead>
        <tr>
          <th>#</th>
          <th>Component</th>
          <th>Critical path per slow trace</th>
          <th>per baseline trace</th>
          <th>Difference</th>
          <th className={styles.barHead}>Difference (chart)</th>
          <th>Share of duration, slow vs baseline</th>
          <th>Self time difference</th>
          <th>Example slow traces</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((r, n) => {
          const width = (Math.abs(r.criticalPathDelta) / scale) * 50;
          return (
            <tr key={r.key} data-testid="comparison-row">
              <td>{n + 1}</td>
              <td>{r.label}</td>
              <td>{formatDuration(r.slow.criticalPathPerTrace)}</td>
              <td>{formatDuration(r.baseline.criticalPathPerTrace)}</td>
              <td className={r.criticalPathDelta > 0 ? styles.worse : styles.better}>{signed(r.criticalPathDelta)}</td>
              <td className={styles.barCell} aria-hidden>
                <div
                  className={r.criticalPathDelta > 0 ? styles.barWorse : styles.barBetter}
                  style={
                    r.criticalPathDelta > 0 ? { left: '50%', width: `${width}%` } : { right: '50%', width: `${width}%` }
                  }
                />
              </td>
              <td>
                {formatShare(r.slow.criticalPathShare)} vs {formatShare(r.baseline.criticalPathShare)}
              </td>
              <td>{signed(r.selfDelta)}</td>
              <td className={styles.examples}>
                {(examples.get(r.key) ?? []).map((id) => (
                  <a key={id} href={traceHref(id)} className={styles.link}>
                    {id.slice(0, 8)}
                  </a>
                ))}
              </td>
            </tr>
          );
        })}
        {other && (
          <tr data-testid="comparison-other">
            <td />
            <td>Other ({other.components} components)</td>
            <td>{formatDuration(other.slow.criticalPathPerTrace)}</td>
            <td>{formatDuration(other.baseline.criticalPathPerTrace)}</td>
            <td>{signed(other.criticalPathDelta)}</td>
            <td aria-hidden />
            <td>
              {formatShare(other.slow.criticalPathShare)} vs {formatShare(other.baseline.criticalPathShare)}
            </td>
            <td>{signed(other.selfDelta)}</td>
            <td />
          </tr>
        )}
      </tbody>
    </table>
  );
}

const getStyles = (theme: GrafanaTheme2) => ({
  barHead: css({ width: 200 }),
  barCell: css({ position: 'relative', height: 20 }),
  barWorse: css({ position: 'absolute', top: 5, height: 10, background: theme.colors.error.main, borderRadius: 1 }),
  barBetter: css({ position: 'absolute', top: 5, height: 10, background: theme.colors.success.main, borderRadius: 1 }),
  worse: css({ color: theme.colors.error.text }),
  better: css({ color: theme.colors.success.text }),
  examples: css({ display: 'flex', gap: theme.spacing(1) }),
  link: css({ color: theme.colors.text.link, fontFamily: theme.typography.fontFamilyMonospace }),
});
