/**
 * The summary's search box: find spans by name, service or attribute value (useTraceSearch.ts).
 * Enter jumps to the next match, Shift+Enter to the previous one (the arrow buttons do the same);
 * "k of N" says where the current match is, announced to screen readers.
 */
import React from 'react';
import { css } from '@emotion/css';
import { GrafanaTheme2 } from '@grafana/data';
import { IconButton, Input, useStyles2 } from '@grafana/ui';
import { TraceSearchState } from './useTraceSearch';

export function TraceSearchBox({ search }: { search: TraceSearchState }) {
  const styles = useStyles2(getStyles);
  const { text, setText, step, result } = search;
  const status = !result
    ? ''
    : result.query === ''
      ? 'Type a span name, service or attribute value'
      : result.count === 0
        ? `No span matches “${result.query}”`
        : `${result.at + 1} of ${result.count}`;
  return (
    <div className={styles.wrap} role="search">
      <Input
        className={styles.input}
        prefix={<span aria-hidden>⌕</span>}
        placeholder="Find spans by name, service or attribute value; Enter for the next match"
        aria-label="Find in trace"
        value={text}
        onChange={(e) => setText(e.currentTarget.value)}
        onKeyDown={(e) => {
          if (e.key === 'Enter') {
            e.preventDefault();
            step(e.shiftKey ? -1 : 1);
          }
        }}
      />
      <IconButton name="arrow-up" tooltip="Previous match (Shift+Enter)" onClick={() => step(-1)} />
      <IconButton name="arrow-down" tooltip="Next match (Enter)" onClick={() => step(1)} />
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
