/**
 * What loading reported for the compared traces: those that failed (left out), those the source
 * sent only part of, and those the engine repaired (both compared as they are), each trace linked.
 */
import React from 'react';
import { css } from '@emotion/css';
import { GrafanaTheme2 } from '@grafana/data';
import { Alert, useStyles2 } from '@grafana/ui';
import { SetWarnings, TraceNote } from './compareModel';

interface Props {
  warnings: SetWarnings;
  traceHref: (traceId: string) => string;
}

/** Traces listed per kind; the title gives the full count. */
const SHOWN = 10;

const plural = (n: number, one: string) => `${n} ${one}${n === 1 ? '' : 's'}`;

export function TraceSetWarnings({ warnings, traceHref }: Props) {
  const styles = useStyles2(getStyles);
  const list = (notes: TraceNote[]) => (
    <ul className={styles.list}>
      {notes.slice(0, SHOWN).map((n) => (
        <li key={n.traceId}>
          <a className={styles.link} href={traceHref(n.traceId)}>
            {n.traceId.slice(0, 16)}
          </a>
          : {n.message}
        </li>
      ))}
      {notes.length > SHOWN && <li>…and {notes.length - SHOWN} more</li>}
    </ul>
  );
  return (
    <>
      {warnings.failed.length > 0 && (
        <Alert severity="warning" title={`${plural(warnings.failed.length, 'trace')} could not be loaded`}>
          They are left out of the comparison.
          {list(warnings.failed)}
        </Alert>
      )}
      {warnings.partial.length > 0 && (
        <Alert severity="warning" title={`${plural(warnings.partial.length, 'partial trace')} in the comparison`}>
          The source sent only part of these traces; they are compared as they are.
          {list(warnings.partial)}
        </Alert>
      )}
      {warnings.repaired.length > 0 && (
        <Alert severity="info" title={`${plural(warnings.repaired.length, 'trace')} needed repairs`}>
          Open a trace to see everything that was repaired.
          {list(warnings.repaired)}
        </Alert>
      )}
    </>
  );
}

const getStyles = (theme: GrafanaTheme2) => ({
  list: css({ margin: theme.spacing(0.5, 0, 0), paddingLeft: theme.spacing(2) }),
  link: css({ color: theme.colors.text.link, fontFamily: theme.typography.fontFamilyMonospace }),
});
