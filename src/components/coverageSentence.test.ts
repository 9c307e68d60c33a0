import type { Coverage } from '../app/coverage';
import { inZhHans } from '../../tests/support/i18n';
import { coverageSentence } from './coverageSentence';

const note = (traceId: string) => ({ traceId, message: 'x' });

/** 2 of 20+ listed used: the 4 newest fetched, 1 failed, 1 too large; 6 spans in the last hour. */
const SAMPLED: Coverage = {
  listed: 20,
  limitReached: true,
  searchLimit: 20,
  sampled: 'newest',
  requested: 4,
  used: 2,
  spans: 6,
  failed: [note('c')],
  tooLarge: [note('d')],
  partial: [],
  notFetched: 0,
  cancelled: false,
  given: false,
  range: { from: 'now-1h', to: 'now' },
};

/** 1 of 1 listed used, 1 partial, 1 left out for its root, 2 cancelled before they came, in the last 6 hours. */
const SINGLE: Coverage = {
  ...SAMPLED,
  listed: 1,
  limitReached: false,
  sampled: undefined,
  requested: 3,
  used: 1,
  spans: 1,
  failed: [],
  tooLarge: [],
  partial: [note('a')],
  leftOut: { count: 1, why: 'with another root' },
  notFetched: 2,
  cancelled: true,
  range: { from: 'now-6h', to: 'now' },
};

describe('coverageSentence', () => {
  it('says what was used of a search that stopped at its limit, the sample and the failures', () => {
    expect(coverageSentence(SAMPLED)).toBe(
      '2 of 20+ matching traces used · the 4 newest fetched · the search stopped at its limit of 20 · 1 failed · 1 too large · 6 spans (whole traces) · Last 1 hour'
    );
  });

  it('says one trace and one span in the singular, what was left out and what a cancel did not fetch', () => {
    expect(coverageSentence(SINGLE)).toBe(
      '1 of 1 matching trace used · 1 with another root left out · 1 partial · 2 not fetched (cancelled) · 1 span (whole traces) · Last 6 hours'
    );
  });

  it('says nothing matched, or counts traces that came with the query', () => {
    expect(
      coverageSentence({
        ...SAMPLED,
        listed: 0,
        used: 0,
        limitReached: false,
        sampled: undefined,
        failed: [],
        tooLarge: [],
      })
    ).toBe('No traces matched · Last 1 hour');
    expect(
      coverageSentence({
        ...SINGLE,
        given: true,
        leftOut: undefined,
        partial: [],
        cancelled: false,
        spans: 20,
        used: 2,
      })
    ).toBe('2 traces · 20 spans · Last 6 hours');
  });
});

describe('coverageSentence in Simplified Chinese', () => {
  inZhHans();

  // the range is Grafana's wording, from Grafana's own locale (not loaded here): only TraceLens's parts are asserted
  const ownParts = (c: Coverage) => coverageSentence(c).split(' · ').slice(0, -1);

  it('words the facts in Chinese, plurals included', () => {
    expect(ownParts(SAMPLED)).toEqual([
      '已使用 20+ 个匹配追踪中的 2 个',
      '获取了最新的 4 个',
      '搜索在上限 20 处停止',
      '1 个失败',
      '1 个过大',
      '6 个跨度（完整追踪）',
    ]);
    expect(ownParts({ ...SINGLE, listed: 3 })).toEqual([
      '已使用 3 个匹配追踪中的 1 个',
      '排除 1 个（with another root）',
      '1 个不完整',
      '2 个未获取（已取消）',
      '1 个跨度（完整追踪）',
    ]);
    expect(ownParts({ ...SINGLE, given: true, leftOut: undefined, partial: [], cancelled: false })).toEqual([
      '1 个追踪',
      '1 个跨度',
    ]);
  });
});
