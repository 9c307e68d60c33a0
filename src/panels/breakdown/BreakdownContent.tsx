import React from 'react';
import {
  BreakdownBars,
  BreakdownFlameGraph,
  BreakdownTable,
  BreakdownView,
  DurationUnit,
  StackedTraceBars,
  TraceStackView,
} from '../../components/breakdown';
import type { FlameFrames } from '../../engine';
import type { ViewOption } from './options';

export interface BreakdownContentProps {
  view: ViewOption;
  breakdown: BreakdownView;
  /** computed only for the stacked view */
  stacks?: TraceStackView[];
  /** computed only for the flame graph view */
  flame?: FlameFrames;
  unit: DurationUnit;
  width: number;
}

/** The visualisation the "View" option picks. */
export function BreakdownContent({ view, breakdown, stacks, flame, unit, width }: BreakdownContentProps) {
  switch (view) {
    case 'stacked':
      return <StackedTraceBars stacks={stacks ?? []} measureLabel={breakdown.measureLabel} unit={unit} />;
    case 'table':
      return <BreakdownTable view={breakdown} unit={unit} />;
    case 'flame':
      return flame ? <BreakdownFlameGraph columns={flame} /> : null;
    default:
      return <BreakdownBars view={breakdown} unit={unit} width={width} />;
  }
}
