/**
 * Shared breakdown visualisations (panel and trace page): bars, stacked bar per trace, table and
 * flame graph, rendered from the plain view models of types.ts that view-model.ts computes.
 */
export type {
  BreakdownView,
  BreakdownViewRow,
  DurationUnit,
  Measure,
  SortOrder,
  TraceStackSegment,
  TraceStackView,
} from './types';
export { breakdownView, flameColumns, measureLabel, OTHER_KEY, topRows, traceStacks } from './view-model';
export type { ViewOptions } from './view-model';
export { formatDuration, formatShare, unitName } from './format';
export { BreakdownBars } from './BreakdownBars';
export type { BreakdownBarsProps } from './BreakdownBars';
export { StackedTraceBars } from './StackedTraceBars';
export type { StackedTraceBarsProps } from './StackedTraceBars';
export { BreakdownTable } from './BreakdownTable';
export type { BreakdownTableProps } from './BreakdownTable';
export { BreakdownFlameGraph, flameDataFrame } from './BreakdownFlameGraph';
export type { BreakdownFlameGraphProps, FlameRowAction } from './BreakdownFlameGraph';
