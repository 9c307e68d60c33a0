import { by, escapeRegex, labelName, matcher, oneOf, promqlDuration, promqlString, selector } from './promql';

describe('promqlString', () => {
  it.each([
    ['plain', '"plain"'],
    ['say "hi"', '"say \\"hi\\""'],
    ['back\\slash', '"back\\\\slash"'],
    ['a\nb\tc', '"a\\nb\\tc"'],
    ['nul\u0000', '"nul\\u0000"'],
    ['日本語 😀', '"日本語 😀"'],
    ['DEL \u007f LS \u2028 BOM \ufeff', '"DEL \u007f LS \u2028 BOM \ufeff"'],
    ['\u0001\u001f', '"\\u0001\\u001f"'],
    ['lone \ud800 and \udc00', '"lone \ufffd and \ufffd"'],
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
      selector('traces.span.metrics.calls_total', [matcher('service.name', '=', 'a"b'), matcher('span_name', '!=', '')])
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

describe('names that are PromQL keywords or numbers (forms measured on Prometheus 2.42 and 3.16)', () => {
  it('a metric named like a keyword or number is matched by __name__, which both versions read', () => {
    expect(selector('on', [matcher('job', '=', 'x')])).toBe('{__name__="on", job="x"}');
    expect(selector('NaN')).toBe('{__name__="NaN"}');
    expect(selector('Inf', [], false)).toBe('{__name__="Inf"}');
    expect(selector('group_left')).toBe('{__name__="group_left"}');
    // read as names before `{` by both: left bare
    expect(selector('sum', [matcher('by', '=', 'x')])).toBe('sum{by="x"}');
    expect(selector('nan_total')).toBe('nan_total{}');
  });

  it('inside braces every legacy label name is a name, keywords and Inf/NaN included', () => {
    expect(selector('m', [matcher('on', '=', 'a'), matcher('bool', '!=', 'b'), matcher('NaN', '=~', 'c')], false)).toBe(
      'm{on="a", bool!="b", NaN=~"c"}'
    );
  });

  it('by (…) leaves keywords bare but quotes without, Inf and NaN (rejects them for Prometheus 2)', () => {
    expect(by(['on', 'bool', 'ignoring', 'offset', 'group_left', 'le'])).toBe(
      'by (on, bool, ignoring, offset, group_left, le)'
    );
    expect(by(['without', 'Inf', 'nan'])).toBe('by ("without", "Inf", "nan")');
    expect(() => by(['nan'], false)).toThrow(
      new RangeError(
        'Prometheus 2 cannot query the label name "nan" (a PromQL keyword or number in by (…)); only Prometheus 3 can quote it'
      )
    );
  });

  it('names only Prometheus 3 can hold are rejected for Prometheus 2, saying which and why', () => {
    expect(() => selector('traces.span.metrics.calls_total', [], false)).toThrow(
      'Prometheus 2 cannot query the metric name "traces.span.metrics.calls_total" (not [a-zA-Z_:][a-zA-Z0-9_:]*)'
    );
    expect(() => selector('m', [matcher('service.name', '=', 'x')], false)).toThrow(
      'Prometheus 2 cannot query the label name "service.name" (not [a-zA-Z_][a-zA-Z0-9_]*)'
    );
    expect(() => by(['a-b'], false)).toThrow(RangeError);
    // a long or invisible name is cut to 60 characters, invisible characters escaped
    expect(() => labelName(`\u0000${'x'.repeat(100)}`, false)).toThrow(
      `label name "\\u0000${'x'.repeat(59)}…" (101 characters) (not`
    );
  });
});

describe('promqlDuration', () => {
  it('formats whole seconds as s and anything else as ms', () => {
    expect(promqlDuration(300)).toEqual({ text: '300s' });
    expect(promqlDuration(15.001)).toEqual({ text: '15001ms' });
    expect(promqlDuration(0.0015)).toEqual({ text: '2ms' }); // 1.5 ms rounds to 2 ms
  });

  it('clamps what PromQL cannot parse into its range, with a note saying so', () => {
    // 9223372036854 ms = floor((2^63−1) ns / 1e6): the longest both Prometheus versions parse
    expect(promqlDuration(9_223_372_036.854)).toEqual({ text: '9223372036854ms' });
    expect(promqlDuration(9_223_372_036.855)).toEqual({
      text: '9223372036854ms',
      note: "A range of 9223372036.855 s is longer than PromQL's longest (9223372036854 ms, ~292 years): 9223372036854ms is used.",
    });
    expect(promqlDuration(1e300).text).toBe('9223372036854ms');
    expect(promqlDuration(Infinity).text).toBe('9223372036854ms');
    expect(promqlDuration(0.0001)).toEqual({
      text: '1ms',
      note: "A range of 0.0001 s is shorter than PromQL's 1 ms resolution: 1ms is used.",
    });
  });

  it('rejects what is no range at all', () => {
    expect(() => promqlDuration(0)).toThrow(new RangeError('A PromQL range needs a positive duration, got 0 s'));
    expect(() => promqlDuration(-5)).toThrow(RangeError);
    expect(() => promqlDuration(NaN)).toThrow(RangeError);
  });
});
