import React, { useState } from 'react';
import { render, screen } from '@testing-library/react';
import { tableCells } from '../../../tests/support/tables';
import { user } from '../../../tests/support/user';
import { ResultsTable } from './ResultsTable';
import { BreakdownCell, ResultRow, SortKey } from './searchModel';
import { sortPatch } from './searchUrl';

const T0 = Date.UTC(2024, 0, 1);
// a: first, 30 ms, 4 spans; b: 1 s later, 10 ms, 9 spans, 2 errors; c: 2 s later, 20 ms, 1 span
const ROWS: ResultRow[] = [
  {
    traceId: 'aaaa',
    rootService: 'frontend',
    rootName: 'GET /a',
    startMs: T0,
    durationMs: 30,
    spanCount: 4,
    errorCount: 0,
  },
  {
    traceId: 'bbbb',
    rootService: 'api',
    rootName: 'POST /b',
    startMs: T0 + 1000,
    durationMs: 10,
    spanCount: 9,
    errorCount: 2,
  },
  {
    traceId: 'cccc',
    rootService: 'frontend',
    rootName: 'GET /c',
    startMs: T0 + 2000,
    durationMs: 20,
    spanCount: 1,
    errorCount: 0,
  },
];
const CELLS = new Map<string, BreakdownCell>([['bbbb', { error: 'trace not found' }]]);
const ids = () => tableCells('Traces found').map((cells) => cells[0]);

/** The table under the search page's rule for its order (searchUrl's sortPatch); `asked` records each request. */
function Page({ asked }: { asked: SortKey[] }) {
  const [order, setOrder] = useState<{ sort: SortKey; descending: boolean }>({ sort: 'start', descending: true });
  const onSort = (key: SortKey) => {
    asked.push(key);
    const patch = sortPatch(key, order);
    setOrder({ sort: patch.sort as SortKey, descending: patch.dir === 'desc' });
  };
  return (
    <ResultsTable
      rows={ROWS}
      sort={order.sort}
      descending={order.descending}
      onSort={onSort}
      breakdowns={CELLS}
      traceHref={(id) => `/trace/${id}`}
    />
  );
}

describe('ResultsTable', () => {
  it("shows the rows in the page's order, each linking to its trace, with its bar, spinner or error", () => {
    render(<Page asked={[]} />);
    expect(screen.getByRole('columnheader', { name: /Start/ })).toHaveAttribute('aria-sort', 'descending');
    const cells = tableCells('Traces found');
    expect(ids()).toEqual(['cccc', 'bbbb', 'aaaa']);
    expect(cells[1]).toEqual(['bbbb', 'api POST /b', '2024-01-01 00:00:01.000', '10 ms', '9', '2', 'unavailable']);
    expect(screen.getByRole('link', { name: 'bbbb' })).toHaveAttribute('href', '/trace/bbbb');
  });

  it('asks the page to sort by a clicked header, and its arrow follows the order the page applies', async () => {
    const asked: SortKey[] = [];
    render(<Page asked={asked} />);
    const duration = screen.getByRole('button', { name: 'Sort column Duration' });
    await user.click(duration);
    expect(asked).toEqual(['duration']);
    expect(screen.getByRole('columnheader', { name: /Duration/ })).toHaveAttribute('aria-sort', 'descending');
    expect(ids()).toEqual(['aaaa', 'cccc', 'bbbb']);
    await user.click(duration);
    expect(asked).toEqual(['duration', 'duration']);
    expect(screen.getByRole('columnheader', { name: /Duration/ })).toHaveAttribute('aria-sort', 'ascending');
    expect(ids()).toEqual(['bbbb', 'cccc', 'aaaa']);
    screen.getByRole('button', { name: 'Sort column Spans' }).focus();
    await user.keyboard('{Enter}');
    expect(asked).toEqual(['duration', 'duration', 'spans']);
    expect(ids()).toEqual(['bbbb', 'aaaa', 'cccc']);
    expect(screen.queryByRole('button', { name: /Sort column (Trace|Self time per service)/ })).toBeNull();
  });
});
