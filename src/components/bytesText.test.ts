import { formattedValueToString, getValueFormat } from '@grafana/data';
import { bytesText } from './bytesText';

describe('bytesText', () => {
  it("writes byte counts as Grafana's decbytes unit does", () => {
    expect([0, 999, 1000, 12_500_000, 312_000_000, 1_234_567_890, 4e15].map(bytesText)).toEqual([
      '0 B',
      '999 B',
      '1 kB',
      '12.5 MB',
      '312 MB',
      '1.23 GB',
      '4 PB',
    ]);
    const decbytes = getValueFormat('decbytes');
    for (const n of [0, 1, 999, 1000, 1001, 65_536, 12_500_000, 31_234_567, 312_000_000, 1_234_567_890, 4e15]) {
      expect(bytesText(n)).toBe(formattedValueToString(decbytes(n)));
    }
  });
});
