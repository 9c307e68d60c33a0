import React, { lazy, Suspense, useMemo } from 'react';
import { createDataFrame, DataFrame, FieldType } from '@grafana/data';
import { LoadingPlaceholder, useTheme2 } from '@grafana/ui';
import type { FlameFrameColumns } from '../../engine';

// @grafana/flamegraph is large: load it only when a flame graph is shown.
const FlameGraph = lazy(() => import('@grafana/flamegraph').then((m) => ({ default: m.FlameGraph })));

export interface BreakdownFlameGraphProps {
  columns: FlameFrameColumns;
}

/** The nested-set frame `@grafana/flamegraph` reads (level, value, self, label; values in ns). */
export function flameDataFrame(columns: FlameFrameColumns): DataFrame {
  return createDataFrame({
    name: 'flamegraph',
    fields: [
      { name: 'level', type: FieldType.number, values: columns.level },
      { name: 'value', type: FieldType.number, values: columns.value, config: { unit: columns.unit } },
      { name: 'self', type: FieldType.number, values: columns.self, config: { unit: columns.unit } },
      { name: 'label', type: FieldType.string, values: columns.label },
    ],
  });
}

/** Merged call tree as a flame graph (Grafana's own component, theme-aware). */
export function BreakdownFlameGraph({ columns }: BreakdownFlameGraphProps) {
  const theme = useTheme2();
  const data = useMemo(() => flameDataFrame(columns), [columns]);
  return (
    <Suspense fallback={<LoadingPlaceholder text="Loading flame graph…" />}>
      <FlameGraph
        data={data}
        getTheme={() => theme}
        showFlameGraphOnly
        disableCollapsing
        keepFocusOnDataChange
        showAnalyzeWithAssistant={false}
      />
    </Suspense>
  );
}
