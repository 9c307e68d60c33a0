import React from 'react';
import { render, screen } from '@testing-library/react';
import { ServiceGap } from '../../engine';
import { tableCells } from '../../../tests/support/tables';
import { user } from '../../../tests/support/user';
import { GapsTable } from './GapsTable';

const MS = 1e6;
// the engine's order, largest total first: 3 calls with 6 ms of gaps, then 5 calls with 4 ms
const GAPS: ServiceGap[] = [
  {
    client: 'frontend',
    server: 'api',
    count: 3,
    before: 4 * MS,
    after: 2 * MS,
    total: 6 * MS,
    min: MS,
    avg: 2 * MS,
    max: 3 * MS,
  },
  {
    client: 'api',
    server: 'db',
    count: 5,
    before: 3 * MS,
    after: MS,
    total: 4 * MS,
    min: 0.5 * MS,
    avg: 0.8 * MS,
    max: MS,
  },
];

describe('GapsTable', () => {
  it('shows each pair with its calls and gaps, and sorts by a header', async () => {
    render(<GapsTable gaps={GAPS} />);
    expect(tableCells('Cross-service gaps')).toEqual([
      ['frontend → api', '3', '4 ms', '2 ms', '6 ms', '1 ms / 2 ms / 3 ms'],
      ['api → db', '5', '3 ms', '1 ms', '4 ms', '500 µs / 800 µs / 1 ms'],
    ]);
    await user.click(screen.getByRole('button', { name: 'Sort column Calls' }));
    expect(tableCells('Cross-service gaps').map((cells) => cells[0])).toEqual(['api → db', 'frontend → api']);
  });

  it('says why there is nothing to show without cross-service calls', () => {
    render(<GapsTable gaps={[]} />);
    expect(screen.getByText('No cross-service calls')).toBeInTheDocument();
    expect(screen.queryByRole('table')).toBeNull();
  });
});
