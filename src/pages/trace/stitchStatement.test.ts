import { DataError } from '../../data';
import type { StitchOutcome } from '../../loading/stitch-related';
import { inZhHans } from '../../../tests/support/i18n';
import { stitchNotes, stitchSentence } from './stitchStatement';

const BY_REQUEST = { key: 'x_request_id', followLinks: true };

/** An outcome with `traces` stitched traces, `links` joins and the given related-trace facts. */
function outcome(traces: number, links: number, related: Partial<StitchOutcome['related']> = {}): StitchOutcome {
  return {
    stitched: {
      traceIds: Array.from({ length: traces }, (_, k) => `t${k}`),
      links: Array.from({ length: links }, (_, k) => ({ span: k, parent: 0 })),
    } as unknown as StitchOutcome['stitched'],
    related: {
      values: ['r-17'],
      valuesLeftOut: 0,
      traceIds: [],
      byValue: traces - 1,
      leftOut: 0,
      moreMayExist: false,
      ...related,
    },
    failed: [],
  };
}

describe('stitchSentence', () => {
  it('names the join: the value, the links, or both', () => {
    expect(stitchSentence(BY_REQUEST, outcome(2, 1))).toBe('Stitched 2 traces by x_request_id = r-17 and 1 link.');
    expect(stitchSentence(BY_REQUEST, outcome(3, 0))).toBe('Stitched 3 traces by x_request_id = r-17.');
    expect(stitchSentence(BY_REQUEST, outcome(2, 2, { byValue: 0 }))).toBe('Stitched 2 traces by 2 links.');
  });

  it('says why nothing was stitched', () => {
    expect(stitchSentence(BY_REQUEST, outcome(1, 0, { values: [] }))).toBe(
      'No related trace to stitch: no span of this trace has x_request_id and no link leads to another trace.'
    );
    expect(stitchSentence({ ...BY_REQUEST, followLinks: false }, outcome(1, 0))).toBe(
      'No related trace to stitch: none found.'
    );
  });
});

describe('stitchNotes', () => {
  it('counts what was left out and names the traces that failed', () => {
    const o = outcome(21, 0, { valuesLeftOut: 2, leftOut: 4, services: { searched: 30, leftOut: 3 } });
    o.failed.push({ traceId: 'ab', error: new DataError('trace-not-found', 'Trace ab not found.') });
    expect(stitchNotes(BY_REQUEST, o)).toEqual([
      '2 more values of x_request_id not searched.',
      'Jaeger searches one service at a time: 30 services searched, 3 left out.',
      '4 more related traces left out: at most 20 are fetched.',
      'Trace ab left out: Trace ab not found.',
    ]);
    expect(stitchNotes(BY_REQUEST, outcome(21, 0, { moreMayExist: true }))).toEqual([
      'A search returned its limit of 21 traces: there may be more related traces.',
    ]);
  });
});

describe('the stitch sentence and notes in zh-Hans', () => {
  inZhHans();

  it('names the join and what was left out in Chinese, counts and values kept', () => {
    expect(stitchSentence(BY_REQUEST, outcome(2, 1))).toBe('已按 x_request_id = r-17 和 1 个链接拼接 2 个追踪。');
    expect(stitchSentence(BY_REQUEST, outcome(1, 0, { values: [] }))).toBe(
      '没有可拼接的相关追踪：此追踪中没有跨度带有 x_request_id，且没有链接指向其他追踪。'
    );
    expect(stitchNotes(BY_REQUEST, outcome(25, 0, { leftOut: 4 }))).toEqual([
      '另有 4 个相关追踪被排除：最多获取 20 个。',
    ]);
  });
});
