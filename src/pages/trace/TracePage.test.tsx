import { screen } from '@testing-library/react';
import { user } from '../../../tests/support/user';
import { PLUGIN_BASE_URL } from '../../constants';
import { installRecordedBackend } from '../../../tests/support/recordedBackend';
import { loadPages, renderApp } from '../../../tests/support/renderApp';
import { TinySpan, tinyOtlp } from '../../../tests/synthetic/tiny';

// a loaded 2-core machine: lazy pages, the pasted trace parsed and analysed
const SLOW = { timeout: 10_000 };
const MS = 1000; // tiny traces are in µs

beforeAll(loadPages);

/** Opens `spans`, pasted as a trace file, on the trace page. */
async function openPasted(spans: TinySpan[]) {
  installRecordedBackend({});
  renderApp(`${PLUGIN_BASE_URL}/file`);
  await user.click(await screen.findByLabelText('Trace file text', {}, SLOW));
  await user.paste(tinyOtlp(spans));
  await user.click(screen.getByRole('button', { name: 'Open pasted trace' }));
  await screen.findByTestId('summary-spans', {}, SLOW);
}

/** r [0,100] ms; its message waits in a queue until cons runs [150,200]. */
const openQueueTrace = () =>
  openPasted([
    { id: 'r', service: 'web', kind: 'server', start: 0, end: 100 * MS },
    { id: 'prod', service: 'web', kind: 'producer', parent: 'r', start: 10 * MS, end: 20 * MS },
    { id: 'cons', service: 'worker', kind: 'consumer', parent: 'prod', start: 150 * MS, end: 200 * MS },
  ]);

const summary = () => [
  screen.getByTestId('summary-critical-path').textContent,
  screen.getByTestId('summary-unattributed-gaps').textContent,
];
const consCritical = () => screen.getByRole('option', { name: 'worker cons' }).getAttribute('data-critical');

describe('the trace page’s critical-path modes', () => {
  it('follows async work by default and switches to the synchronous path, in the URL, the summary and the waterfall', async () => {
    await openQueueTrace();
    // async: r (0,10] prod (10,20] r (20,100] cons (150,200]; the queue (100,150] is a gap
    expect(summary()).toEqual(['150 ms in 4 sections', '50 ms']);
    expect(consCritical()).toBe('true');
    expect(screen.getByTestId('location-search').textContent).not.toContain('path=');

    await user.click(screen.getByRole('radio', { name: 'Synchronous blocking only' }));
    // sync: the path ends with r at 100; the queue and cons are one gap (100,200]
    expect(screen.getByTestId('location-search').textContent).toContain('path=sync');
    expect(summary()).toEqual(['100 ms in 3 sections', '100 ms']);
    expect(consCritical()).toBeNull();

    // a span named by a gap selects it
    await user.click(screen.getByRole('button', { name: 'web: r' }));
    expect(screen.getByTestId('location-search').textContent).toContain('span=0000000000000072');
  });
});

describe('the trace page’s LLM and agents section', () => {
  it('shows for a trace with a GenAI span: its model and queue time', async () => {
    // one chat call of m1 [20,80] ms under the frontend's request [0,100] ms: queue 20 ms
    await openPasted([
      { id: 'fe', service: 'fe', kind: 'server', start: 0, end: 100 * MS },
      {
        id: 'chat',
        service: 'fe',
        parent: 'fe',
        start: 20 * MS,
        end: 80 * MS,
        attrs: { 'gen_ai.operation.name': 'chat', 'gen_ai.request.model': 'm1' },
      },
    ]);
    const section = await screen.findByRole('region', { name: 'LLM and agents' }, SLOW);
    expect(section.textContent).toContain('m1');
    expect(section.textContent).toContain('20 ms');
  });

  it('is absent for a trace without GenAI, agent or busy/idle spans', async () => {
    await openQueueTrace();
    expect(screen.queryByRole('region', { name: 'LLM and agents' })).toBeNull();
  });
});
