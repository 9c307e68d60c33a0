/*
 * The compare page over agent-workflow traces (generator, fixed seed, served by a stand-in
 * source): "Agent runs: slow vs baseline" appears once the traces are in, its rows in share order
 * with the generator's truth in each cell, and it stays through a change of critical-path mode.
 */
import { screen, waitFor } from '@testing-library/react';
import { PLUGIN_BASE_URL } from '../../constants';
import { formatDuration } from '../../components/breakdown';
import type { TraceSource } from '../../sources/types';
import { generateAgentBatch } from '../../../tests/generator/agent-batch';
import { PATH_PARTS, pathPartStats } from '../../../tests/generator/agent-truth';
import { toOtlpJson } from '../../../tests/generator/otlp';
import { stubIntersectionObserver } from '../../../tests/support/intersectionObserver';
import { installRecordedBackend } from '../../../tests/support/recordedBackend';
import { renderApp } from '../../../tests/support/renderApp';
import { tableCells } from '../../../tests/support/tables';
import { user } from '../../../tests/support/user';
import { setTestSource } from '../../app/testing/sourceOverride';
import { splitSlowest } from './compareModel';

jest.mock('../../sources', () => jest.requireActual('../../app/testing/sourceOverride').sourcesWithOverride());
jest.mock('@grafana/flamegraph', () => ({ FlameGraph: () => null }));

const SLOW = { timeout: 10_000 };
const TABLE = 'Agent runs’ critical path per step, slow vs baseline';
stubIntersectionObserver();

// 12 runs (seed 21), each its own trace, all offered as root agent-app "invoke_agent"
const batch = generateAgentBatch({ seed: 21, count: 12, nowUs: Date.now() * 1000 });

/** The real Jaeger source with its searches and fetches answered from the batch. */
function agentSource(): TraceSource {
  installRecordedBackend({ jaeger: ['jaeger-api-search-service', 'jaeger-api-trace-v3'] });
  const real: TraceSource = jest.requireActual('../../sources').createTraceSource({ uid: 'jaeger', type: 'jaeger' });
  return {
    ...real,
    search: async () =>
      batch.truth.map((t) => ({
        traceId: t.traceId,
        rootService: 'agent-app',
        rootName: 'invoke_agent',
        startMs: Date.now() - 60_000,
        durationMs: t.durationUs / 1000,
        serviceStats: {},
      })),
    traceById: async (id) => ({
      format: 'otlp',
      raw: JSON.stringify(toOtlpJson(batch.traces.filter((t) => t.traceId === id))),
    }),
    traceStream: undefined,
  };
}

describe('Compare page over agent runs', () => {
  it('shows the runs’ critical path per step, slow vs baseline, as the generator’s truth says', async () => {
    setTestSource(agentSource());
    renderApp(`${PLUGIN_BASE_URL}/compare?ds=jaeger&svc=agent-app&op=invoke_agent&pct=25`);
    expect(await screen.findByRole('heading', { name: 'Agent runs: slow vs baseline' }, SLOW)).toBeInTheDocument();
    // the slowest quarter: 3 runs of 12
    const split = splitSlowest(
      batch.truth.map((t) => ({ traceId: t.traceId, durationMs: t.durationUs / 1000 })),
      0.25
    );
    await waitFor(() => expect(screen.getByText(/Runs: 3 slow, 9 baseline\./)).toBeInTheDocument(), SLOW);
    const runsOf = (ids: string[]) => batch.truth.filter((t) => ids.includes(t.traceId));
    const cells = tableCells(TABLE);
    const model = pathPartStats(runsOf(split.slow), PATH_PARTS.model);
    const baseModel = pathPartStats(runsOf(split.baseline), PATH_PARTS.model);
    const sign = model.mean >= baseModel.mean ? '+' : '−';
    expect(cells.find((row) => row[0] === 'Model calls')![1]).toBe(
      `${formatDuration(model.mean)} vs ${formatDuration(baseModel.mean)} (${sign}${formatDuration(Math.abs(model.mean - baseModel.mean))})`
    );
    // rows in share order: the shares' texts read largest first
    const shares = cells.map((row) => parseFloat(row[4]));
    expect(shares).toEqual([...shares].sort((a, b) => b - a));

    await user.click(screen.getByRole('radio', { name: 'Synchronous blocking only' }));
    await waitFor(() => expect(screen.getByTestId('location-search')).toHaveTextContent('path=sync'));
    // these runs are their traces' roots and wait for every step: both paths are the same
    expect(await screen.findByText(/Runs: 3 slow, 9 baseline\./, {}, SLOW)).toBeInTheDocument();
    expect(tableCells(TABLE)).toEqual(cells);
  });
});
