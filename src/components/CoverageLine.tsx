/**
 * The coverage line shown wherever traces are aggregated (compare page, search page, breakdown
 * panel): the sentence of its facts (coverageSentence.ts), while fetching the progress bar with Cancel, a button
 * raising the sample where that makes sense, and — expandable — the failed, too-large and partial
 * traces, each with its message (and a link when the page can open traces).
 */
import React, { useState } from 'react';
import { css } from '@emotion/css';
import { GrafanaTheme2 } from '@grafana/data';
import { t, Trans } from '@grafana/i18n';
import { Button, useStyles2 } from '@grafana/ui';
import type { Coverage, TraceNote } from '../app/coverage';
import { coverageSentence } from './coverageSentence';
import { noteText } from './errorText';
import { Progress } from './Progress';

interface Props {
  coverage: Coverage;
  /** while traces are being fetched */
  fetching?: { done: number; total: number; onCancel: () => void };
  /** e.g. "Use 45 traces": what raising the sample does */
  raise?: { label: string; onClick: () => void };
  /** the trace page's link of a trace, where traces can be opened */
  traceHref?: (traceId: string) => string;
}

export function CoverageLine({ coverage, fetching, raise, traceHref }: Props) {
  const styles = useStyles2(getStyles);
  const [open, setOpen] = useState(false);
  const groups: Array<[string, TraceNote[]]> = [
    [t('components.coverage.failed', 'Failed:'), coverage.failed],
    [t('components.coverage.too-large', 'Too large:'), coverage.tooLarge],
    [t('components.coverage.partial', 'Partial:'), coverage.partial],
  ];
  const noted = groups.reduce((n, [, notes]) => n + notes.length, 0);
  return (
    <div className={styles.wrap} data-testid="coverage">
      <div className={styles.line}>
        <span>{coverageSentence(coverage)}</span>
        {fetching && (
          <>
            <Progress
              label={t('components.coverage.fetching', 'Fetching traces')}
              done={fetching.done}
              total={fetching.total}
            />
            <Button size="sm" variant="secondary" icon="times" onClick={fetching.onCancel}>
              <Trans i18nKey="components.coverage.cancel">Cancel</Trans>
            </Button>
          </>
        )}
        {raise && !fetching && (
          <Button size="sm" variant="secondary" onClick={raise.onClick}>
            {raise.label}
          </Button>
        )}
        {noted > 0 && (
          <Button size="sm" fill="text" aria-expanded={open} onClick={() => setOpen(!open)}>
            {open
              ? t('components.coverage.hide-notes', 'Hide traces not fully used ({{noted}})', { noted })
              : t('components.coverage.show-notes', 'Show traces not fully used ({{noted}})', { noted })}
          </Button>
        )}
      </div>
      {open && (
        <ul className={styles.list} aria-label={t('components.coverage.notes-label', 'Traces not fully used')}>
          {groups.flatMap(([label, notes]) =>
            notes.map((n) => (
              <li key={`${label}:${n.traceId}`}>
                {label}{' '}
                {traceHref ? (
                  <a className={styles.link} href={traceHref(n.traceId)}>
                    {n.traceId.slice(0, 16)}
                  </a>
                ) : (
                  <span className={styles.id}>{n.traceId.slice(0, 16)}</span>
                )}{' '}
                — {noteText(n)}
              </li>
            ))
          )}
        </ul>
      )}
    </div>
  );
}

const getStyles = (theme: GrafanaTheme2) => ({
  wrap: css({ fontSize: theme.typography.bodySmall.fontSize, color: theme.colors.text.secondary }),
  line: css({ display: 'flex', flexWrap: 'wrap', alignItems: 'center', gap: theme.spacing(1) }),
  list: css({ margin: theme.spacing(0.5, 0, 0), paddingLeft: theme.spacing(2) }),
  id: css({ fontFamily: theme.typography.fontFamilyMonospace }),
  link: css({ color: theme.colors.text.link, fontFamily: theme.typography.fontFamilyMonospace }),
});
