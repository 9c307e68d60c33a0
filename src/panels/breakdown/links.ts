/**
 * Where rows lead: a group row to the app's search page for the group's spans — on Tempo a TraceQL
 * query (values escaped by the data layer's builders), on Jaeger the search form's service,
 * operation or tag (no span-kind search there) — and a trace to the app's trace page; both carry
 * the trace datasource (`ds`) and the panel's time range (`from`/`to`, ms since the epoch).
 * A model's group: on Tempo the spans whose request or response model is the model (also a span
 * requesting another model that answered as this one: TraceQL cannot say "no request model"), on
 * Jaeger, whose tags are one key each, the spans requesting it.
 */
import { GroupBy, MODEL_ATTRIBUTES, SPAN_KIND_NAMES } from '../../engine';
import { traceqlAttribute, traceqlEquals, traceqlFilter } from '../../data';
import { ROUTES } from '../../constants';
import { pageUrl, traceUrl } from '../../app/links';
import { builderToParams } from '../../app/searchQuery';
import type { SourceRef } from '../../sources/types';

export interface LinkContext {
  /** the trace datasource; without it the pages use the app's default */
  source?: SourceRef;
  fromMs: number;
  toMs: number;
}

/** TraceQL matching the spans of the group with `parts`, or undefined when there is no such query. */
export function groupQuery(groupBy: GroupBy, parts: ReadonlyArray<string | null>): string | undefined {
  const [a, b] = parts;
  if (a === null || a === undefined) {
    return undefined;
  }
  switch (groupBy.kind) {
    case 'service':
      return traceqlFilter({ service: a });
    case 'operation':
      return b === null || b === undefined ? undefined : traceqlFilter({ service: a, spanName: b });
    case 'spanKind':
      // a span kind is a TraceQL keyword, not a string: only the engine's own names are used
      return SPAN_KIND_NAMES.includes(a) ? `{ kind = ${a} }` : undefined;
    case 'model': {
      const [request, response] = [MODEL_ATTRIBUTES.request, MODEL_ATTRIBUTES.response].map((key) =>
        traceqlEquals(traceqlAttribute('span', key), a)
      );
      return `{ ${request} || ${response} }`;
    }
    default:
      // TraceQL has no way to name an attribute holding a NUL (data/queries/quote.ts): no query
      return groupBy.key.includes('\u0000') ? undefined : `{ ${traceqlEquals(traceqlAttribute('', groupBy.key), a)} }`;
  }
}

/** The search form's parameters for the group's spans on Jaeger, or undefined (span kinds). */
function jaegerGroupParams(groupBy: GroupBy, parts: ReadonlyArray<string | null>) {
  const [a, b] = parts;
  if (a === null || a === undefined) {
    return undefined;
  }
  switch (groupBy.kind) {
    case 'service':
      return builderToParams({ service: a, attrs: [] });
    case 'operation':
      return b === null || b === undefined ? undefined : builderToParams({ service: a, spanName: b, attrs: [] });
    case 'spanKind':
      return undefined;
    case 'model':
      return builderToParams({ attrs: [{ scope: 'span', key: MODEL_ATTRIBUTES.request, value: a }] });
    default:
      return builderToParams({ attrs: [{ scope: 'span', key: groupBy.key, value: a }] });
  }
}

const rangeParams = (ctx: LinkContext) => ({
  ...(ctx.source ? { ds: ctx.source.uid } : {}),
  from: String(Math.round(ctx.fromMs)),
  to: String(Math.round(ctx.toMs)),
});

/** Search page for the group's spans, or undefined for groups without a query ("(none)", "Other"). */
export function groupHref(groupBy: GroupBy, parts: ReadonlyArray<string | null>, ctx: LinkContext): string | undefined {
  if (ctx.source?.type === 'jaeger') {
    const form = jaegerGroupParams(groupBy, parts);
    return form && pageUrl(ROUTES.Search, { ...form, run: '1', ...rangeParams(ctx) });
  }
  const q = groupQuery(groupBy, parts);
  return q === undefined ? undefined : pageUrl(ROUTES.Search, { q, ...rangeParams(ctx) });
}

/** Trace page of one trace; `view` carries the panel's grouping and measure (`group`, `measure`, `groupAttr`). */
export function traceHref(traceId: string, ctx: LinkContext, view: Record<string, string> = {}): string {
  return traceUrl(traceId, { ...rangeParams(ctx), ...view });
}
