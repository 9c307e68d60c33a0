/**
 * The trace page's URL state: the selected span (`span`, hex id), the tab below the waterfall
 * (`view`), the breakdown's grouping and measure (`group`, `groupAttr`, `measure`) and the
 * critical-path mode (`path=sync`, app/pathModeParam.ts), `spans=all` to show every span of a
 * trace that would open on the summary (summaryView.ts), and the stitching of related traces
 * (`stitch=<join attribute>`; `stitchLinks=no` not to follow links).
 * Unknown values fall back to the defaults.
 */
import type { GroupKind, PathMode } from '../../engine';
import type { Measure } from '../../components/breakdown';
import { readPathMode } from '../../app/pathModeParam';
import type { StitchRequest } from '../../loading/stitch-related';

export type TraceView = 'breakdown' | 'flame' | 'gaps';

export const TRACE_VIEWS: readonly TraceView[] = ['breakdown', 'flame', 'gaps'];
const GROUPS: GroupKind[] = ['service', 'operation', 'spanKind', 'model', 'attribute'];
const MEASURES: Measure[] = ['self', 'criticalPath', 'busyIdle'];

export interface TraceUrl {
  /** selected span id, '' for none */
  spanId: string;
  view: TraceView;
  group: GroupKind;
  /** attribute key to group by when `group` is `attribute` ('' = the first key) */
  attribute: string;
  measure: Measure;
  pathMode: PathMode;
  /** `spans=all`: every span, not the summary of a huge trace */
  allSpans: boolean;
  /** stitch the trace with its related traces (loading/stitch-related.ts); undefined: the trace alone */
  stitch?: StitchRequest;
}

/** The URL patch leaving (`true`) or returning to (`false`) the summary of a huge trace. */
export const allSpansPatch = (all: boolean) => ({ spans: all ? 'all' : undefined });

/** The URL patch stitching with `request`, or (undefined) going back to the trace alone. */
export const stitchPatch = (request: StitchRequest | undefined) => ({
  stitch: request?.key,
  stitchLinks: request && !request.followLinks ? 'no' : undefined,
});

export function readTraceUrl(params: URLSearchParams): TraceUrl {
  return {
    spanId: params.get('span') ?? '',
    view: TRACE_VIEWS.find((v) => v === params.get('view')) ?? 'breakdown',
    group: GROUPS.find((g) => g === params.get('group')) ?? 'service',
    attribute: params.get('groupAttr') ?? '',
    measure: MEASURES.find((m) => m === params.get('measure')) ?? 'self',
    pathMode: readPathMode(params),
    allSpans: params.get('spans') === 'all',
    stitch: params.get('stitch')
      ? { key: params.get('stitch') ?? '', followLinks: params.get('stitchLinks') !== 'no' }
      : undefined,
  };
}
