/** Prometheus HTTP API response shapes (`/api/v1/…`). Sample values are strings. */
export type Labels = Record<string, string>;

export interface PromEnvelope<T> {
  status: 'success' | 'error';
  data: T;
  errorType?: string;
  error?: string;
  warnings?: string[];
}

export type SampleValue = [number, string];

export interface InstantVectorSample {
  metric: Labels;
  value: SampleValue;
}

export interface RangeVectorSeries {
  metric: Labels;
  values: SampleValue[];
}

export type InstantQueryData =
  | { resultType: 'vector'; result: InstantVectorSample[] }
  | { resultType: 'scalar'; result: SampleValue }
  | { resultType: 'matrix'; result: RangeVectorSeries[] }
  | { resultType: 'string'; result: [number, string] };

export interface RangeQueryData {
  resultType: 'matrix';
  result: RangeVectorSeries[];
}

export interface ExemplarSeries {
  seriesLabels: Labels;
  exemplars: Array<{ labels: Labels; value: string; timestamp: number }>;
}
