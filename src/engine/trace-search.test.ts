import { tinyId, tinyOtlp } from '../../tests/synthetic/tiny';
import { analyzeTrace, spanIdOf } from './analyze';
import { parseOtlpTrace } from './otlp';
import { searchSpans } from './trace-search';

// root (web) → A → A1; C (payments) → C1 (payments), C1's statement names a table
const analysis = analyzeTrace(
  parseOtlpTrace(
    tinyOtlp([
      { id: 'root', service: 'web', start: 0, end: 100 },
      { id: 'A', service: 'web', parent: 'root', start: 10, end: 40 },
      { id: 'A1', service: 'web', parent: 'A', start: 10, end: 20 },
      { id: 'C', service: 'payments', parent: 'root', start: 50, end: 90 },
      {
        id: 'C1',
        service: 'payments',
        parent: 'C',
        start: 60,
        end: 70,
        attrs: { 'db.statement': 'SELECT * FROM Orders', 'db.rows': 17 },
      },
    ])
  )
);
const names = new Map(['root', 'A', 'A1', 'C', 'C1'].map((n) => [tinyId(n), n]));
const found = (q: string) => Array.from(searchSpans(analysis, q), (i) => names.get(spanIdOf(analysis.trace, i)));

describe('searchSpans', () => {
  it('matches span names, service names and attribute values, case-insensitive, in tree order', () => {
    expect(found('orders')).toEqual(['C1']);
    expect(found('PAY')).toEqual(['C', 'C1']);
    expect(found('a')).toEqual(['A', 'A1', 'C', 'C1']);
    expect(found(' a1 ')).toEqual(['A1']);
    expect(found('17')).toEqual(['C1']);
    expect(found('o')).toEqual(['root', 'C1']);
  });

  it('matches nothing for an attribute key, a blank query or an absent text', () => {
    expect(found('statement')).toEqual([]);
    expect(found('   ')).toEqual([]);
    expect(found('zzz')).toEqual([]);
  });
});
