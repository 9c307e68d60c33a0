/** Layout shared by the breakdown visualisations: lists of rows "label | bar | value". */
import { GrafanaTheme2 } from '@grafana/data';

export const rowListStyle = (theme: GrafanaTheme2) => ({
  listStyle: 'none',
  margin: 0,
  padding: 0,
  display: 'flex',
  flexDirection: 'column' as const,
  gap: theme.spacing(0.5),
});

export const barRowStyle = (theme: GrafanaTheme2, labelMin: number) => ({
  display: 'grid',
  gridTemplateColumns: `minmax(${labelMin}px, 30%) 1fr auto`,
  alignItems: 'center',
  gap: theme.spacing(1),
  fontSize: theme.typography.bodySmall.fontSize,
});
