import { escapeRegex, matcher, oneOf, promqlDuration, promqlString, selector } from './promql';

describe('promqlString', () => {
  it.each([
    ['plain', '"plain"'],
    ['say "hi"', '"say \\"hi\\""'],
    ['back\\slash', '"back\\\\slash"'],
    ['a\nb\tc', '"a\\nb\\tc"'],
    ['nul\u0000', '"nul\\u0000"'],
    ['日本語 😀', '"日本語 😀"'],
  ])('%j → %s', (value, literal) => {
    expect(promqlString(value)).toBe(literal);
  });
});

describe('escapeRegex', () => {
  // Each value next to a string its unescaped regex would also have matched.
  it.each([
    ['a.b', 'aXb'],
    ['regex (a|b).*[x]+?$', 'regex bzzx'],
    ['x{1,2}', 'xx'],
    ['^\\d$', '7'],
  ])('%j matches only itself, not %j', (value, lookalike) => {
    const re = new RegExp(`^(?:${escapeRegex(value)})$`);
    expect(re.test(value)).toBe(true);
    expect(re.test(lookalike)).toBe(false);
    expect(new RegExp(`^(?:${value})$`).test(lookalike)).toBe(true);
  });
});

describe('selector', () => {
  it('quotes and escapes every matcher value', () => {
    expect(
      selector('traces_spanmetrics_calls_total', [
        matcher('service', '=', 'a"b'),
        matcher('span_name', '=~', escapeRegex('GET /x?y')),
      ])
    ).toBe('traces_spanmetrics_calls_total{service="a\\"b", span_name=~"GET /x\\\\?y"}');
  });

  it('rejects invalid metric and label names instead of building broken PromQL', () => {
    expect(() => selector('bad-name')).toThrow(/not a valid Prometheus metric name/);
    expect(() => matcher('bad label', '=', 'x')).toThrow(/not a valid Prometheus label name/);
  });
});

describe('oneOf', () => {
  it('uses = for one value and an escaped alternation for several', () => {
    expect(oneOf('service', ['a.b'])).toEqual({ label: 'service', op: '=', value: 'a.b' });
    expect(oneOf('service', ['a.b', 'c|d'])).toEqual({ label: 'service', op: '=~', value: 'a\\.b|c\\|d' });
  });
});

describe('promqlDuration', () => {
  it('formats whole seconds as s and anything else as ms', () => {
    expect(promqlDuration(300)).toBe('300s');
    expect(promqlDuration(15.001)).toBe('15001ms');
    expect(() => promqlDuration(0)).toThrow(RangeError);
    expect(() => promqlDuration(0.0001)).toThrow(RangeError);
    expect(() => promqlDuration(NaN)).toThrow(RangeError);
  });
});
