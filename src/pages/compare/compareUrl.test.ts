import { MAX_TRACES_FOR_AGGREGATE } from '../../app/settings';
import { compareGroupBy, readCompareUrl } from './compareUrl';

const read = (query: string, traceql = true) => readCompareUrl(new URLSearchParams(query), traceql);

describe('readCompareUrl', () => {
  it('defaults to splitting off the slowest 5%, grouped by operation, and waits for a choice', () => {
    expect(read('')).toEqual({
      mode: 'split',
      svc: '',
      op: '',
      q: '',
      pct: 5,
      slowQ: '',
      baseQ: '',
      group: 'operation',
      groupAttr: '',
      ready: false,
      unsupported: false,
    });
  });

  it('runs a split once a root, a query or `run` is given; keeps the share within 1–50%', () => {
    expect(read('svc=frontend&pct=80')).toMatchObject({ svc: 'frontend', pct: 50, ready: true });
    expect(read('q=%7B%7D&pct=0.2')).toMatchObject({ q: '{}', pct: 1, ready: true });
    expect(read('run=1&pct=abc&group=service')).toMatchObject({ pct: 5, group: 'service', ready: true });
    expect(read('group=bogus').group).toBe('operation');
  });

  it('groups by any attribute: `group=attribute&groupAttr=<key>`, and waits for a key', () => {
    const request = read('svc=a&group=attribute&groupAttr=gen_ai.request.model');
    expect(request).toMatchObject({ group: 'attribute', groupAttr: 'gen_ai.request.model' });
    expect(compareGroupBy(request)).toEqual({ kind: 'attribute', key: 'gen_ai.request.model' });
    expect(compareGroupBy(read('svc=a&group=attribute'))).toBeNull();
    expect(compareGroupBy(read('svc=a&group=model&groupAttr=db.system'))).toEqual({ kind: 'model' });
    expect(compareGroupBy(read('svc=a&group=service&groupAttr=db.system'))).toEqual({ kind: 'service' });
  });

  it('reads a raised sample `n` as a whole number of traces, at most MAX_TRACES_FOR_AGGREGATE', () => {
    expect(read('svc=a&n=400').n).toBe(400);
    expect(read(`svc=a&n=${MAX_TRACES_FOR_AGGREGATE + 1}`).n).toBe(MAX_TRACES_FOR_AGGREGATE);
    expect([read('svc=a&n=0').n, read('svc=a&n=2.5').n, read('svc=a&n=x').n, read('svc=a').n]).toEqual([
      undefined,
      undefined,
      undefined,
      undefined,
    ]);
  });

  it('compares two queries only when both are given', () => {
    expect(read('mode=queries&slowQ=%7B%7D')).toMatchObject({ mode: 'queries', ready: false });
    expect(read('mode=queries&slowQ=%7B%7D&baseQ=%7B%7D&svc=x')).toMatchObject({ mode: 'queries', ready: true });
  });

  it('on a source without TraceQL, splits instead and says the URL asked for TraceQL', () => {
    expect(read('mode=queries&slowQ=%7B%7D&baseQ=%7B%7D', false)).toMatchObject({
      mode: 'split',
      ready: false,
      unsupported: true,
    });
    expect(read('q=%7B%7D', false)).toMatchObject({ q: '', ready: false, unsupported: true });
    expect(read('svc=frontend', false)).toMatchObject({ ready: true, unsupported: false });
  });
});
