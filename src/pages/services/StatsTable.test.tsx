import React from 'react';
import { render, screen } from '@testing-library/react';
import { tableCells } from '../../../tests/support/tables';
import { user } from '../../../tests/support/user';
import { StatsRow } from './servicesModel';
import { StatsTable } from './StatsTable';

// seconds: p95 and p99 of api-gateway unknown
const ROWS: StatsRow[] = [
  { service: 'frontend', rate: 2, errorRatio: 0.05, p50: 0.01, p95: 0.05, p99: 0.1 },
  { service: 'api-gateway', rate: 5, errorRatio: 0, p50: 0.002, p95: NaN, p99: NaN },
  { service: 'user-service', rate: 1, errorRatio: 0.2, p50: 0.005, p95: 0.02, p99: 0.03 },
];
const href = (r: StatsRow) => `/search?svc=${r.service}`;
const names = () => tableCells('Services').map((cells) => cells[0]);

describe('StatsTable', () => {
  it('shows each row in the given order, the chosen one pressed, names choosing their row', async () => {
    const onSelect = jest.fn();
    render(
      <StatsTable label="Services" rows={ROWS} slowTracesHref={href} onSelect={onSelect} selected="api-gateway" />
    );
    expect(tableCells('Services')).toEqual([
      ['frontend', '2.00 req/s', '5.0%', '10 ms', '50 ms', '100 ms', 'Show slow traces'],
      ['api-gateway', '5.00 req/s', '0.0%', '2 ms', '–', '–', 'Show slow traces'],
      ['user-service', '1.00 req/s', '20.0%', '5 ms', '20 ms', '30 ms', 'Show slow traces'],
    ]);
    expect(screen.getByRole('button', { name: 'api-gateway' })).toHaveAttribute('aria-pressed', 'true');
    expect(screen.getByRole('button', { name: 'frontend' })).toHaveAttribute('aria-pressed', 'false');
    expect(screen.getAllByRole('link', { name: 'Show slow traces' })[2]).toHaveAttribute(
      'href',
      '/search?svc=user-service'
    );
    await user.click(screen.getByRole('button', { name: 'frontend' }));
    expect(onSelect).toHaveBeenCalledWith(ROWS[0]);
  });

  it('sorts by a column: numbers largest first with an unknown value lowest, names A→Z, from the keyboard', async () => {
    render(<StatsTable label="Services" rows={ROWS} slowTracesHref={href} />);
    // p95: frontend 50 ms, user-service 20 ms, api-gateway unknown
    await user.click(screen.getByRole('button', { name: 'Sort column p95' }));
    expect(names()).toEqual(['frontend', 'user-service', 'api-gateway']);
    await user.click(screen.getByRole('button', { name: 'Sort column p95' }));
    expect(names()).toEqual(['api-gateway', 'user-service', 'frontend']);
    screen.getByRole('button', { name: 'Sort column Rate' }).focus();
    await user.keyboard('{Enter}');
    expect(screen.getByRole('columnheader', { name: /Rate/ })).toHaveAttribute('aria-sort', 'descending');
    expect(names()).toEqual(['api-gateway', 'frontend', 'user-service']);
    await user.click(screen.getByRole('button', { name: 'Sort column Service' }));
    expect(names()).toEqual(['api-gateway', 'frontend', 'user-service']);
    await user.click(screen.getByRole('button', { name: 'Sort column Service' }));
    expect(names()).toEqual(['user-service', 'frontend', 'api-gateway']);
  });
});
