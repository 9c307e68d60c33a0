/**
 * What the compare page's URL asks for, read against the source: `mode` (split|queries; queries
 * only where the source takes TraceQL), `svc`, `op`, `q` (TraceQL, dropped where the source does
 * not take it), `pct` (slow share, 1–50, default 5), `slowQ`, `baseQ`, `group` (operation,
 * service, spanKind, model or attribute) with `groupAttr` (the attribute's key, span then resource
 * scope), `run`, `n` (traces to search for, at most MAX_TRACES_FOR_AGGREGATE; default the app
 * setting); whether there is enough to run, and whether the URL asked for TraceQL this source
 * cannot run. The grouping the comparison uses (`compareGroupBy`): null while `group=attribute`
 * has no key yet.
 */
import { MAX_TRACES_FOR_AGGREGATE } from '../../app/settings';
import type { GroupBy, GroupKind } from '../../engine';

export type CompareMode = 'split' | 'queries';

/** The groupings the page offers, in the picker's order. */
export const GROUP_KINDS: readonly GroupKind[] = ['operation', 'service', 'spanKind', 'model', 'attribute'];

export interface CompareRequest {
  mode: CompareMode;
  svc: string;
  op: string;
  q: string;
  /** slow share, percent */
  pct: number;
  slowQ: string;
  baseQ: string;
  group: GroupKind;
  /** the attribute key of `group=attribute` ('' when none is chosen) */
  groupAttr: string;
  /** traces to search for, when the URL raised the sample; else the app setting applies */
  n?: number;
  /** enough is given to search */
  ready: boolean;
  /** TraceQL the URL asks for that this source cannot run (shown, not run) */
  unsupported: boolean;
}

export function readCompareUrl(params: URLSearchParams, traceql: boolean): CompareRequest {
  const wantsQueries = params.get('mode') === 'queries';
  const mode: CompareMode = wantsQueries && traceql ? 'queries' : 'split';
  const svc = params.get('svc') ?? '';
  const op = params.get('op') ?? '';
  const q = traceql ? (params.get('q') ?? '') : '';
  const slowQ = params.get('slowQ') ?? '';
  const baseQ = params.get('baseQ') ?? '';
  const n = Number(params.get('n'));
  return {
    mode,
    svc,
    op,
    q,
    pct: Math.min(50, Math.max(1, Number(params.get('pct')) || 5)),
    slowQ,
    baseQ,
    group: GROUP_KINDS.find((g) => g === params.get('group')) ?? 'operation',
    groupAttr: params.get('groupAttr')?.trim() ?? '',
    n: Number.isInteger(n) && n > 0 ? Math.min(n, MAX_TRACES_FOR_AGGREGATE) : undefined,
    ready: mode === 'split' ? params.has('run') || svc !== '' || op !== '' || q !== '' : slowQ !== '' && baseQ !== '',
    unsupported: !traceql && (wantsQueries || params.has('q')),
  };
}

/** What the comparison groups spans by; null while `group=attribute` has no key. */
export function compareGroupBy({ group, groupAttr }: Pick<CompareRequest, 'group' | 'groupAttr'>): GroupBy | null {
  if (group !== 'attribute') {
    return { kind: group };
  }
  return groupAttr ? { kind: 'attribute', key: groupAttr } : null;
}
