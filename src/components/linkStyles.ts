import { css } from '@emotion/css';
import { GrafanaTheme2 } from '@grafana/data';

/**
 * A link in a table cell or a line of text, in the theme's link colour, underlined on hover (Grafana
 * styles a bare <a> like body text). Use with `useStyles2(getLinkStyles)`.
 */
export const getLinkStyles = (theme: GrafanaTheme2) => ({
  link: css({ color: theme.colors.text.link, '&:hover': { textDecoration: 'underline' } }),
});
