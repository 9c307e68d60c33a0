import React from 'react';
import { render, screen, within } from '@testing-library/react';
import { pickDependencyEdges } from '../../data';
import { ServiceGraph } from './ServiceGraph';

const cells = () =>
  screen.getAllByTestId('edge-row').map((r) =>
    within(r)
      .getAllByRole('cell')
      .map((c) => c.textContent)
  );
const header = () => screen.getAllByRole('columnheader').map((h) => h.textContent);

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

  it('shows only the line when no source has edges', () => {
    render(<ServiceGraph {...pickDependencyEdges({ serviceGraph: [] })} onSelect={() => {}} />);
    expect(screen.getByTestId('edge-source')).toHaveTextContent(/^No dependency edges in this time range/);
    expect(screen.queryByRole('img')).toBeNull();
    expect(screen.queryByRole('table')).toBeNull();
  });
});
