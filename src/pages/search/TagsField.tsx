/**
 * The Jaeger form's tags: one text field of `key=value` pairs separated by spaces, as Jaeger UI
 * takes them (`http.status_code=500 error=true`, quotes around a value with spaces). A valid text
 * becomes attribute conditions; an invalid one is reported to the form and shown under the field.
 */
import React, { useState } from 'react';
import { t } from '@grafana/i18n';
import { Field, Input } from '@grafana/ui';
import { AS_TEXT } from '../../components/i18n';
import { AttrCondition, formatTags, parseTags } from '../../app/searchQuery';

interface Props {
  attrs: AttrCondition[];
  onChange: (attrs: AttrCondition[]) => void;
  /** the text's problem, or undefined once it is valid again */
  onError: (message: string | undefined) => void;
  className?: string;
}

export function TagsField({ attrs, onChange, onError, className }: Props) {
  const [text, setText] = useState(() => formatTags(attrs));
  const [error, setError] = useState<string>();
  const edit = (next: string) => {
    setText(next);
    const parsed = parseTags(next);
    const problem =
      'invalid' in parsed
        ? t('search.tags.invalid', '"{{part}}" is not key=value (quote a value that holds spaces: key="a b").', {
            part: parsed.invalid,
            ...AS_TEXT,
          })
        : undefined;
    setError(problem);
    onError(problem);
    if ('attrs' in parsed) {
      onChange(parsed.attrs);
    }
  };
  return (
    <Field
      label={t('search.tags.label', 'Tags')}
      description={t('search.tags.description', 'key=value pairs separated by spaces')}
      className={className}
      invalid={Boolean(error)}
      error={error}
    >
      <Input
        id="search-tags"
        width={48}
        // eslint-disable-next-line @grafana/i18n/no-untranslated-strings -- Jaeger tags, the same in every language
        placeholder="http.status_code=500 error=true"
        value={text}
        onChange={(e) => edit(e.currentTarget.value)}
      />
    </Field>
  );
}
