import React, { useMemo } from 'react';
import { Link } from 'react-router-dom';
import { css } from '@emotion/css';
import { t } from '@grafana/i18n';
import { dateTimeFormat, GrafanaTheme2 } from '@grafana/data';
import { Alert, Column, useStyles2 } from '@grafana/ui';
import { formatDuration } from '../../components/breakdown';
import { AS_TEXT } from '../../components/i18n';
import { getLinkStyles } from '../../components/linkStyles';
import { inputWarningText } from '../../components/inputWarningText';
import { NamedTable } from '../../components/NamedTable';
import { plainColumn, sortableColumn } from '../../components/tableColumns';
import { pickerRow, PickerRow } from './pickerRow';
import { displayName, FileTrace, fileTraceUrl, FORMAT_LABELS, LoadedFile } from '../../app/traceFiles';

interface Line {
  entry: FileTrace;
  row: PickerRow;
}

/**
 * The traces of a file holding several, one row each (root service and span, start, duration,
 * spans, errors, trace id), each a link to its trace page: one trace is analysed at a time, never
 * a mix of them. Rows come in the file's order; the headers sort them. O(traces · log traces).
 */
export function TracePicker({ file }: { file: LoadedFile }) {
  const styles = useStyles2(getStyles);
  const link = useStyles2(getLinkStyles);
  const lines = useMemo(() => file.traces.map((entry) => ({ entry, row: pickerRow(entry.trace) })), [file]);
  const columns = useMemo(
    (): Array<Column<Line>> => [
      sortableColumn(
        'root',
        t('file.picker.root', 'Root service and span'),
        ({ row }) => `${row.rootService} ${row.rootName}`,
        ({ entry, row }) => (
          <Link className={link.link} to={fileTraceUrl(file, entry)}>
            <strong>{row.rootService}</strong> {row.rootName}
          </Link>
        ),
        { ascendingFirst: true }
      ),
      sortableColumn(
        'start',
        t('file.picker.start', 'Start'),
        ({ row }) => row.startMs,
        ({ row }) => (
          <span className={styles.nowrap}>{dateTimeFormat(row.startMs, { format: 'YYYY-MM-DD HH:mm:ss.SSS' })}</span>
        ),
        { ascendingFirst: true }
      ),
      sortableColumn(
        'duration',
        t('file.picker.duration', 'Duration'),
        ({ row }) => row.duration,
        ({ row }) => formatDuration(row.duration)
      ),
      sortableColumn(
        'spans',
        t('file.picker.spans', 'Spans'),
        ({ row }) => row.spanCount,
        ({ row }) => row.spanCount
      ),
      sortableColumn(
        'errors',
        t('file.picker.errors', 'Errors'),
        ({ row }) => row.errorCount,
        ({ row }) => row.errorCount
      ),
      plainColumn('traceId', t('file.picker.trace-id', 'Trace id'), ({ entry }) => (
        <code>{entry.trace.traceId || t('file.picker.no-id', '(none)')}</code>
      )),
    ],
    [file, styles, link]
  );
  return (
    <div className={styles.wrap}>
      <p>
        {t('file.picker.holds', '', {
          name: displayName(file.name),
          format: FORMAT_LABELS[file.format],
          count: file.traces.length,
          defaultValue_one: '{{name}} ({{format}}) holds {{count}} trace. Pick one to analyse it.',
          defaultValue_other: '{{name}} ({{format}}) holds {{count}} traces. Pick one to analyse it.',
          ...AS_TEXT,
        })}
      </p>
      {file.warnings.length > 0 && (
        <Alert severity="warning" title={t('file.picker.warnings', 'Warnings while reading the file')}>
          <ul className={styles.list}>
            {file.warnings.map((w, n) => (
              <li key={n}>{inputWarningText(w)}</li>
            ))}
          </ul>
        </Alert>
      )}
      <NamedTable
        label={t('file.picker.label', 'Traces in the file')}
        columns={columns}
        data={lines}
        getRowId={(l) => l.entry.key}
      />
    </div>
  );
}

const getStyles = (theme: GrafanaTheme2) => ({
  wrap: css({ display: 'flex', flexDirection: 'column', gap: theme.spacing(1) }),
  list: css({ margin: 0, paddingLeft: theme.spacing(2) }),
  nowrap: css({ whiteSpace: 'nowrap' }),
});
