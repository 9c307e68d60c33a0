import { createDataFrame, FieldType } from '@grafana/data';
import { groupPartsOf, overlayByGroup } from './overlay';
import { groupHref, groupQuery, LinkContext } from './links';

const series = (labels: Record<string, string>, values: Array<number | null>) =>
  createDataFrame({
    fields: [
      { name: 'Time', type: FieldType.time, values: values.map((_, i) => i * 1000) },
      { name: 'Value', type: FieldType.number, values, labels },
    ],
  });

describe('overlayByGroup', () => {
  it('keys time series by operation (service + span_name), last finite sample, seconds → ns', () => {
    const frames = [
      series({ service: 'api', span_name: 'GET /x' }, [0.5, 0.25, null]),
      series({ service: 'api' }, [1]),
    ];
    expect(overlayByGroup(frames, { kind: 'operation' }, 's')).toEqual(new Map([['["api","GET /x"]', 0.25e9]]));
  });

  it('reads table-format rows, OTel label names, span kinds and attribute keys with dots', () => {
    const table = createDataFrame({
      fields: [
        { name: 'service_name', type: FieldType.string, values: ['a', 'b'] },
        { name: 'span_kind', type: FieldType.string, values: ['SPAN_KIND_SERVER', 'SPAN_KIND_CLIENT'] },
        { name: 'http_route', type: FieldType.string, values: ['/x', '/y'] },
        { name: 'Value #A', type: FieldType.number, values: [12, 7] },
      ],
    });
    expect(overlayByGroup([table], { kind: 'service' }, 'ms')).toEqual(
      new Map([
        ['["a"]', 12e6],
        ['["b"]', 7e6],
      ])
    );
    expect([...overlayByGroup([table], { kind: 'spanKind' }, 'ms').keys()]).toEqual(['["server"]', '["client"]']);
    expect([...overlayByGroup([table], { kind: 'attribute', key: 'http.route' }, 'ms').keys()]).toEqual([
      '["/x"]',
      '["/y"]',
    ]);
  });
});

describe('groupPartsOf', () => {
  it('reads Prometheus 3’s UTF-8 label names (service.name, span.name, span.kind) like the escaped ones', () => {
    const labels = { 'service.name': 'api', 'span.name': 'GET /x', 'span.kind': 'SPAN_KIND_CLIENT' };
    expect(groupPartsOf(labels, { kind: 'service' })).toEqual(['api']);
    expect(groupPartsOf(labels, { kind: 'operation' })).toEqual(['api', 'GET /x']);
    expect(groupPartsOf(labels, { kind: 'spanKind' })).toEqual(['client']);
    // an attribute with a dot: its own name first (UTF-8), else the escaped one
    expect(groupPartsOf({ 'http.route': '/a', http_route: '/b' }, { kind: 'attribute', key: 'http.route' })).toEqual([
      '/a',
    ]);
    expect(groupPartsOf({ 'span.name': 'GET' }, { kind: 'operation' })).toBeUndefined();
  });

  it('reads a model from the request model’s label, else the response model’s', () => {
    const model = { kind: 'model' } as const;
    expect(groupPartsOf({ gen_ai_request_model: 'gpt-4o', gen_ai_response_model: 'gpt-4o-mini' }, model)).toEqual([
      'gpt-4o',
    ]);
    expect(groupPartsOf({ 'gen_ai.response.model': 'claude-3' }, model)).toEqual(['claude-3']);
    expect(groupPartsOf({ service_name: 'llm' }, model)).toBeUndefined();
  });
});

describe('group links', () => {
  it('escape values into TraceQL through the data layer builders', () => {
    expect(groupQuery({ kind: 'operation' }, ['api "v2"', 'GET \\x'])).toBe(
      '{ resource.service.name = "api \\"v2\\"" && name = "GET \\\\x" }'
    );
    expect(groupQuery({ kind: 'attribute', key: 'http route' }, ['/a'])).toBe('{ ."http route" = "/a" }');
    expect(groupQuery({ kind: 'spanKind' }, ['server'])).toBe('{ kind = server }');
    expect(groupQuery({ kind: 'model' }, ['gpt-4o'])).toBe(
      '{ span.gen_ai.request.model = "gpt-4o" || span.gen_ai.response.model = "gpt-4o" }'
    );
    expect(groupQuery({ kind: 'model' }, [null])).toBeUndefined();
  });

  it('have none for "(none)" and carry datasource and range otherwise', () => {
    const ctx: LinkContext = { source: { uid: 'tempo', type: 'tempo' }, fromMs: 1000, toMs: 2000 };
    expect(groupHref({ kind: 'attribute', key: 'db.system' }, [null], ctx)).toBeUndefined();
    expect(groupHref({ kind: 'spanKind' }, ['server'], ctx)).toBe(
      '/a/tracelens-analysis-app/search?q=%7B+kind+%3D+server+%7D&ds=tempo&from=1000&to=2000'
    );
  });

  it('on Jaeger fill the search form (service, operation, tag) and run it; span kinds have none', () => {
    const ctx: LinkContext = { source: { uid: 'jaeger', type: 'jaeger' }, fromMs: 1000, toMs: 2000 };
    const search = (href: string | undefined) => [...new URL(href!, 'http://grafana').searchParams];
    expect(search(groupHref({ kind: 'operation' }, ['api-gateway', 'GET /users/{id}'], ctx))).toEqual([
      ['svc', 'api-gateway'],
      ['op', 'GET /users/{id}'],
      ['run', '1'],
      ['ds', 'jaeger'],
      ['from', '1000'],
      ['to', '2000'],
    ]);
    expect(search(groupHref({ kind: 'attribute', key: 'db.system' }, ['postgresql'], ctx))).toEqual([
      ['attr', 'span.db.system=postgresql'],
      ['run', '1'],
      ['ds', 'jaeger'],
      ['from', '1000'],
      ['to', '2000'],
    ]);
    expect(groupHref({ kind: 'spanKind' }, ['server'], ctx)).toBeUndefined();
    // Jaeger's tags are one key each: a model's link finds the spans requesting it
    expect(search(groupHref({ kind: 'model' }, ['gpt-4o'], ctx))[0]).toEqual([
      'attr',
      'span.gen_ai.request.model=gpt-4o',
    ]);
  });
});
