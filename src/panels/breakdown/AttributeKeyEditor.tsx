/**
 * The panel's "Attribute key" option: a Combobox offering the attribute names the panel's trace
 * datasource lists and the keys of the traces it analysed (keyHints.ts, from the panel's instance
 * state), GenAI and agent keys first, and taking any key typed. While the names load the box shows
 * a spinner; why none are listed (Jaeger has no API for them, or the request failed, in its words)
 * is said under it, and the option still takes a typed key. The saved option stays a plain string.
 */
import React, { useMemo } from 'react';
import { css } from '@emotion/css';
import { GrafanaTheme2, StandardEditorProps } from '@grafana/data';
import { t } from '@grafana/i18n';
import { Combobox, ComboboxOption, useStyles2 } from '@grafana/ui';
import { errorText } from '../../components/errorText';
import { AS_TEXT } from '../../components/i18n';
import { KeyHints, offeredKeys } from './keyHints';
import type { BreakdownOptions } from './options';
import { KeyListing, useKeyListing } from './useKeyListing';

type Props = StandardEditorProps<string, unknown, BreakdownOptions, KeyHints | undefined>;

const NO_RANGE = {};

/** Why the listing gives no names, in words; undefined when there is nothing to say. */
function listingNote(listing: KeyListing): { text: string; failed: boolean } | undefined {
  switch (listing.status) {
    case 'unlisted':
      return {
        text: t(
          'panel.options.attribute-key.unlisted',
          "Jaeger lists no attribute names: the keys of the panel's traces are offered, and any key can be typed."
        ),
        failed: false,
      };
    case 'failed':
      return {
        text: t(
          'panel.options.attribute-key.failed',
          'The attribute names could not be listed: {{error}} Any key can still be typed.',
          { error: errorText(listing.error), ...AS_TEXT }
        ),
        failed: true,
      };
    default:
      return undefined;
  }
}

export function AttributeKeyEditor({ value, onChange, context, id }: Props) {
  const styles = useStyles2(getStyles);
  const hints = context.instanceState;
  const listing = useKeyListing(hints?.source, hints?.range ?? NO_RANGE);
  const listed = listing.status === 'listed' ? listing.names : undefined;
  const options = useMemo((): Array<ComboboxOption<string>> => {
    const { keys, suggested } = offeredKeys(listed ?? [], hints?.traceKeys ?? []);
    const description = suggested ? t('panel.options.attribute-key.suggested', 'Common GenAI / agent key') : undefined;
    return keys.map((k) => ({ label: k, value: k, description }));
  }, [listed, hints?.traceKeys]);
  const note = listingNote(listing);
  return (
    <div className={styles.editor}>
      <Combobox
        id={id}
        options={options}
        value={value || null}
        onChange={(o) => onChange(o?.value ?? '')}
        isClearable
        createCustomValue
        customValueDescription={t('panel.options.attribute-key.custom', 'Use this key')}
        loading={listing.status === 'loading'}
        placeholder={t('panel.options.attribute-key.placeholder', 'Pick or type a key')}
      />
      {note && (
        <div className={note.failed ? styles.failed : styles.note} role={note.failed ? 'alert' : 'status'}>
          {note.text}
        </div>
      )}
    </div>
  );
}

const getStyles = (theme: GrafanaTheme2) => {
  const line = { fontSize: theme.typography.bodySmall.fontSize, marginTop: theme.spacing(0.5) };
  return {
    editor: css({ display: 'flex', flexDirection: 'column' }),
    note: css({ ...line, color: theme.colors.text.secondary }),
    failed: css({ ...line, color: theme.colors.error.text }),
  };
};
