import React, { useMemo } from 'react';
import { css } from '@emotion/css';
import { GrafanaTheme2 } from '@grafana/data';
import { Column, useStyles2, useTheme2 } from '@grafana/ui';
import { NamedTable } from '../../components/NamedTable';
import { sortableColumn } from '../../components/tableColumns';
import type { EdgeSource, ServiceGraphEdge } from '../../data';
import { formatDuration, formatShare } from '../../components/breakdown';
import { layoutGraph } from './serviceGraphLayout';
import { edgeLatencyTitle, edgeSourceText } from './servicesModel';
import { t } from '@grafana/i18n';
import { AS_TEXT } from '../../components/i18n';

interface Props {
  edges: ServiceGraphEdge[];
  /** where the edges come from, said in one line above the graph */
  source?: EdgeSource;
  selected?: string;
  onSelect: (service: string) => void;
}

const COL = 190;
const ROW = 70;
const NODE_W = 150;
const NODE_H = 32;

/** Failed share of the edge's requests; NaN ('–') when the source does not count failures. */
const errorRatio = (e: ServiceGraphEdge) => (e.rate > 0 ? e.failedRate / e.rate : 0);
const errorShare = (e: ServiceGraphEdge) => formatShare(errorRatio(e));
const p95Text = (e: ServiceGraphEdge) => formatDuration(e.p95Seconds * 1e9);
const rateText = (e: ServiceGraphEdge) => t('services.rate', '{{rate}} req/s', { rate: e.rate.toFixed(2), ...AS_TEXT });
const edgeText = (e: ServiceGraphEdge) =>
  t('services.graph.edge', '{{pair}}: {{rate}} · {{errors}} errors · p95 {{p95}}', {
    pair: pairOf(e),
    rate: rateText(e),
    errors: errorShare(e),
    p95: p95Text(e),
    ...AS_TEXT,
  });
const pairOf = (e: ServiceGraphEdge) => `${e.client} → ${e.server}`;

/** The edges as a table, each column sorting (the pair A→Z, numbers largest first; '–' lowest). */
const edgeColumns = (source: EdgeSource): Array<Column<ServiceGraphEdge>> => [
  sortableColumn('pair', t('services.graph.pair', 'Client → server'), pairOf, pairOf, { ascendingFirst: true }),
  sortableColumn('rate', t('services.graph.requests', 'Requests'), (e) => e.rate, rateText),
  sortableColumn('errors', t('services.errors', 'Errors'), errorRatio, errorShare),
  sortableColumn('p95', edgeLatencyTitle(source), (e) => e.p95Seconds, p95Text),
];

/** Service dependency graph: callers left, callees right; edges labelled; its source said in one line. */
export function ServiceGraph({ edges, source, selected, onSelect }: Props) {
  const styles = useStyles2(getStyles);
  const theme = useTheme2();
  const layout = useMemo(() => layoutGraph(edges), [edges]);
  const columns = useMemo(() => edgeColumns(source ?? 'service-graph'), [source]);
  const pos = (name: string) => {
    const n = layout.nodes.get(name)!;
    return { x: 10 + n.layer * COL, y: 10 + n.slot * ROW };
  };
  const width = 20 + Math.max(0, layout.layers - 1) * COL + NODE_W;
  const height = 20 + Math.max(0, layout.width - 1) * ROW + NODE_H;
  const sourceLine = source && (
    <p className={styles.source} data-testid="edge-source">
      {edgeSourceText(source)}
    </p>
  );
  if (source === 'none') {
    return sourceLine;
  }
  return (
    <div className={styles.wrap}>
      {sourceLine}
      <svg width={width} height={height} role="img" aria-label={t('services.graph.label', 'Service dependency graph')}>
        <defs>
          <marker id="tl-arrow" viewBox="0 0 10 10" refX="10" refY="5" markerWidth="6" markerHeight="6" orient="auto">
            <path d="M0,0 L10,5 L0,10 z" fill={theme.colors.text.secondary} />
          </marker>
        </defs>
        {edges.map((e) => {
          const a = pos(e.client);
          const b = pos(e.server);
          const failing = errorRatio(e) > 0.01;
          return (
            <g key={pairOf(e)} data-testid="graph-edge">
              <line
                x1={a.x + NODE_W}
                y1={a.y + NODE_H / 2}
                x2={b.x}
                y2={b.y + NODE_H / 2}
                stroke={failing ? theme.colors.error.main : theme.colors.text.secondary}
                strokeWidth={1.5}
                markerEnd="url(#tl-arrow)"
              >
                <title>{edgeText(e)}</title>
              </line>
            </g>
          );
        })}
        {[...layout.nodes.keys()].map((name) => {
          const p = pos(name);
          return (
            <g
              key={name}
              transform={`translate(${p.x},${p.y})`}
              className={styles.node}
              tabIndex={0}
              role="button"
              aria-label={t('services.service-label', 'Service {{name}}', { name, ...AS_TEXT })}
              aria-pressed={name === selected}
              onClick={() => onSelect(name)}
              onKeyDown={(ev) => (ev.key === 'Enter' || ev.key === ' ') && onSelect(name)}
            >
              <rect
                width={NODE_W}
                height={NODE_H}
                rx={4}
                fill={name === selected ? theme.colors.primary.transparent : theme.colors.background.secondary}
                stroke={name === selected ? theme.colors.primary.border : theme.colors.border.medium}
              />
              <text
                x={NODE_W / 2}
                y={NODE_H / 2 + 4}
                textAnchor="middle"
                fill={theme.colors.text.primary}
                fontSize={12}
              >
                {name}
              </text>
            </g>
          );
        })}
      </svg>
      <NamedTable
        label={t('services.graph.edges', 'Service graph edges')}
        columns={columns}
        data={edges}
        getRowId={pairOf}
        fit
      />
    </div>
  );
}

const getStyles = (theme: GrafanaTheme2) => ({
  wrap: css({ display: 'flex', flexWrap: 'wrap', gap: theme.spacing(3), alignItems: 'flex-start', overflowX: 'auto' }),
  source: css({
    flexBasis: '100%',
    margin: 0,
    color: theme.colors.text.secondary,
    fontSize: theme.typography.bodySmall.fontSize,
  }),
  node: css({
    cursor: 'pointer',
    '&:focus-visible rect': { stroke: theme.colors.primary.main, strokeWidth: 2 },
    outline: 'none',
  }),
});
