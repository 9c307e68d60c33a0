/**
 * The summary's search box: find spans by name, service or attribute value (useTraceSearch.ts).
 * Enter jumps to the next match, Shift+Enter to the previous one (the arrow buttons do the same);
 * "k of N" says where the current match is, announced to screen readers.
 */
import React from 'react';
import { css } from '@emotion/css';
import { GrafanaTheme2 } from '@grafana/data';
import { t } from '@grafana/i18n';
import { IconButton, Input, useStyles2 } from '@grafana/ui';
import { AS_TEXT } from '../../components/i18n';
import { TraceSearchState } from './useTraceSearch';

export function TraceSearchBox({ search }: { search: TraceSearchState }) {
  const styles = useStyles2(getStyles);
  const { text, setText, step, result } = search;
  const status = !result
    ? ''
    : result.query === ''
      ? t('trace.search.empty', 'Type a span name, service or attribute value')
      : result.count === 0
        ? t('trace.search.no-match', 'No span matches “{{query}}”', { query: result.query, ...AS_TEXT })
        : t('trace.search.position', '{{at}} of {{total}}', { at: result.at + 1, total: result.count });
  return (
    <div className={styles.wrap} role="search">
      <Input
        className={styles.input}
        prefix={<span aria-hidden>⌕</span>}
        placeholder={t(
          'trace.search.placeholder',
          'Find spans by name, service or attribute value; Enter for the next match'
        )}
        aria-label={t('trace.search.label', 'Find in trace')}
        value={text}
        onChange={(e) => setText(e.currentTarget.value)}
        onKeyDown={(e) => {
          if (e.key === 'Enter') {
            e.preventDefault();
            step(e.shiftKey ? -1 : 1);
          }
        }}
      />
      <IconButton
        name="arrow-up"
        tooltip={t('trace.search.previous', 'Previous match (Shift+Enter)')}
        onClick={() => step(-1)}
      />
      <IconButton name="arrow-down" tooltip={t('trace.search.next', 'Next match (Enter)')} onClick={() => step(1)} />
      <output className={styles.status} aria-live="polite" data-testid="trace-search-status">
        {status}
      </output>
    </div>
  );
}

const getStyles = (theme: GrafanaTheme2) => ({
  wrap: css({ display: 'flex', alignItems: 'center', gap: theme.spacing(1), marginBottom: theme.spacing(1) }),
  input: css({ maxWidth: 560 }),
  status: css({
    color: theme.colors.text.secondary,
    fontSize: theme.typography.bodySmall.fontSize,
    fontVariantNumeric: 'tabular-nums',
  }),
});
