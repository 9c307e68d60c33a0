import { countText } from './countText';

describe('countText', () => {
  it('groups thousands with commas', () => {
    expect([0, 999, 1000, 20_000, 1_000_000].map(countText)).toEqual(['0', '999', '1,000', '20,000', '1,000,000']);
  });
});
