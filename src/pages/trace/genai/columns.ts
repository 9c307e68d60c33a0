/**
 * The column kinds of the LLM, agent and async busy/idle tables (NamedTable): text sorted A→Z
 * first, counts, durations (ns) and shares sorted largest first. O(1) per cell.
 */
import type { Column } from '@grafana/ui';
import { sortableColumn } from '../../../components/tableColumns';
import { formatDuration, formatShare } from '../../../components/breakdown';

export const textColumn = <T extends object>(id: string, header: string, text: (row: T) => string): Column<T> =>
  sortableColumn(id, header, text, text, { ascendingFirst: true });

export const countColumn = <T extends object>(id: string, header: string, count: (row: T) => number): Column<T> =>
  sortableColumn(id, header, count, count);

/** `known(row)` false shows "–" (the value is not a duration of the row). */
export const durationColumn = <T extends object>(
  id: string,
  header: string,
  ns: (row: T) => number,
  known: (row: T) => boolean = () => true
): Column<T> => sortableColumn(id, header, ns, (row) => (known(row) ? formatDuration(ns(row)) : '–'));

export const shareColumn = <T extends object>(id: string, header: string, share: (row: T) => number): Column<T> =>
  sortableColumn(id, header, share, (row) => formatShare(share(row)));
