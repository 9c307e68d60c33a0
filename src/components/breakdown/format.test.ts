import fc from 'fast-check';
import { formattedValueToString, getValueFormat } from '@grafana/data';
import { formatDuration, formatShare } from './format';

describe('formatDuration', () => {
  it("writes durations as Grafana's ns unit does, or in a fixed unit", () => {
    const ns = [0, 999, 1000, 3_196_000, 59_999_000_000, 90e9, 7200e9, 3 * 86_400e9, -2500];
    expect(ns.map((v) => formatDuration(v))).toEqual([
      '0 ns',
      '999 ns',
      '1 µs',
      '3.20 ms',
      '60.0 s',
      '1.50 mins',
      '2 hours',
      '3 days',
      '-2.50 µs',
    ]);
    expect([formatDuration(3_196_000, 'us'), formatDuration(3_196_000, 'ms'), formatDuration(Number.NaN)]).toEqual([
      '3196 µs',
      '3.20 ms',
      '–',
    ]);
  });

  it("gives exactly Grafana's own value formats' text", () => {
    const grafana = (format: string, v: number) => formattedValueToString(getValueFormat(format)(v));
    fc.assert(
      fc.property(fc.double({ min: -1e15, max: 1e15, noNaN: true }), (ns) => {
        expect(formatDuration(ns)).toBe(grafana('ns', ns));
        expect(formatDuration(ns, 'us')).toBe(grafana('suffix:µs', ns / 1e3));
        expect(formatDuration(ns, 's')).toBe(grafana('suffix:s', ns / 1e9));
      })
    );
    for (const bound of [1e3, 1e6, 1e9, 60e9, 3600e9, 86_400e9]) {
      for (const v of [bound - 1, bound, bound + 1, -bound]) {
        expect(formatDuration(v)).toBe(grafana('ns', v));
      }
    }
  });
});

describe('formatShare', () => {
  it('writes a share as a percentage to one decimal, a negative one with a minus sign', () => {
    expect([0.173, 0, -0.002, 1, Number.NaN].map(formatShare)).toEqual(['17.3%', '0.0%', '−0.2%', '100.0%', '–']);
  });
});
