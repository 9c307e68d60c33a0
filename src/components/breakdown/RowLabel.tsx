import React from 'react';
import { css } from '@emotion/css';
import { GrafanaTheme2 } from '@grafana/data';
import { useStyles2 } from '@grafana/ui';
import { labelText } from '../noneLabel';

interface Props {
  /** the engine's label (its "(none)" is worded here) */
  label: string;
  href?: string;
  /** extra text for screen readers and the tooltip */
  title?: string;
}

/** A row's name: a link when the row has one (focusable, Enter follows it), plain text otherwise. */
export function RowLabel({ label, href, title }: Props) {
  const styles = useStyles2(getStyles);
  return href ? (
    <a className={styles.link} href={href} title={title}>
      {labelText(label)}
    </a>
  ) : (
    <span className={styles.text} title={title}>
      {labelText(label)}
    </span>
  );
}

const getStyles = (theme: GrafanaTheme2) => {
  const base = { overflow: 'hidden', textOverflow: 'ellipsis', whiteSpace: 'nowrap' as const, minWidth: 0 };
  return {
    text: css(base),
    link: css({
      ...base,
      color: theme.colors.text.link,
      '&:hover': { textDecoration: 'underline' },
      '&:focus-visible': { outline: `2px solid ${theme.colors.primary.main}`, outlineOffset: 1 },
    }),
  };
};
