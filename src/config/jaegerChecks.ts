/**
 * Diagnostics for a Jaeger trace datasource, through its TraceSource: Jaeger answers
 * `/api/services`, holds traces from the last hour (searched in its first few services), and
 * finds a trace by a tag it carries — `error=true` on a trace with error spans, which Jaeger's
 * memory storage cannot match (its matcher wants a bool, the search API sends text).
 */
import type { TraceHit, TraceSource } from '../sources/types';
import { CheckResult, lastHour } from './checkResult';
import { errorText } from '../components/errorText';
import { t } from '@grafana/i18n';
import { AS_TEXT } from '../components/i18n';

/** Services searched for recent traces, at most. */
const SERVICES_TRIED = 5;

const hints = () => ({
  jaeger: t(
    'config.jaeger.hint-jaeger',
    "Check the Jaeger datasource URL (Jaeger's query API listens on port 16686 by default) and that Jaeger is running: GET /api/services must answer 200."
  ),
  search: t(
    'config.jaeger.hint-search',
    'No traces in the last hour: check that your services export OTLP (gRPC on port 4317, HTTP on 4318) to Jaeger or a collector forwarding to it, and that OTLP export is enabled in your SDK.'
  ),
  tagSearch: t(
    'config.jaeger.hint-tag-search',
    "Jaeger's memory storage cannot search by error: use Badger or another backend."
  ),
});

const titles = () => ({
  jaeger: t('config.jaeger.answers-title', 'Jaeger answers /api/services'),
  search: t('config.jaeger.search', 'Traces in the last hour'),
  tagSearch: t('config.jaeger.tag-search', 'Search by tag works'),
});

export async function jaegerChecks(source: TraceSource, signal: AbortSignal): Promise<CheckResult[]> {
  const range = lastHour();
  const request = { signal };
  const [HINTS, TITLES] = [hints(), titles()];
  let services: string[];
  try {
    services = await source.services(range, request);
  } catch (e) {
    const skipped = t('config.jaeger.skipped', 'Skipped: Jaeger is not reachable.');
    return [
      { id: 'jaeger', title: TITLES.jaeger, status: 'error', detail: errorText(e), hint: HINTS.jaeger },
      { id: 'search', title: TITLES.search, status: 'error', detail: skipped, hint: HINTS.jaeger },
      { id: 'tag-search', title: TITLES.tagSearch, status: 'error', detail: skipped, hint: HINTS.jaeger },
    ];
  }
  const results: CheckResult[] = [
    {
      id: 'jaeger',
      title: TITLES.jaeger,
      status: 'ok',
      detail: t('config.jaeger.services', '', {
        uid: source.uid,
        count: services.length,
        defaultValue_one: 'Jaeger at datasource "{{uid}}" lists {{count}} service.',
        defaultValue_other: 'Jaeger at datasource "{{uid}}" lists {{count}} services.',
        ...AS_TEXT,
      }),
    },
  ];
  // the recent traces of the first services (not only of the first that has any: the tag search
  // needs a trace with an error span, which another service's traces may hold)
  const hits: TraceHit[] = [];
  let service = '';
  try {
    for (const candidate of services.slice(0, SERVICES_TRIED)) {
      const found = await source.search({ filter: { service: candidate } }, { ...range, limit: 20 }, request);
      hits.push(...found);
      service ||= found.length ? candidate : '';
    }
  } catch (e) {
    results.push({ id: 'search', title: TITLES.search, status: 'error', detail: errorText(e), hint: HINTS.search });
    results.push({
      id: 'tag-search',
      title: TITLES.tagSearch,
      status: 'error',
      detail: t('config.jaeger.skipped-search', 'Skipped: searching failed.'),
      hint: HINTS.search,
    });
    return results;
  }
  if (!hits.length) {
    const tried = services.slice(0, SERVICES_TRIED);
    results.push({
      id: 'search',
      title: TITLES.search,
      status: 'warning',
      detail: tried.length
        ? t('config.jaeger.no-traces', 'No traces of {{services}} in the last hour.', {
            services: tried.join(', '),
            ...AS_TEXT,
          })
        : t('config.jaeger.no-services', 'Jaeger knows no services: it has received no traces.'),
      hint: HINTS.search,
    });
    results.push({
      id: 'tag-search',
      title: TITLES.tagSearch,
      status: 'warning',
      detail: t('config.jaeger.not-checked', 'Not checked: no traces in the last hour.'),
      hint: HINTS.tagSearch,
    });
    return results;
  }
  results.push({
    id: 'search',
    title: TITLES.search,
    status: 'ok',
    detail: t('config.jaeger.search-ok', 'Search finds traces of {{service}} from the last hour.', {
      service,
      ...AS_TEXT,
    }),
  });
  results.push(await errorSearchCheck(source, hits, range, signal));
  return results;
}

/**
 * Searches a service that has an error span in `hits` (the trace's root service first) for
 * `error=true`: it must find traces.
 */
async function errorSearchCheck(
  source: TraceSource,
  hits: TraceHit[],
  range: { start: number; end: number },
  signal: AbortSignal
): Promise<CheckResult> {
  const [HINTS, TITLES] = [hints(), titles()];
  const failing = hits.flatMap((h) =>
    Object.entries(h.serviceStats)
      .filter(([, s]) => s.errorCount > 0)
      .map(([service]) => ({ traceId: h.traceId, service }))
      .sort((a, b) => Number(b.service === h.rootService) - Number(a.service === h.rootService))
  )[0];
  if (!failing) {
    return {
      id: 'tag-search',
      title: TITLES.tagSearch,
      status: 'warning',
      detail: t(
        'config.jaeger.no-error-span',
        'Not checked: none of the traces found has an error span to search for.'
      ),
      hint: HINTS.tagSearch,
    };
  }
  try {
    const found = await source.search(
      { filter: { service: failing.service, status: 'error' } },
      { ...range, limit: 1 },
      { signal }
    );
    return found.length
      ? {
          id: 'tag-search',
          title: TITLES.tagSearch,
          status: 'ok',
          detail: t('config.jaeger.tag-search-ok', 'Searching {{service}} for error=true finds traces.', {
            service: failing.service,
            ...AS_TEXT,
          }),
        }
      : {
          id: 'tag-search',
          title: TITLES.tagSearch,
          status: 'error',
          detail: t(
            'config.jaeger.tag-search-failed',
            'Trace {{traceId}} has error spans in {{service}}, but searching {{service}} for error=true finds nothing.',
            { ...failing, ...AS_TEXT }
          ),
          hint: HINTS.tagSearch,
        };
  } catch (e) {
    return { id: 'tag-search', title: TITLES.tagSearch, status: 'error', detail: errorText(e), hint: HINTS.tagSearch };
  }
}
