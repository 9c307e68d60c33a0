/**
 * A merged call tree (or a call-tree diff) as Grafana's own flame graph, with a switch of what
 * its widths measure: self time, critical-path time or total span time (engine flame.ts says how
 * each keeps a node at least as wide as its children). Diff columns (`valueRight`) make it a diff
 * flame graph. Loads `@grafana/flamegraph` lazily.
 */
import React, { lazy, Suspense, useMemo, useState } from 'react';
import { css } from '@emotion/css';
import { createDataFrame, DataFrame, FieldType, GrafanaTheme2 } from '@grafana/data';
import { t } from '@grafana/i18n';
import { LoadingPlaceholder, RadioButtonGroup, useStyles2, useTheme2 } from '@grafana/ui';
import { FLAME_MEASURES, FlameFrameColumns, FlameFrames, FlameMeasure } from '../../engine';
import { measureLabel } from './view-model';

// @grafana/flamegraph is large: load it only when a flame graph is shown.
const FlameGraph = lazy(() => import('@grafana/flamegraph').then((m) => ({ default: m.FlameGraph })));

/** An entry of the menu a click on a node opens. */
export interface FlameRowAction {
  label: string;
  onClick: () => void;
}

export interface BreakdownFlameGraphProps {
  /** the columns under each measure */
  columns: FlameFrames;
  /** the measure shown first (default: self time) */
  initialMeasure?: FlameMeasure;
  /** extra menu entries for the node of row `row` of the columns */
  rowActions?: (row: number) => FlameRowAction[];
}

/** What the widths measure under `measure`. */
function measureNote(measure: FlameMeasure): string {
  switch (measure) {
    case 'self':
      return t('breakdown.flame.note-self', 'Width: self time summed over the subtree (parallel work adds up).');
    case 'criticalPath':
      return t(
        'breakdown.flame.note-critical-path',
        'Width: time on the critical path; the root is the critical path’s length.'
      );
    case 'total':
      return t(
        'breakdown.flame.note-total',
        'Width: span durations; a node whose children ran in parallel is widened to their sum.'
      );
  }
}

/** The nested-set frame `@grafana/flamegraph` reads (level, value, self, label, and a diff's right side; values in ns). */
export function flameDataFrame(columns: FlameFrameColumns): DataFrame {
  const unit = { unit: columns.unit };
  const right =
    columns.valueRight && columns.selfRight
      ? [
          { name: 'valueRight', type: FieldType.number, values: columns.valueRight, config: unit },
          { name: 'selfRight', type: FieldType.number, values: columns.selfRight, config: unit },
        ]
      : [];
  return createDataFrame({
    name: 'flamegraph',
    fields: [
      { name: 'level', type: FieldType.number, values: columns.level },
      { name: 'value', type: FieldType.number, values: columns.value, config: unit },
      { name: 'self', type: FieldType.number, values: columns.self, config: unit },
      { name: 'label', type: FieldType.string, values: columns.label },
      ...right,
    ],
  });
}

/** Merged call tree as a flame graph with a measure switch (see the file header). */
export function BreakdownFlameGraph({ columns, initialMeasure = 'self', rowActions }: BreakdownFlameGraphProps) {
  const theme = useTheme2();
  const styles = useStyles2(getStyles);
  const [measure, setMeasure] = useState<FlameMeasure>(initialMeasure);
  const data = useMemo(() => flameDataFrame(columns[measure]), [columns, measure]);
  return (
    <div className={styles.box}>
      <div className={styles.bar}>
        <RadioButtonGroup
          size="sm"
          options={FLAME_MEASURES.map((m) => ({ value: m, label: measureLabel(m) }))}
          value={measure}
          onChange={setMeasure}
          aria-label={t('breakdown.flame.measure', 'Flame graph value')}
        />
        <span className={styles.note}>{measureNote(measure)}</span>
      </div>
      <Suspense fallback={<LoadingPlaceholder text={t('breakdown.flame.loading', 'Loading flame graph…')} />}>
        <FlameGraph
          data={data}
          getTheme={() => theme}
          showFlameGraphOnly
          disableCollapsing
          keepFocusOnDataChange
          showAnalyzeWithAssistant={false}
          getExtraContextMenuButtons={
            rowActions &&
            ((clicked) =>
              rowActions(clicked.item.itemIndexes[0]).map((a) => ({ ...a, icon: 'external-link-alt' as const })))
          }
        />
      </Suspense>
    </div>
  );
}

const getStyles = (theme: GrafanaTheme2) => ({
  box: css({ display: 'flex', flexDirection: 'column', gap: theme.spacing(1), height: '100%' }),
  bar: css({ display: 'flex', alignItems: 'center', flexWrap: 'wrap', gap: theme.spacing(1) }),
  note: css({ color: theme.colors.text.secondary, fontSize: theme.typography.bodySmall.fontSize }),
});
