import { css } from '@emotion/css';
import { GrafanaTheme2 } from '@grafana/data';

/**
 * The look shared by TraceLens' data tables: compact rows with a rule under each, tabular numbers,
 * selected rows (`aria-selected`) highlighted; `fit` sizes a table to its content instead of the
 * page width. Use with `useStyles2(getTableStyles)`.
 */
export const getTableStyles = (theme: GrafanaTheme2) => ({
  table: css({
    width: '100%',
    borderCollapse: 'collapse',
    fontSize: theme.typography.bodySmall.fontSize,
    fontVariantNumeric: 'tabular-nums',
    'th, td': {
      padding: theme.spacing(0.5, 1),
      borderBottom: `1px solid ${theme.colors.border.weak}`,
      textAlign: 'left',
    },
    'tr[aria-selected="true"]': { background: theme.colors.action.selected },
  }),
  fit: css({ width: 'auto' }),
  link: css({ color: theme.colors.text.link, '&:hover': { textDecoration: 'underline' } }),
});
