import React from 'react';
import { Alert } from '@grafana/ui';
import { DataError } from '../data';
import { errorText } from './errorText';

interface Props {
  /** what failed, e.g. "Search failed" */
  title: string;
  error: Error;
}

/** A failed request as an inline alert saying what failed in the user's language (cancellations show nothing). */
export function DataErrorAlert({ title, error }: Props) {
  if (error instanceof DataError && error.kind === 'cancelled') {
    return null;
  }
  return (
    <Alert severity="error" title={title}>
      {errorText(error)}
    </Alert>
  );
}
