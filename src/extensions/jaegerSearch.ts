/**
 * An Explore Jaeger search as the app's search page parameters. Grafana's Jaeger query
 * (grafana/grafana public/app/plugins/datasource/jaeger/types.ts `JaegerQuery`) is a search when
 * `queryType` is `search`: `service`, `operation`, `tags` (logfmt, `k=v k2="v 2"`), `minDuration` /
 * `maxDuration` (Go durations such as `1.2s`, `100ms`, `500us`) and `limit`. They become the page's
 * builder parameters (`svc`, `op`, `attr`, `min`/`max` in ms) plus `limit` and `run`. A search the page
 * cannot hold as it is (tags or a duration it cannot read) gives undefined rather than a wider search.
 */
import { builderToParams, parseTags } from '../app/searchQuery';

export interface JaegerExploreSearch {
  queryType?: string;
  service?: string;
  operation?: string;
  tags?: string;
  minDuration?: string;
  maxDuration?: string;
  limit?: number;
}

const GO_UNIT_MS: Record<string, number> = { ns: 1e-6, us: 1e-3, µs: 1e-3, μs: 1e-3, ms: 1, s: 1e3, m: 6e4, h: 3.6e6 };
const GO_PART = /(\d+\.?\d*|\.\d+)(ns|us|µs|μs|ms|s|m|h)/y;

/**
 * Milliseconds of a Go duration (`1h2m3.5s`, `250ms`, `0`), or undefined when `text` is not one.
 * A sequence of number+unit parts, summed; O(length).
 */
export function goDurationMs(text: string): number | undefined {
  const t = text.trim();
  if (t === '0') {
    return 0;
  }
  let ms = 0;
  GO_PART.lastIndex = 0;
  while (GO_PART.lastIndex < t.length) {
    const at = GO_PART.lastIndex;
    const m = GO_PART.exec(t);
    if (!m || m.index !== at) {
      return undefined;
    }
    ms += Number(m[1]) * GO_UNIT_MS[m[2]];
  }
  return t === '' ? undefined : ms;
}

/** The search page's parameters for `q`, or undefined when `q` is no search the page can hold. */
export function jaegerSearchParams(q: JaegerExploreSearch): Record<string, string | string[] | undefined> | undefined {
  if (q.queryType !== 'search' || !q.service) {
    return undefined;
  }
  const tags = parseTags(q.tags ?? '');
  const min = q.minDuration?.trim() ? goDurationMs(q.minDuration) : undefined;
  const max = q.maxDuration?.trim() ? goDurationMs(q.maxDuration) : undefined;
  if (
    'invalid' in tags ||
    (q.minDuration?.trim() && min === undefined) ||
    (q.maxDuration?.trim() && max === undefined)
  ) {
    return undefined;
  }
  return {
    ...builderToParams({
      service: q.service,
      spanName: q.operation || undefined,
      minMs: min,
      maxMs: max,
      attrs: tags.attrs,
    }),
    limit: q.limit ? String(q.limit) : undefined,
    run: '1',
  };
}
