import React, { useMemo } from 'react';
import { Link } from 'react-router-dom';
import { css } from '@emotion/css';
import { dateTimeFormat, GrafanaTheme2 } from '@grafana/data';
import { Alert, useStyles2 } from '@grafana/ui';
import { formatDuration } from '../../components/breakdown';
import { getTableStyles } from '../../components/tableStyles';
import { pickerRow } from './pickerRow';
import { displayName, fileTraceUrl, FORMAT_LABELS, LoadedFile } from '../../app/traceFiles';

/**
 * The traces of a file holding several, one row each (root service and span, start, duration,
 * spans, errors, trace id), each a link to its trace page: one trace is analysed at a time, never
 * a mix of them.
 */
export function TracePicker({ file }: { file: LoadedFile }) {
  const styles = useStyles2(getStyles);
  const table = useStyles2(getTableStyles);
  const rows = useMemo(() => file.traces.map((entry) => ({ entry, row: pickerRow(entry.trace) })), [file]);
  return (
    <div className={styles.wrap}>
      <p>
        {displayName(file.name)} ({FORMAT_LABELS[file.format]}) holds {file.traces.length} traces. Pick one to analyse
        it.
      </p>
      {file.warnings.length > 0 && (
        <Alert severity="warning" title="Warnings while reading the file">
          <ul className={styles.list}>
            {file.warnings.map((w, n) => (
              <li key={n}>{w}</li>
            ))}
          </ul>
        </Alert>
      )}
      <table className={table.table} aria-label="Traces in the file">
        <thead>
          <tr>
            <th>Root service and span</th>
            <th>Start</th>
            <th className={styles.numeric}>Duration</th>
            <th className={styles.numeric}>Spans</th>
            <th className={styles.numeric}>Errors</th>
            <th>Trace id</th>
          </tr>
        </thead>
        <tbody>
          {rows.map(({ entry, row }) => (
            <tr key={entry.key} data-testid="file-trace">
              <td>
                <Link className={table.link} to={fileTraceUrl(file, entry)}>
                  <strong>{row.rootService}</strong> {row.rootName}
                </Link>
              </td>
              <td className={styles.nowrap}>{dateTimeFormat(row.startMs, { format: 'YYYY-MM-DD HH:mm:ss.SSS' })}</td>
              <td className={styles.numeric}>{formatDuration(row.duration)}</td>
              <td className={styles.numeric}>{row.spanCount}</td>
              <td className={styles.numeric}>{row.errorCount}</td>
              <td>
                <code>{entry.trace.traceId || '(none)'}</code>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

const getStyles = (theme: GrafanaTheme2) => ({
  wrap: css({ display: 'flex', flexDirection: 'column', gap: theme.spacing(1) }),
  list: css({ margin: 0, paddingLeft: theme.spacing(2) }),
  numeric: css({ textAlign: 'right !important' as 'right' }),
  nowrap: css({ whiteSpace: 'nowrap' }),
});
