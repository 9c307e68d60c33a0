import { screen, within } from '@testing-library/react';
import type { BackendSrvRequest } from '@grafana/runtime';
import { user } from '../../../tests/support/user';
import { PLUGIN_BASE_URL } from '../../constants';
import { fetchResponse, installFakeBackend } from '../../../tests/support/backendSrv';
import { upstreamDown } from '../../../tests/support/recordedBackend';
import { loadPages, renderApp } from '../../../tests/support/renderApp';
import { tinyId, tinyOtlp, TinySpan } from '../../../tests/synthetic/tiny';

// a loaded 2-core machine: lazy pages, a 20,006-span trace parsed and analysed
const SLOW = { timeout: 30_000 };
const TRACE_ID = '0123456789abcdef0123456789abcdef';

/**
 * 20,006 spans (µs): web R [0,100000] calls api M [1000,99000] (R, M: the critical path); beside
 * M run batch g1..g4 (g_k at 2000 + 100k, 10 µs long), each with 5,000 zero-length children
 * g_kc0..g_kc4999; g3c17 carries order.id=needle-42. The threshold is 0.5% of 100 ms = 500 µs:
 * each g_k's subtree (5,001 spans, 10 µs of self time, off the path) folds into one row.
 * Self times: M 98 ms, R 2 ms (0–1000, 99000–100000), each g_k 10 µs, the children 0.
 */
function hugeTrace(): string {
  const spans: TinySpan[] = [
    { id: 'R', service: 'web', start: 0, end: 100_000 },
    { id: 'M', service: 'api', parent: 'R', start: 1000, end: 99_000 },
  ];
  for (let k = 1; k <= 4; k++) {
    const start = 2000 + 100 * k;
    spans.push({ id: `g${k}`, service: 'batch', parent: 'R', start, end: start + 10 });
    for (let j = 0; j < 5000; j++) {
      const attrs = k === 3 && j === 17 ? { 'order.id': 'needle-42' } : undefined;
      spans.push({ id: `g${k}c${j}`, service: 'batch', parent: `g${k}`, start, end: start, attrs });
    }
  }
  return tinyOtlp(spans);
}

beforeAll(loadPages);

function renderHugeTrace(query = '') {
  const body = hugeTrace();
  installFakeBackend((request: BackendSrvRequest) =>
    request.url.includes(`/traces/${TRACE_ID}`)
      ? fetchResponse(request, request.responseType === 'text' ? body : JSON.parse(body))
      : upstreamDown(request)
  );
  renderApp(`${PLUGIN_BASE_URL}/trace/${TRACE_ID}?ds=tempo${query}`);
}

async function openHugeTrace(query = '') {
  renderHugeTrace(query);
  await screen.findByTestId('summary-spans', {}, SLOW);
  // the waterfall renders a frame after the summary above it
  await screen.findByTestId('waterfall');
}

const waterfall = () => screen.getByTestId('waterfall');
const rowNames = () =>
  within(waterfall())
    .getAllByTestId('waterfall-row')
    .map((r) => r.getAttribute('aria-label'));
const search = () => screen.getByTestId('location-search').textContent ?? '';

describe('the summary of a huge trace', () => {
  it('shows the summary above the waterfall first, and the waterfall in a task after it', async () => {
    renderHugeTrace();
    await screen.findByTestId('summary-spans', {}, SLOW);
    expect(screen.getAllByTestId('hotspot')).toHaveLength(6);
    expect(screen.queryByTestId('waterfall')).toBeNull();
    expect(await screen.findByTestId('waterfall')).toHaveAccessibleName(/^Waterfall: 6 rows/);
  });

  it('opens on the summary: hotspots and a pruned waterfall whose folded rows expand and fold back', async () => {
    await openHugeTrace();
    expect(screen.getByTestId('summary-spans')).toHaveTextContent('20006');
    expect(screen.getByTestId('summary-notice')).toHaveTextContent('This trace has 20,006 spans');
    expect(screen.getAllByTestId('hotspot').map((h) => h.textContent)).toEqual([
      'api: M 98 ms 98.0% of the trace',
      'web: R 2 ms 2.0% of the trace',
      'batch: g1 10 µs under 0.1% of the trace',
      'batch: g2 10 µs under 0.1% of the trace',
      'batch: g3 10 µs under 0.1% of the trace',
      'batch: g4 10 µs under 0.1% of the trace',
    ]);
    const folded = (k: number) => `batch g${k}: 5,001 spans, 10 µs self time`;
    expect(rowNames()).toEqual(['web R', 'api M', folded(1), folded(2), folded(3), folded(4)]);
    expect(waterfall()).toHaveAccessibleName(/^Waterfall: 6 rows/);

    // a click expands g2: its 5,000 children are spans (leaves); the rows after them wait below
    await user.click(screen.getByRole('option', { name: folded(2) }));
    expect(waterfall()).toHaveAccessibleName(/^Waterfall: 5006 rows/);
    expect(rowNames().slice(0, 6)).toEqual(['web R', 'api M', folded(1), 'batch g2', 'batch g2c0', 'batch g2c1']);
    expect(search()).toContain(`span=${tinyId('g2')}`);

    // the keyboard: ← folds g2 back, Enter expands it again
    await user.keyboard('{ArrowLeft}');
    expect(waterfall()).toHaveAccessibleName(/^Waterfall: 6 rows/);
    await user.keyboard('{Enter}');
    expect(waterfall()).toHaveAccessibleName(/^Waterfall: 5006 rows/);
  }, 60_000);

  it('finds a span inside a folded subtree, opens it and selects it; Enter and Shift+Enter step through matches', async () => {
    await openHugeTrace();
    const box = screen.getByRole('textbox', { name: 'Find in trace' });
    await user.type(box, 'NEEDLE{Enter}');
    expect(screen.getByTestId('trace-search-status')).toHaveTextContent('1 of 1');
    expect(search()).toContain(`span=${tinyId('g3c17')}`);
    expect(waterfall()).toHaveAccessibleName(/^Waterfall: 5006 rows/);
    expect(screen.getByRole('option', { name: 'batch g3c17' })).toHaveAttribute('aria-selected', 'true');

    await user.clear(box);
    await user.type(box, 'batch{Enter}');
    // g1..g4 and their 20,000 children, in tree order: g1 first
    expect(screen.getByTestId('trace-search-status')).toHaveTextContent('1 of 20004');
    expect(search()).toContain(`span=${tinyId('g1')}`);
    await user.keyboard('{Enter}');
    expect(screen.getByTestId('trace-search-status')).toHaveTextContent('2 of 20004');
    await user.keyboard('{Shift>}{Enter}{Enter}{/Shift}');
    expect(screen.getByTestId('trace-search-status')).toHaveTextContent('20004 of 20004');

    await user.clear(box);
    await user.type(box, 'haystack{Enter}');
    expect(screen.getByTestId('trace-search-status')).toHaveTextContent('No span matches “haystack”');
  }, 60_000);

  it('shows every span with spans=all, and goes back to the summary', async () => {
    await openHugeTrace();
    await user.click(screen.getByRole('button', { name: 'Show all spans' }));
    expect(search()).toContain('spans=all');
    expect(waterfall()).toHaveAccessibleName(/^Waterfall: 20006 spans/);
    expect(screen.queryByTestId('hotspot')).toBeNull();
    expect(screen.queryByRole('textbox', { name: 'Find in trace' })).toBeNull();
    await user.click(screen.getByRole('button', { name: 'Back to the summary' }));
    expect(waterfall()).toHaveAccessibleName(/^Waterfall: 6 rows/);
  }, 60_000);
});
