import type { BusyIdleWarning, GenAiWarning } from '../engine';
import { inZhHans } from '../../tests/support/i18n';
import { busyIdleWarningText, genAiWarningText } from './genaiWarningText';
import { labelText } from './noneLabel';

const SPAN = { span: 3, spanId: '00000000000000c2', spanLabel: 'fe: chat' };
const tokens: GenAiWarning = {
  ...SPAN,
  problem: { code: 'tokens-not-count', attribute: 'gen_ai.usage.input_tokens', text: 'many' },
};
// ttft_ms 0.05 on a 10 µs span: 50,000 ns against 10,000 ns
const longTtft: GenAiWarning = { ...SPAN, problem: { code: 'ttft-longer-than-span', ttft: 50_000, duration: 10_000 } };
const twoValues: BusyIdleWarning = {
  ...SPAN,
  problems: [
    { code: 'not-whole-ns', attribute: 'busy_ns', text: 'x' },
    { code: 'missing', attribute: 'idle_ns' },
  ],
};
// 15,000 + 6,000 = 21,000 ns on a 10,000 ns span, 10,000 ns of slack
const overDuration: BusyIdleWarning = {
  ...SPAN,
  problems: [{ code: 'over-duration', sum: 21_000, duration: 10_000, slack: 10_000 }],
};

describe('GenAI warnings in en-US', () => {
  it('names the span and words each left-out value with its raw text', () => {
    expect(genAiWarningText(tokens)).toBe(
      "fe: chat (00000000000000c2): gen_ai.usage.input_tokens 'many' is not a whole number ≥ 0; not used"
    );
    expect(genAiWarningText({ ...SPAN, problem: { code: 'ttft-not-ms', attribute: 'ttft_ms', text: 'soon' } })).toBe(
      "fe: chat (00000000000000c2): ttft_ms 'soon' is not a number of ms ≥ 0; not used"
    );
    expect(
      genAiWarningText({ ...SPAN, problem: { code: 'first-token-before-start', event: 'gen_ai.first_token' } })
    ).toBe('fe: chat (00000000000000c2): its gen_ai.first_token event is before the span starts; not used');
    expect(genAiWarningText(longTtft)).toBe(
      'fe: chat (00000000000000c2): time to first token (50 µs) is longer than the span (10 µs); no decode time'
    );
  });

  it('joins a busy/idle warning’s reasons and formats its durations', () => {
    expect(busyIdleWarningText(twoValues)).toBe(
      "fe: chat (00000000000000c2): busy_ns 'x' is not a whole number of ns and has no idle_ns; not used"
    );
    expect(busyIdleWarningText({ ...SPAN, problems: [{ code: 'negative', attribute: 'busy_ns', text: '-5' }] })).toBe(
      'fe: chat (00000000000000c2): busy_ns -5 is negative; not used'
    );
    expect(busyIdleWarningText(overDuration)).toBe(
      "fe: chat (00000000000000c2): busy_ns + idle_ns = 21 µs is more than 10 µs over the span's duration, 10 µs; not used"
    );
  });

  it('says "(none)" for the engine’s none-value and keeps any other name', () => {
    expect(labelText('(none)')).toBe('(none)');
    expect(labelText('gpt-4o')).toBe('gpt-4o');
  });
});

describe('GenAI warnings in zh-Hans', () => {
  inZhHans();

  it('words the warnings in Chinese, span, attribute and raw text kept', () => {
    expect(genAiWarningText(tokens)).toBe(
      'fe: chat（00000000000000c2）：gen_ai.usage.input_tokens“many”不是 ≥ 0 的整数；未采用'
    );
    expect(genAiWarningText(longTtft)).toBe(
      'fe: chat（00000000000000c2）：首 token 时延（50 µs）长于跨度（10 µs）；没有解码时间'
    );
    expect(busyIdleWarningText(twoValues)).toBe(
      'fe: chat（00000000000000c2）：busy_ns“x”不是整数纳秒，且缺少 idle_ns；未采用'
    );
  });

  it('says the engine’s none-value as （无）', () => {
    expect(labelText('(none)')).toBe('（无）');
    expect(labelText('gpt-4o')).toBe('gpt-4o');
  });
});
