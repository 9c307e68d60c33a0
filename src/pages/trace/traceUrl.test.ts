/** The trace page reads its URL state, falling back to defaults for unknown values. */
import { readTraceUrl } from './traceUrl';

describe('readTraceUrl', () => {
  it('reads span, tab, grouping, measure, path mode and all spans', () => {
    expect(
      readTraceUrl(
        new URLSearchParams(
          'span=00000000000000aa&view=gaps&group=attribute&groupAttr=http.route&measure=busyIdle&path=sync&spans=all'
        )
      )
    ).toEqual({
      spanId: '00000000000000aa',
      view: 'gaps',
      group: 'attribute',
      attribute: 'http.route',
      measure: 'busyIdle',
      pathMode: 'sync',
      allSpans: true,
    });
  });

  it('falls back to the defaults', () => {
    expect(readTraceUrl(new URLSearchParams('view=nope&group=nope&measure=nope&path=nope&spans=some'))).toEqual({
      spanId: '',
      view: 'breakdown',
      group: 'service',
      attribute: '',
      measure: 'self',
      pathMode: 'async',
      allSpans: false,
    });
  });
});
