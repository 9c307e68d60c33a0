/** The trace page reads its URL state, falling back to defaults for unknown values. */
import { readTraceUrl } from './traceUrl';

describe('readTraceUrl', () => {
  it('reads span, tab, grouping, measure and path mode', () => {
    expect(
      readTraceUrl(
        new URLSearchParams(
          'span=00000000000000aa&view=gaps&group=attribute&groupAttr=http.route&measure=busyIdle&path=sync'
        )
      )
    ).toEqual({
      spanId: '00000000000000aa',
      view: 'gaps',
      group: 'attribute',
      attribute: 'http.route',
      measure: 'busyIdle',
      pathMode: 'sync',
    });
  });

  it('falls back to the defaults', () => {
    expect(readTraceUrl(new URLSearchParams('view=nope&group=nope&measure=nope&path=nope'))).toEqual({
      spanId: '',
      view: 'breakdown',
      group: 'service',
      attribute: '',
      measure: 'self',
      pathMode: 'async',
    });
  });
});
