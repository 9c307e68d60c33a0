/**
 * Column definitions for Grafana's InteractiveTable (NamedTable) and how they sort (react-table's
 * `sortType`). `compareBy(value, pinned)` orders rows by `value`: numbers numerically, a missing
 * value (undefined or NaN) below every number; strings by `localeCompare`; rows for which `pinned`
 * holds (an "Other" row) after all others, and equal rows in the table's order, in both
 * directions: react-table negates a comparison for a descending column, so those two orders are
 * negated in advance by the `desc` it passes. O(1) per comparison besides `value`.
 */
import type { ReactNode } from 'react';
import type { Column, SortByFn } from '@grafana/ui';

export type SortValue = number | string | undefined;

const missing = (v: SortValue) => v === undefined || (typeof v === 'number' && Number.isNaN(v));

/** Ascending order of two cell values: missing first, then numbers (or strings) in order. */
export function compareValues(x: SortValue, y: SortValue): number {
  if (missing(x) || missing(y)) {
    return Number(missing(y)) - Number(missing(x));
  }
  if (typeof x === 'string' || typeof y === 'string') {
    return String(x).localeCompare(String(y));
  }
  return x! < y! ? -1 : x! > y! ? 1 : 0;
}

/** A column's sort: by `value` of the row; `pinned` rows last and ties in table order whichever the direction. */
export function compareBy<T extends object>(
  value: (row: T) => SortValue,
  pinned: (row: T) => boolean = () => false
): SortByFn<T> {
  return (a, b, _columnId, desc) => {
    // react-table negates the result when `desc`: these two are negated in advance to stay put
    const unflipped = desc ? -1 : 1;
    const [pa, pb] = [pinned(a.original), pinned(b.original)];
    if (pa !== pb) {
      return (pa ? 1 : -1) * unflipped;
    }
    return compareValues(value(a.original), value(b.original)) || (a.index - b.index) * unflipped;
  };
}

export interface SortOptions<T> {
  /** rows kept last in both directions */
  pinned?: (row: T) => boolean;
  /** the first click sorts A→Z / smallest first (default: largest first) */
  ascendingFirst?: boolean;
}

/** A column showing `show(row)` whose header sorts by `value(row)`. */
export function sortableColumn<T extends object>(
  id: string,
  header: string,
  value: (row: T) => SortValue,
  show: (row: T) => ReactNode,
  { pinned, ascendingFirst = false }: SortOptions<T> = {}
): Column<T> {
  return {
    id,
    header,
    cell: ({ row }) => show(row.original),
    sortType: compareBy(value, pinned),
    sortDescFirst: !ascendingFirst,
  };
}

/** A column showing `show(row)` that does not sort. */
export function plainColumn<T extends object>(id: string, header: string, show: (row: T) => ReactNode): Column<T> {
  return { id, header, cell: ({ row }) => show(row.original) };
}
