import React from 'react';
import { PlannedPage } from '../components/PlannedPage';

export default function ComparePage() {
  return (
    <PlannedPage
      title="Compare trace sets"
      planned={[
        'Two trace sets chosen by TraceQL and time range, by default the slowest 5% against the rest.',
        'Per-component differences in share and duration, ranked, each with example traces.',
      ]}
    />
  );
}
