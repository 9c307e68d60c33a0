/** The values a GenAI figure left out, one line each (`service: name (span id): reason`), in a warning box. */
import React from 'react';
import { Alert } from '@grafana/ui';

export function WarningList({ title, warnings }: { title: string; warnings: string[] }) {
  if (warnings.length === 0) {
    return null;
  }
  return (
    <Alert severity="warning" title={title}>
      <ul aria-label={title}>
        {warnings.map((w, k) => (
          <li key={k}>{w}</li>
        ))}
      </ul>
    </Alert>
  );
}
