import React from 'react';
import { PlannedPage } from '../components/PlannedPage';

export default function ServicesPage() {
  return (
    <PlannedPage
      title="Services"
      planned={[
        'Rate, error ratio and p50/p95/p99 latency per service and operation, from Prometheus span metrics.',
        'The service dependency graph with request rate, errors and latency per edge.',
      ]}
    />
  );
}
