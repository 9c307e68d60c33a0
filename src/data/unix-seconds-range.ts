/**
 * A time range in Unix seconds, as the Tempo, Jaeger and Prometheus clients take it (not Grafana's
 * `TimeRange` of date-times, which the app turns into this at the page's edge).
 */
export interface UnixSecondsRange {
  /** Unix seconds */
  start: number;
  /** Unix seconds */
  end: number;
}
