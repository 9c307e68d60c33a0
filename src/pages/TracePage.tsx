import React from 'react';
import { useParams } from 'react-router-dom';
import { PlannedPage } from '../components/PlannedPage';

export default function TracePage() {
  const { traceId = '' } = useParams<{ traceId: string }>();
  return (
    <PlannedPage
      title="Trace analysis"
      planned={[
        'A waterfall with the critical path highlighted and self time per span.',
        'Latency breakdowns by service, operation, span kind or attribute, and percentile badges from span metrics.',
      ]}
    >
      <p>
        Trace ID: <code>{traceId}</code>
      </p>
    </PlannedPage>
  );
}
