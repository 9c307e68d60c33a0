import React from 'react';
import { PlannedPage } from '../components/PlannedPage';

export default function SearchPage() {
  return (
    <PlannedPage
      title="Trace search"
      planned={[
        'A TraceQL query builder (service, span name, any tag, status, duration) and a raw TraceQL editor.',
        'Results with root service, duration, span count, errors and a per-service time bar for each trace.',
      ]}
    />
  );
}
