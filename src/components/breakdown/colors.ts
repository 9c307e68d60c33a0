/** Row colours from the theme's classic palette; "Other" (index -1) is neutral. */
import type { GrafanaTheme2 } from '@grafana/data';

export function rowColor(theme: GrafanaTheme2, colorIndex: number): string {
  if (colorIndex < 0) {
    return theme.colors.text.disabled;
  }
  const palette = theme.visualization.palette;
  return theme.visualization.getColorByName(palette[colorIndex % palette.length]);
}
