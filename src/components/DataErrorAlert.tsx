import React from 'react';
import { Alert } from '@grafana/ui';
import { DataError } from '../data';

interface Props {
  /** what failed, e.g. "Search failed" */
  title: string;
  error: Error;
}

/** A failed request as an inline alert with the data layer's human message (cancellations show nothing). */
export function DataErrorAlert({ title, error }: Props) {
  if (error instanceof DataError && error.kind === 'cancelled') {
    return null;
  }
  return (
    <Alert severity="error" title={title}>
      {error.message}
    </Alert>
  );
}
