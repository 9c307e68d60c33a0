/**
 * Grafana data frames as Grafana's Prometheus datasource builds them from a range query's answer
 * (its "timeseries-multi" data plane: one frame per series, a `Time` field in ms and a `Value`
 * field carrying the series' labels, the expression in `meta.executedQueryString`), made from a
 * recorded answer, so panel tests read what a real Prometheus returned.
 */
import { createDataFrame, DataFrame, FieldType } from '@grafana/data';
import type { RangeQueryData } from '../../src/data/prometheus/types';
import { recordedSequence } from './recorded';

/** The frames of the `index`-th recorded answer in fixture `name` (a range query), as query `refId`. */
export function recordedRangeFrames(name: string, index: number, refId: string): DataFrame[] {
  const answer = recordedSequence(name)[index];
  const expr = new URLSearchParams(answer.request.split('?')[1]).get('query');
  const step = new URLSearchParams(answer.request.split('?')[1]).get('step');
  const data = (answer.body as { data: RangeQueryData }).data;
  return data.result.map((series) =>
    createDataFrame({
      refId,
      meta: { type: 'timeseries-multi' as never, executedQueryString: `Expr: ${expr}\nStep: ${step}s` },
      fields: [
        { name: 'Time', type: FieldType.time, values: series.values.map(([t]) => t * 1000) },
        {
          name: 'Value',
          type: FieldType.number,
          values: series.values.map(([, v]) => Number(v)),
          labels: series.metric,
        },
      ],
    })
  );
}
