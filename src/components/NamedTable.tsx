/**
 * Grafana's InteractiveTable (header buttons that sort, row hover, theme) with an accessible name.
 * InteractiveTable passes no aria attributes to its <table>, so `label` is set on it after each
 * render (aria-label), and `description`, shown under the table, is linked to it by
 * aria-describedby. Numbers in the table use tabular figures; `fit` sizes it to its content.
 * O(1) per render.
 */
import React, { ComponentProps, ReactNode, useId, useLayoutEffect, useRef } from 'react';
import { css, cx } from '@emotion/css';
import { GrafanaTheme2 } from '@grafana/data';
import { InteractiveTable, useStyles2 } from '@grafana/ui';

export type NamedTableProps<T extends object> = ComponentProps<typeof InteractiveTable<T>> & {
  /** the table's accessible name */
  label: string;
  /** a line under the table that tells what its values mean */
  description?: ReactNode;
  /** size the table to its content instead of the full width */
  fit?: boolean;
};

export function NamedTable<T extends object>({ label, description, fit = false, ...table }: NamedTableProps<T>) {
  const styles = useStyles2(getStyles);
  const ref = useRef<HTMLDivElement>(null);
  const descriptionId = useId();
  useLayoutEffect(() => {
    const element = ref.current?.querySelector('table');
    element?.setAttribute('aria-label', label);
    if (description) {
      element?.setAttribute('aria-describedby', descriptionId);
    } else {
      element?.removeAttribute('aria-describedby');
    }
  });
  return (
    <div ref={ref}>
      <InteractiveTable {...table} className={cx(styles.table, fit && styles.fit, table.className)} />
      {description && (
        <div id={descriptionId} className={styles.description}>
          {description}
        </div>
      )}
    </div>
  );
}

const getStyles = (theme: GrafanaTheme2) => ({
  // headers that do not sort (plain text, not a button) placed and weighted as those that do
  table: css({
    fontVariantNumeric: 'tabular-nums',
    th: { fontWeight: theme.typography.fontWeightMedium, textAlign: 'left' },
  }),
  // InteractiveTable's container is a column flexbox, which would stretch the table
  fit: css({ width: 'auto', alignSelf: 'flex-start' }),
  description: css({
    color: theme.colors.text.secondary,
    fontSize: theme.typography.bodySmall.fontSize,
    paddingTop: theme.spacing(0.5),
  }),
});
