import { by, escapeRegex, labelName, matcher, oneOf, promqlDuration, promqlString, selector } from './promql';

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

  it('quotes a metric name that is not classic inside the braces, as Prometheus 3 writes it', () => {
    expect(
      selector('traces.span.metrics.calls_total', [
        matcher('service.name', '=', 'a"b'),
        matcher('span_name', '!=', ''),
      ])
    ).toBe('{"traces.span.metrics.calls_total", "service.name"="a\\"b", span_name!=""}');
    expect(selector('traces.span.metrics.duration_bucket')).toBe('{"traces.span.metrics.duration_bucket"}');
    // recording-rule names with colons are classic metric names and stay bare
    expect(selector('job:calls:rate5m', [matcher('job', '=', 'x')])).toBe('job:calls:rate5m{job="x"}');
  });

  it('quotes and escapes names that would otherwise break out of the selector', () => {
    expect(selector('a"b{c}', [matcher('x"}=y', '=', 'v'), matcher('la:bel', '=', 'w')])).toBe(
      '{"a\\"b{c}", "x\\"}=y"="v", "la:bel"="w"}'
    );
  });

  it('rejects empty names instead of building broken PromQL', () => {
    expect(() => selector('')).toThrow('An empty string is not a Prometheus metric name');
    expect(() => matcher('', '=', 'x')).toThrow('An empty string is not a Prometheus label name');
  });
});

describe('labelName and by', () => {
  it('write classic label names bare and any other quoted', () => {
    expect(labelName('service_name')).toBe('service_name');
    expect(labelName('service.name')).toBe('"service.name"');
    expect(labelName('9lives')).toBe('"9lives"');
    expect(by(['service.name', 'span.name', 'le'])).toBe('by ("service.name", "span.name", le)');
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
