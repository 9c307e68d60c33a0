import { formatShare } from './format';

describe('formatShare', () => {
  it('writes a share as a percentage to one decimal, a negative one with a minus sign', () => {
    expect([0.173, 0, -0.002, 1, Number.NaN].map(formatShare)).toEqual(['17.3%', '0.0%', '−0.2%', '100.0%', '–']);
  });
});
