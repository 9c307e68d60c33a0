/**
 * The coverage line's sentence: the facts of app/coverage.ts in the user's language, parts joined
 * by " · ", e.g. "2 of 20+ matching traces used · the 2 newest fetched · the search stopped at its
 * limit of 20 · 1 failed · 6 spans (whole traces) · Last 1 hour". Parts that say nothing (zero
 * failed, no sample) are left out; the range is Grafana's description of it. O(1).
 */
import { t } from '@grafana/i18n';
import { rangeUtil } from '@grafana/data';
import type { Coverage } from '../app/coverage';
import { AS_TEXT } from './i18n';

/** How many traces the aggregate used out of those the search listed (or, given traces, how many). */
function head(c: Coverage): string {
  if (c.given) {
    return t('coverage.traces', '', {
      count: c.used,
      defaultValue_one: '{{count}} trace',
      defaultValue_other: '{{count}} traces',
    });
  }
  if (c.listed === 0) {
    return t('coverage.none', 'No traces matched');
  }
  if (c.limitReached) {
    return t('coverage.used-limit', '{{used}} of {{listed}}+ matching traces used', { used: c.used, listed: c.listed });
  }
  return t('coverage.used', '', {
    used: c.used,
    count: c.listed,
    defaultValue_one: '{{used}} of {{count}} matching trace used',
    defaultValue_other: '{{used}} of {{count}} matching traces used',
  });
}

/** The spans analysed: whole traces when fetched by id after a search. */
function spans(c: Coverage): string {
  if (c.given) {
    return t('coverage.spans', '', {
      count: c.spans,
      defaultValue_one: '{{count}} span',
      defaultValue_other: '{{count}} spans',
    });
  }
  if (c.listed === 0) {
    return '';
  }
  return t('coverage.whole-spans', '', {
    count: c.spans,
    defaultValue_one: '{{count}} span (whole traces)',
    defaultValue_other: '{{count}} spans (whole traces)',
  });
}

function sampled(c: Coverage): string {
  if (c.sampled === 'newest') {
    return t('coverage.sampled-newest', 'the {{requested}} newest fetched', { requested: c.requested });
  }
  if (c.sampled === 'slowest') {
    return t('coverage.sampled-slowest', 'the {{requested}} slowest fetched', { requested: c.requested });
  }
  return '';
}

export function coverageSentence(c: Coverage): string {
  const parts = [
    head(c),
    sampled(c),
    c.limitReached ? t('coverage.limit', 'the search stopped at its limit of {{limit}}', { limit: c.searchLimit }) : '',
    c.leftOut
      ? t('coverage.left-out', '{{leftOut}} {{why}} left out', {
          leftOut: c.leftOut.count,
          why: c.leftOut.why,
          ...AS_TEXT,
        })
      : '',
    c.failed.length > 0 ? t('coverage.failed', '{{failed}} failed', { failed: c.failed.length }) : '',
    c.tooLarge.length > 0 ? t('coverage.too-large', '{{tooLarge}} too large', { tooLarge: c.tooLarge.length }) : '',
    c.partial.length > 0 ? t('coverage.partial', '{{partial}} partial', { partial: c.partial.length }) : '',
    c.cancelled && c.notFetched > 0
      ? t('coverage.not-fetched', '{{notFetched}} not fetched (cancelled)', { notFetched: c.notFetched })
      : '',
    spans(c),
    rangeUtil.describeTimeRange(c.range),
  ];
  return parts.filter(Boolean).join(' · ');
}
