import React from 'react';
import { css } from '@emotion/css';
import { GrafanaTheme2 } from '@grafana/data';
import { PluginPage } from '@grafana/runtime';
import { Alert, useStyles2 } from '@grafana/ui';

interface Props {
  /** What the page is for, as a heading. */
  title: string;
  /** What the page will show once its issue lands, one item per line. */
  planned: string[];
  children?: React.ReactNode;
}

/** Frame for a page whose analysis has not been built yet: says plainly what it will show. */
export function PlannedPage({ title, planned, children }: Props) {
  const styles = useStyles2(getStyles);
  return (
    <PluginPage>
      <h2 className={styles.title}>{title}</h2>
      {children}
      <Alert severity="info" title="Coming in a later TraceLens release">
        <ul className={styles.list}>
          {planned.map((line) => (
            <li key={line}>{line}</li>
          ))}
        </ul>
      </Alert>
    </PluginPage>
  );
}

const getStyles = (theme: GrafanaTheme2) => ({
  title: css({ marginBottom: theme.spacing(2) }),
  list: css({ paddingLeft: theme.spacing(2), margin: 0 }),
});
