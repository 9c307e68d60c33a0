/**
 * The compared traces the engine repaired (orphans, clock skew…; compared as repaired), each
 * linked with its first note. Failed and partial traces are the coverage line's (CoverageLine).
 */
import React from 'react';
import { t, Trans } from '@grafana/i18n';
import { css } from '@emotion/css';
import { GrafanaTheme2 } from '@grafana/data';
import { Alert, useStyles2 } from '@grafana/ui';
import { warningText } from '../../components/warningText';
import type { RepairNote } from './compareModel';

interface Props {
  repaired: RepairNote[];
  traceHref: (traceId: string) => string;
}

/** Traces listed; the title gives the full count. */
const SHOWN = 10;

export function TraceSetWarnings({ repaired, traceHref }: Props) {
  const styles = useStyles2(getStyles);
  if (repaired.length === 0) {
    return null;
  }
  return (
    <Alert
      severity="info"
      title={t('compare.repaired.title', '', {
        count: repaired.length,
        defaultValue_one: '{{count}} trace needed repairs',
        defaultValue_other: '{{count}} traces needed repairs',
      })}
    >
      <Trans i18nKey="compare.repaired.body">Open a trace to see everything that was repaired.</Trans>
      <ul className={styles.list}>
        {repaired.slice(0, SHOWN).map((n) => (
          <li key={n.traceId}>
            <a className={styles.link} href={traceHref(n.traceId)}>
              {n.traceId.slice(0, 16)}
            </a>
            : {warningText(n.repair)}
          </li>
        ))}
        {repaired.length > SHOWN && (
          <li>{t('compare.repaired.rest', '…and {{rest}} more', { rest: repaired.length - SHOWN })}</li>
        )}
      </ul>
    </Alert>
  );
}

const getStyles = (theme: GrafanaTheme2) => ({
  list: css({ margin: theme.spacing(0.5, 0, 0), paddingLeft: theme.spacing(2) }),
  link: css({ color: theme.colors.text.link, fontFamily: theme.typography.fontFamilyMonospace }),
});
