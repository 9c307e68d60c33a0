/**
 * What the trace page says about a stitch (loading/stitch-related.ts), in the user's language: the
 * join as one sentence ("Stitched 2 traces by x_request_id = r-17 and 1 link") and the notes on
 * what was left out or failed. O(traces + values).
 */
import { t } from '@grafana/i18n';
import { errorText } from '../../components/errorText';
import { AS_TEXT } from '../../components/i18n';
import { MAX_RELATED, StitchOutcome, StitchRequest } from '../../loading/stitch-related';

/** "1 link" / "3 links". */
const linkCount = (count: number) =>
  t('trace.stitch.links', '', { count, defaultValue_one: '{{count}} link', defaultValue_other: '{{count}} links' });

/** Why nothing was stitched. */
function nothingStitched(request: StitchRequest, outcome: StitchOutcome): string {
  const values = { key: request.key, ...AS_TEXT };
  if (outcome.related.values.length === 0) {
    return request.followLinks
      ? t(
          'trace.stitch.none-no-value-no-link',
          'No related trace to stitch: no span of this trace has {{key}} and no link leads to another trace.',
          values
        )
      : t('trace.stitch.none-no-value', 'No related trace to stitch: no span of this trace has {{key}}.', values);
  }
  return request.followLinks
    ? t('trace.stitch.none-found-no-link', 'No related trace to stitch: none found and no link leads to another trace.')
    : t('trace.stitch.none-found', 'No related trace to stitch: none found.');
}

/** The join in one sentence. */
export function stitchSentence(request: StitchRequest, outcome: StitchOutcome): string {
  const { stitched, related } = outcome;
  if (stitched.traceIds.length === 1) {
    return nothingStitched(request, outcome);
  }
  const values = {
    traces: stitched.traceIds.length,
    key: request.key,
    values: related.values.join(', '),
    links: linkCount(stitched.links.length),
    ...AS_TEXT,
  };
  const byValue = related.byValue > 0;
  const byLinks = stitched.links.length > 0;
  if (byValue && byLinks) {
    return t(
      'trace.stitch.by-value-and-links',
      'Stitched {{traces}} traces by {{key}} = {{values}} and {{links}}.',
      values
    );
  }
  if (byValue) {
    return t('trace.stitch.by-value', 'Stitched {{traces}} traces by {{key}} = {{values}}.', values);
  }
  if (byLinks) {
    return t('trace.stitch.by-links', 'Stitched {{traces}} traces by {{links}}.', values);
  }
  return t('trace.stitch.stitched', 'Stitched {{traces}} traces.', values);
}

/** What was left out or failed, one note each. */
export function stitchNotes(request: StitchRequest, outcome: StitchOutcome): string[] {
  const { related, failed } = outcome;
  const notes: string[] = [];
  if (related.valuesLeftOut > 0) {
    notes.push(
      t('trace.stitch.values-left-out', '', {
        count: related.valuesLeftOut,
        key: request.key,
        defaultValue_one: '{{count}} more value of {{key}} not searched.',
        defaultValue_other: '{{count}} more values of {{key}} not searched.',
        ...AS_TEXT,
      })
    );
  }
  if (related.services && related.services.leftOut > 0) {
    notes.push(
      t('trace.stitch.services-left-out', '', {
        count: related.services.searched,
        leftOut: related.services.leftOut,
        defaultValue_one: 'Jaeger searches one service at a time: {{count}} service searched, {{leftOut}} left out.',
        defaultValue_other: 'Jaeger searches one service at a time: {{count}} services searched, {{leftOut}} left out.',
      })
    );
  }
  if (related.leftOut > 0) {
    notes.push(
      t('trace.stitch.traces-left-out', '', {
        count: related.leftOut,
        max: MAX_RELATED,
        defaultValue_one: '{{count}} more related trace left out: at most {{max}} are fetched.',
        defaultValue_other: '{{count}} more related traces left out: at most {{max}} are fetched.',
      })
    );
  } else if (related.moreMayExist) {
    notes.push(
      t(
        'trace.stitch.more-may-exist',
        'A search returned its limit of {{limit}} traces: there may be more related traces.',
        { limit: MAX_RELATED + 1 }
      )
    );
  }
  for (const f of failed) {
    notes.push(
      t('trace.stitch.failed-trace', 'Trace {{traceId}} left out: {{message}}', {
        traceId: f.traceId,
        message: errorText(f.error),
        ...AS_TEXT,
      })
    );
  }
  return notes;
}
