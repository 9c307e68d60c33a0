/** Tempo HTTP API response shapes (protobuf-JSON: 64-bit numbers as strings, defaults omitted). */

export interface TempoKeyValue {
  key: string;
  value: { stringValue?: string; intValue?: string; doubleValue?: number; boolValue?: boolean };
}

export interface TempoSearchSpan {
  spanID: string;
  name?: string;
  startTimeUnixNano: string;
  durationNanos: string;
  attributes?: TempoKeyValue[];
}

export interface TempoSearchTrace {
  traceID: string;
  rootServiceName?: string;
  rootTraceName?: string;
  startTimeUnixNano: string;
  durationMs?: number;
  spanSet?: { spans: TempoSearchSpan[]; matched: number };
  spanSets?: Array<{ spans: TempoSearchSpan[]; matched: number; attributes?: TempoKeyValue[] }>;
  serviceStats?: Record<string, { spanCount: number; errorCount?: number }>;
}

export interface TempoSearchResponse {
  traces?: TempoSearchTrace[];
  metrics?: Record<string, string | number>;
}

export interface TempoTagsResponse {
  scopes: Array<{ name: string; tags?: string[] }>;
}

export interface TempoTagValuesResponse {
  tagValues?: Array<{ type: string; value?: string }>;
}

export interface TempoMetricsSeries {
  labels: TempoKeyValue[];
  samples?: Array<{ timestampMs: string; value?: number }>;
  exemplars?: Array<{ labels?: TempoKeyValue[]; value?: number; timestampMs: string }>;
  promLabels?: string;
}

export interface TempoMetricsResponse {
  series?: TempoMetricsSeries[];
  metrics?: Record<string, string | number>;
  status?: string;
  message?: string;
}
