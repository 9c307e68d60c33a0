import React, { useMemo } from 'react';
import { t } from '@grafana/i18n';
import { css } from '@emotion/css';
import { GrafanaTheme2 } from '@grafana/data';
import { Column, useStyles2 } from '@grafana/ui';
import { getLinkStyles } from '../../components/linkStyles';
import { NamedTable } from '../../components/NamedTable';
import { plainColumn, sortableColumn, SortOptions } from '../../components/tableColumns';
import { ComparisonOther, ComparisonRow } from '../../engine';
import { formatDuration, formatShare } from '../../components/breakdown';
import { AS_TEXT } from '../../components/i18n';
import { labelText } from '../../components/noneLabel';
import { signed } from './SlowVsBaseline';

interface Props {
  rows: ComparisonRow[];
  /** components without a row of their own, summed: shown last */
  other: ComparisonOther | null;
  examples: Map<string, string[]>;
  traceHref: (traceId: string) => string;
}

/** A line of the table: a ranked component, or (no rank) the merged ones. */
interface Line {
  key: string;
  /** 1 for the largest difference; undefined for the merged components */
  rank?: number;
  label: string;
  item: ComparisonRow | ComparisonOther;
}

const OTHER_KEY = '\u0000other';
const OTHER_LAST: SortOptions<Line> = { pinned: (l) => l.rank === undefined };
const OTHER_LAST_ASCENDING: SortOptions<Line> = { ...OTHER_LAST, ascendingFirst: true };
const rankOf = (l: Line) => l.rank;
const labelOf = (l: Line) => l.label;
const signedDuration = (ns: number) => signed(ns, formatDuration);

/** The critical path per trace of one side. */
const perTrace = (side: 'slow' | 'baseline', header: string) =>
  sortableColumn<Line>(
    side,
    header,
    (l) => l.item[side].criticalPathPerTrace,
    (l) => formatDuration(l.item[side].criticalPathPerTrace),
    OTHER_LAST
  );

function linesOf(rows: ComparisonRow[], other: ComparisonOther | null): Line[] {
  const lines: Line[] = rows.map((r, n) => ({ key: r.key, rank: n + 1, label: r.label, item: r }));
  const label = t('compare.table.other', '', {
    count: other?.components ?? 0,
    defaultValue_one: 'Other ({{count}} component)',
    defaultValue_other: 'Other ({{count}} components)',
  });
  return other ? [...lines, { key: OTHER_KEY, label, item: other }] : lines;
}

/**
 * Components ranked by how much more critical-path time they take per slow trace, with a
 * diverging bar; the components merged for lack of room last, in one row without a rank. The
 * headers sort (the rank gives the ranking back); the merged row stays last. O(rows · log rows).
 */
export function ComparisonTable({ rows, other, examples, traceHref }: Props) {
  const styles = useStyles2(getStyles);
  const link = useStyles2(getLinkStyles);
  const lines = useMemo(() => linesOf(rows, other), [rows, other]);
  const columns = useMemo((): Array<Column<Line>> => {
    const scale = Math.max(...rows.map((r) => Math.abs(r.criticalPathDelta)), 1e-9);
    const bar = ({ rank, item }: Line) => {
      const delta = item.criticalPathDelta;
      const width = `${(Math.abs(delta) / scale) * 50}%`;
      return (
        rank !== undefined && (
          <div className={styles.barTrack} aria-hidden>
            <div
              className={delta > 0 ? styles.barWorse : styles.barBetter}
              style={delta > 0 ? { left: '50%', width } : { right: '50%', width }}
            />
          </div>
        )
      );
    };
    const difference = ({ rank, item }: Line) => (
      <span className={rank === undefined ? undefined : item.criticalPathDelta > 0 ? styles.worse : styles.better}>
        {signedDuration(item.criticalPathDelta)}
      </span>
    );
    return [
      sortableColumn('rank', '#', rankOf, rankOf, OTHER_LAST_ASCENDING),
      sortableColumn(
        'component',
        t('compare.table.component', 'Component'),
        labelOf,
        (l) => <span className={styles.label}>{labelText(l.label)}</span>,
        OTHER_LAST_ASCENDING
      ),
      perTrace('slow', t('compare.table.slow', 'Critical path per slow trace')),
      perTrace('baseline', t('compare.table.baseline', 'per baseline trace')),
      sortableColumn(
        'difference',
        t('compare.table.difference', 'Difference'),
        (l) => l.item.criticalPathDelta,
        difference,
        OTHER_LAST
      ),
      { ...plainColumn('chart', t('compare.table.chart', 'Difference (chart)'), bar), width: 160 },
      sortableColumn(
        'share',
        t('compare.table.share', 'Share of duration, slow vs baseline'),
        (l) => l.item.shareDelta,
        (l) =>
          t('compare.slow-vs-baseline', '{{slow}} vs {{baseline}}', {
            slow: formatShare(l.item.slow.criticalPathShare),
            baseline: formatShare(l.item.baseline.criticalPathShare),
            ...AS_TEXT,
          }),
        OTHER_LAST
      ),
      sortableColumn(
        'self',
        t('compare.table.self', 'Self time difference'),
        (l) => l.item.selfDelta,
        (l) => signedDuration(l.item.selfDelta),
        OTHER_LAST
      ),
      plainColumn('examples', t('compare.table.examples', 'Example slow traces'), (l) => (
        <span className={styles.examples}>
          {(examples.get(l.key) ?? []).map((id) => (
            <a key={id} href={traceHref(id)} className={link.link}>
              <code>{id.slice(0, 8)}</code>
            </a>
          ))}
        </span>
      )),
    ];
  }, [rows, examples, traceHref, styles, link]);
  return (
    <NamedTable
      label={t('compare.table.label', 'Differences, largest first')}
      className={styles.table}
      columns={columns}
      data={lines}
      getRowId={(l) => l.key}
    />
  );
}

const getStyles = (theme: GrafanaTheme2) => {
  const bar = { position: 'absolute' as const, top: 5, height: 10, borderRadius: 1 };
  return {
    // nine columns: long headers and component names wrap instead of widening the table, numbers do not
    table: css({ 'th, th > button': { whiteSpace: 'normal' }, td: { whiteSpace: 'nowrap' } }),
    label: css({ whiteSpace: 'normal' }),
    barTrack: css({ position: 'relative', height: 20 }),
    barWorse: css({ ...bar, background: theme.colors.error.main }),
    barBetter: css({ ...bar, background: theme.colors.success.main }),
    worse: css({ color: theme.colors.error.text }),
    better: css({ color: theme.colors.success.text }),
    examples: css({ display: 'flex', gap: theme.spacing(1) }),
  };
};
