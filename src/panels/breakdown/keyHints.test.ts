import { analysedHandSpans } from '../../engine/testing/genai-spans';
import type { PanelInput } from './input';
import { offeredKeys, panelKeyHints } from './keyHints';

const trace = analysedHandSpans([
  { id: 'a', start: 0, end: 10, attrs: { app_id: 'shop', 'http.route': '/chat' } },
  { id: 'b', parent: 'a', start: 1, end: 9, attrs: { 'gen_ai.request.model': 'm1', app_id: 'shop' } },
]);
const SOURCE = { uid: 'tempo', type: 'tempo' as const };
const traces: PanelInput = { kind: 'traces', analyses: [trace], source: SOURCE, metrics: [] };
const RANGE = { fromMs: 1795255200123, toMs: 1795258800456 };

describe('panelKeyHints', () => {
  it('gives the datasource, the range in whole seconds around it, and the traces’ keys while grouping by attribute', () => {
    // the generator's spans carry service.name and deployment.environment on their resource
    expect(panelKeyHints(traces, [trace], true, RANGE)).toEqual({
      source: SOURCE,
      range: { start: 1795255200, end: 1795258801 },
      traceKeys: ['app_id', 'deployment.environment', 'gen_ai.request.model', 'http.route', 'service.name'],
    });
  });

  it('reads no keys for other groupings, and knows no datasource for a message or a Zipkin frame', () => {
    expect(panelKeyHints(traces, [trace], false, RANGE).traceKeys).toEqual([]);
    const zipkin: PanelInput = { ...traces, source: { uid: 'zipkin', type: 'zipkin' } };
    expect(panelKeyHints(zipkin, [trace], true, RANGE).source).toBeUndefined();
    const message: PanelInput = { kind: 'message', message: { tone: 'info', title: 'No data', detail: '' } };
    expect(panelKeyHints(message, undefined, true, RANGE)).toMatchObject({ source: undefined, traceKeys: [] });
  });
});

describe('offeredKeys', () => {
  it('offers listed names and trace keys once each, GenAI and agent keys first', () => {
    expect(offeredKeys(['http.route', 'service.name', 'sid'], ['app_id', 'http.route'])).toEqual({
      keys: ['app_id', 'sid', 'http.route', 'service.name'],
      suggested: false,
    });
  });

  it('suggests the GenAI and agent keys when nothing is listed or loaded', () => {
    const { keys, suggested } = offeredKeys([], []);
    expect([suggested, keys.slice(0, 4)]).toEqual([
      true,
      ['gen_ai.request.model', 'gen_ai.operation.name', 'gen_ai.agent.name', 'gen_ai.tool.name'],
    ]);
  });
});
