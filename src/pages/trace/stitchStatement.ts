/**
 * What the trace page says about a stitch (loading/stitch-related.ts): the join as one sentence
 * ("Stitched 2 traces by x_request_id = r-17 and 1 link") and the notes on what was left out
 * or failed. Pure; O(traces + values).
 */
import { MAX_RELATED, StitchOutcome, StitchRequest } from '../../loading/stitch-related';

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

/** The join in one sentence. */
export function stitchSentence(request: StitchRequest, outcome: StitchOutcome): string {
  const { stitched, related } = outcome;
  const links = stitched.links.length;
  if (stitched.traceIds.length === 1) {
    const how = related.values.length === 0 ? `no span of this trace has ${request.key}` : 'none found';
    return `No related trace to stitch: ${how}${request.followLinks ? ' and no link leads to another trace' : ''}.`;
  }
  const ways = [
    related.byValue > 0 ? `${request.key} = ${related.values.join(', ')}` : '',
    links > 0 ? plural(links, 'link') : '',
  ].filter(Boolean);
  return `Stitched ${plural(stitched.traceIds.length, 'trace')}${ways.length ? ` by ${ways.join(' and ')}` : ''}.`;
}

/** What was left out or failed, one note each. */
export function stitchNotes(request: StitchRequest, outcome: StitchOutcome): string[] {
  const { related, failed } = outcome;
  const notes: string[] = [];
  if (related.valuesLeftOut > 0) {
    notes.push(`${plural(related.valuesLeftOut, 'more value')} of ${request.key} not searched.`);
  }
  if (related.services && related.services.leftOut > 0) {
    notes.push(
      `Jaeger searches one service at a time: ${plural(related.services.searched, 'service')} searched, ${related.services.leftOut} left out.`
    );
  }
  if (related.leftOut > 0) {
    notes.push(`${plural(related.leftOut, 'more related trace')} left out: at most ${MAX_RELATED} are fetched.`);
  } else if (related.moreMayExist) {
    notes.push(`A search returned its limit of ${MAX_RELATED + 1} traces: there may be more related traces.`);
  }
  for (const f of failed) {
    notes.push(`Trace ${f.traceId} left out: ${f.error.message}`);
  }
  return notes;
}
