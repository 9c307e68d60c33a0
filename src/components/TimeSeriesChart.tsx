import React, { useEffect, useRef, useState } from 'react';
import { applyFieldOverrides, DataFrame, FieldColorModeId, FieldType, TimeRange, toDataFrame } from '@grafana/data';
import type { LegendDisplayMode } from '@grafana/schema';
import { Trans } from '@grafana/i18n';
import { TimeSeries, useTheme2 } from '@grafana/ui';
import type { NamedSeries } from '../data';

interface Props {
  title: string;
  series: NamedSeries[];
  /** Grafana unit id, e.g. "s", "reqps", "percentunit" */
  unit: string;
  timeRange: TimeRange;
  height?: number;
}

/** Grafana's own time-series chart (uPlot) for a few series, sized to its container's width. */
export function TimeSeriesChart({ title, series, unit, timeRange, height = 180 }: Props) {
  const theme = useTheme2();
  const box = useRef<HTMLDivElement>(null);
  const [width, setWidth] = useState(0);
  useEffect(() => {
    const el = box.current;
    if (!el) {
      return;
    }
    const observer = new ResizeObserver(() => setWidth(el.clientWidth));
    observer.observe(el);
    return () => observer.disconnect();
  }, []);
  const palette = theme.visualization.palette;
  const paletteColor = (i: number) => theme.visualization.getColorByName(palette[i % palette.length]);
  const frames: DataFrame[] = applyFieldOverrides({
    data: series.map((s, i) =>
      toDataFrame({
        name: s.name,
        fields: [
          { name: 'time', type: FieldType.time, values: s.points.map((p) => p[0] * 1000) },
          {
            name: s.name,
            type: FieldType.number,
            values: s.points.map((p) => p[1]),
            // Fixed palette colours: the palette-by-series mode needs Grafana's panel preparation.
            config: { unit, displayName: s.name, color: { mode: FieldColorModeId.Fixed, fixedColor: paletteColor(i) } },
          },
        ],
      })
    ),
    fieldConfig: { defaults: { unit, min: 0 }, overrides: [] },
    replaceVariables: (v) => v,
    theme,
    timeZone: 'browser',
  });
  return (
    <figure ref={box} aria-label={title} style={{ margin: 0, minWidth: 0 }}>
      <figcaption>{title}</figcaption>
      {width > 0 && series.length > 0 && (
        <TimeSeries
          frames={frames}
          width={width}
          height={height}
          timeRange={timeRange}
          timeZone="browser"
          legend={{ displayMode: 'list' as LegendDisplayMode, placement: 'bottom', showLegend: true, calcs: [] }}
        />
      )}
      {series.length === 0 && (
        <p>
          <Trans i18nKey="components.time-series.no-data">No data in this time range.</Trans>
        </p>
      )}
    </figure>
  );
}
