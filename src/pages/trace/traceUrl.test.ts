/** The trace page reads its URL state, falling back to defaults for unknown values. */
import { readTraceUrl, stitchPatch } from './traceUrl';

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
      stitch: undefined,
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
      stitch: undefined,
    });
  });

  it('groups by model: `group=model`', () => {
    expect(readTraceUrl(new URLSearchParams('group=model')).group).toBe('model');
  });

  it('reads and writes the stitching of related traces', () => {
    const read = (q: string) => readTraceUrl(new URLSearchParams(q)).stitch;
    expect(read('stitch=x_request_id')).toEqual({ key: 'x_request_id', followLinks: true });
    expect(read('stitch=sid&stitchLinks=no')).toEqual({ key: 'sid', followLinks: false });
    expect(read('stitch=')).toBeUndefined();
    expect(stitchPatch({ key: 'sid', followLinks: false })).toEqual({ stitch: 'sid', stitchLinks: 'no' });
    expect(stitchPatch(undefined)).toEqual({ stitch: undefined, stitchLinks: undefined });
  });
});
