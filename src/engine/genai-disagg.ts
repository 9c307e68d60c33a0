/**
 * Where a disaggregated LLM request's time goes, in one trace: each span's self time (self-time.ts:
 * its effective duration minus its children's union) is given to one part, the first that applies:
 * - prefill / decode: the span is, or is under, a span whose `disagg_role` is `prefill` / `decode`
 *   (the nearest such ancestor decides; other roles are ignored);
 * - network: a CLIENT span (a caller waiting on the wire; a call whose callee is in another trace —
 *   context lost between processes — counts whole: stitch the traces to see it split);
 * - worker queue: a span of a worker service (one that has a prefill or decode span in the trace)
 *   — the worker's time waiting before its model span starts and handing over after it;
 * - routing: any other span — the frontend's and the router's own work.
 * The parts add up to the sum of the trace's self times: the trace's duration when no two spans run
 * at once (parallel work counts once per span). Null for a trace without a prefill or decode span.
 * O(n) over the tree's preorder; O(strings) when no span can carry disagg_role.
 */
import type { TraceAnalysis } from './analyze';
import { SpanAttribute } from './genai-attributes';
import { SpanKind } from './model';

export const DISAGG_ROLE = 'disagg_role';

/** ns */
export interface DisaggSplit {
  prefill: number;
  decode: number;
  workerQueue: number;
  network: number;
  routing: number;
}

const NO_ROLE = 0;
const PREFILL = 1;
const DECODE = 2;

export function disaggSplit(analysis: TraceAnalysis): DisaggSplit | null {
  const { trace, tree, selfTime } = analysis;
  const roleAttr = new SpanAttribute(trace, DISAGG_ROLE);
  if (!roleAttr.inTrace) {
    return null;
  }
  const role = new Uint8Array(trace.spanCount);
  const workerServices = new Set<number>();
  for (const i of tree.preorder) {
    const own = roleAttr.text(i);
    const p = tree.parent[i];
    role[i] = own === 'prefill' ? PREFILL : own === 'decode' ? DECODE : p >= 0 ? role[p] : NO_ROLE;
    if (own === 'prefill' || own === 'decode') {
      workerServices.add(trace.resourceService[trace.resource[i]]);
    }
  }
  if (workerServices.size === 0) {
    return null;
  }
  const split: DisaggSplit = { prefill: 0, decode: 0, workerQueue: 0, network: 0, routing: 0 };
  for (let i = 0; i < trace.spanCount; i++) {
    const self = selfTime[i];
    if (role[i] === PREFILL) {
      split.prefill += self;
    } else if (role[i] === DECODE) {
      split.decode += self;
    } else if (trace.kind[i] === SpanKind.Client) {
      split.network += self;
    } else if (workerServices.has(trace.resourceService[trace.resource[i]])) {
      split.workerQueue += self;
    } else {
      split.routing += self;
    }
  }
  return split;
}
