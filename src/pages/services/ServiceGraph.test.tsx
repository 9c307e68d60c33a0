import React from 'react';
import { render, screen } from '@testing-library/react';
import { pickDependencyEdges } from '../../data';
import { tableCells, tableHeaders } from '../../../tests/support/tables';
import { user } from '../../../tests/support/user';
import { ServiceGraph } from './ServiceGraph';

const TABLE = 'Service graph edges';
const cells = () => tableCells(TABLE);
const header = () => tableHeaders(TABLE);

describe('ServiceGraph', () => {
  it('says the edges are Jaeger call counts, and shows no errors or latency for them', () => {
    // 90 calls over 60 s = 1.50 req/s
    const graph = pickDependencyEdges({
      jaegerDependencies: { rangeSec: 60, edges: [{ parent: 'frontend', child: 'api-gateway', callCount: 90 }] },
    });
    render(<ServiceGraph {...graph} onSelect={() => {}} />);
    expect(screen.getByTestId('edge-source')).toHaveTextContent(
      'Edges from Jaeger’s dependencies API: call counts over the time range only, no errors or latency.'
    );
    expect(cells()).toEqual([['frontend → api-gateway', '1.50 req/s', '–', '–']]);
  });

  it('labels peer-label edges with the client side’s p95', () => {
    // 0.1 failed of 0.4 req/s = 25.0%; p95 0.0123 s = 12.3 ms
    const graph = pickDependencyEdges({
      spanMetricsPeer: [
        { client: 'api-gateway', server: 'user-service', rate: 0.4, failedRate: 0.1, p95Seconds: 0.0123 },
      ],
    });
    render(<ServiceGraph {...graph} onSelect={() => {}} />);
    expect(screen.getByTestId('edge-source')).toHaveTextContent(
      'Edges from span metrics of client spans with a peer-service label: calls, errors and the client side’s p95.'
    );
    expect(header()).toEqual(['Client → server', 'Requests', 'Errors', 'Client p95']);
    expect(cells()).toEqual([['api-gateway → user-service', '0.40 req/s', '25.0%', '12.3 ms']]);
  });

  it('sorts the edges by a column, largest first, then smallest first; a missing value lowest', async () => {
    // 1.5 req/s, 0.3 of them failed (20.0%), p95 40 ms; 0.5 req/s, none failed, p95 unknown (NaN)
    const graph = pickDependencyEdges({
      spanMetricsPeer: [
        { client: 'frontend', server: 'api-gateway', rate: 1.5, failedRate: 0.3, p95Seconds: 0.04 },
        { client: 'api-gateway', server: 'user-service', rate: 0.5, failedRate: 0, p95Seconds: NaN },
      ],
    });
    render(<ServiceGraph {...graph} onSelect={() => {}} />);
    const pairs = () => cells().map((row) => row[0]);
    await user.click(screen.getByRole('button', { name: 'Sort column Client p95' }));
    expect(cells()).toEqual([
      ['frontend → api-gateway', '1.50 req/s', '20.0%', '40 ms'],
      ['api-gateway → user-service', '0.50 req/s', '0.0%', '–'],
    ]);
    await user.click(screen.getByRole('button', { name: 'Sort column Client p95' }));
    expect(pairs()).toEqual(['api-gateway → user-service', 'frontend → api-gateway']);
    await user.click(screen.getByRole('button', { name: 'Sort column Client → server' }));
    expect(pairs()).toEqual(['api-gateway → user-service', 'frontend → api-gateway']);
    await user.click(screen.getByRole('button', { name: 'Sort column Requests' }));
    expect(pairs()).toEqual(['frontend → api-gateway', 'api-gateway → user-service']);
  });

  it('shows only the line when no source has edges', () => {
    render(<ServiceGraph {...pickDependencyEdges({ serviceGraph: [] })} onSelect={() => {}} />);
    expect(screen.getByTestId('edge-source')).toHaveTextContent(/^No dependency edges in this time range/);
    expect(screen.queryByRole('img')).toBeNull();
    expect(screen.queryByRole('table')).toBeNull();
  });
});
