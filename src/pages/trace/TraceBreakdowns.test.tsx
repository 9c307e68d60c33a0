import React from 'react';
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { breakdown, BreakdownRow } from '../../engine';
import { analysedHandSpans } from '../../engine/testing/genai-spans';
import { TraceBreakdowns } from './TraceBreakdowns';

// an agent run r [0,100] µs calls gpt-4o (c1 [10,35], its request model), then claude-3 (c2 [50,90],
// named only as its response model): self times c1 25, c2 40, r 100 − 25 − 40 = 35 (no model)
const run = analysedHandSpans([
  { id: 'r', service: 'agent', start: 0, end: 100, attrs: { 'gen_ai.operation.name': 'invoke_agent', app_id: 'shop' } },
  { id: 'c1', parent: 'r', service: 'agent', start: 10, end: 35, attrs: { 'gen_ai.request.model': 'gpt-4o' } },
  { id: 'c2', parent: 'r', service: 'agent', start: 50, end: 90, attrs: { 'gen_ai.response.model': 'claude-3' } },
]);

function renderTab(group: 'model' | 'attribute' | 'service', serviceBreakdown?: BreakdownRow[]) {
  const onChange = jest.fn();
  render(
    <TraceBreakdowns
      analysis={run}
      services={['agent']}
      group={group}
      attribute=""
      measure="self"
      onChange={onChange}
      serviceBreakdown={serviceBreakdown}
    />
  );
  return onChange;
}

const rows = () => screen.getAllByTestId('breakdown-row').map((r) => r.textContent);

describe('TraceBreakdowns', () => {
  it('groups the trace’s self time by model', () => {
    renderTab('model');
    expect(rows()).toEqual(['claude-340 µs 40.0%', '(none)35 µs 35.0%', 'gpt-4o25 µs 25.0%']);
  });

  it('offers Model among the groupings', () => {
    const onChange = renderTab('service');
    fireEvent.click(screen.getByRole('radio', { name: 'Model' }));
    expect(onChange).toHaveBeenCalledWith({ group: 'model' });
  });

  it("by service, shows the breakdown it is given (the analysis worker's) instead of computing one", () => {
    renderTab('service');
    expect(rows()).toEqual(['agent100 µs 100.0%']);
    cleanup();
    // the given rows, told apart by a self time of 60 µs instead of 100
    const given = breakdown(run, { kind: 'service' }).map((r) => ({ ...r, selfTotal: 60_000 }));
    renderTab('service', given);
    expect(rows()).toEqual(['agent60 µs 60.0%']);
  });

  it('groups by the first GenAI or agent key of the trace until a key is picked', () => {
    renderTab('attribute');
    // of the trace's keys, gen_ai.request.model comes first (then app_id, then the rest sorted)
    expect(screen.getByRole('combobox')).toHaveValue('gen_ai.request.model');
    expect(rows()).toEqual(['(none)75 µs 75.0%', 'gpt-4o25 µs 25.0%']);
  });
});
