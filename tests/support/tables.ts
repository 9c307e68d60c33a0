/**
 * Test support: reading a named table in jsdom (NamedTable, Grafana's InteractiveTable): its body
 * rows, each row's cell texts, and its column headers' texts. InteractiveTable puts no test ids on
 * its rows, so a table is found by its accessible name and its rows by their role.
 */
import { screen, within } from '@testing-library/react';

/** The body rows of the table named `name` (its header row left out). */
export const tableRows = (name: string | RegExp) =>
  within(screen.getByRole('table', { name })).getAllByRole('row').slice(1);

/** The texts of each body row's cells, row by row. */
export const tableCells = (name: string | RegExp) =>
  tableRows(name).map((row) =>
    within(row)
      .getAllByRole('cell')
      .map((c) => c.textContent)
  );

/** The texts of the table's column headers. */
export const tableHeaders = (name: string | RegExp) =>
  within(screen.getByRole('table', { name }))
    .getAllByRole('columnheader')
    .map((h) => h.textContent);
