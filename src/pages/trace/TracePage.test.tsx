import { screen, within } from '@testing-library/react';
import { user } from '../../../tests/support/user';
import { PLUGIN_BASE_URL } from '../../constants';
import { installRecordedBackend } from '../../../tests/support/recordedBackend';
import { loadPages, renderApp } from '../../../tests/support/renderApp';
import { TinySpan, tinyOtlp } from '../../../tests/synthetic/tiny';
import { inZhHans } from '../../../tests/support/i18n';

// a loaded 2-core machine: lazy pages, the pasted trace parsed and analysed
const SLOW = { timeout: 10_000 };
const MS = 1000; // tiny traces are in µs

beforeAll(loadPages);

/** Opens `spans`, pasted as a trace file, on the trace page (the file page's labels in `language`). */
async function openPasted(spans: TinySpan[], language: 'en-US' | 'zh-Hans' = 'en-US') {
  const zh = language === 'zh-Hans';
  installRecordedBackend({});
  renderApp(`${PLUGIN_BASE_URL}/file`);
  await user.click(await screen.findByLabelText(zh ? '追踪文件文本' : 'Trace file text', {}, SLOW));
  await user.paste(tinyOtlp(spans));
  await user.click(screen.getByRole('button', { name: zh ? '打开粘贴的追踪' : 'Open pasted trace' }));
  await screen.findByTestId('summary-spans', {}, SLOW);
  // the waterfall renders a frame after the summary above it
  await screen.findByTestId('waterfall');
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

describe('the trace page in zh-Hans', () => {
  inZhHans();

  it('sums up the trace, lists its gap and its repair in Chinese, plurals and span buttons included', async () => {
    // the queue trace and `lost` [30,40] ms, whose parent is not in the trace: one orphan, shown as a root
    await openPasted(
      [
        { id: 'r', service: 'web', kind: 'server', start: 0, end: 100 * MS },
        { id: 'prod', service: 'web', kind: 'producer', parent: 'r', start: 10 * MS, end: 20 * MS },
        { id: 'cons', service: 'worker', kind: 'consumer', parent: 'prod', start: 150 * MS, end: 200 * MS },
        { id: 'lost', service: 'worker', parent: 'gone', start: 30 * MS, end: 40 * MS },
      ],
      'zh-Hans'
    );
    expect(screen.getByRole('heading', { name: '追踪 0123456789abcdef0123456789abcdef' })).toBeInTheDocument();
    expect(screen.getByText('关键路径', { selector: 'dt' })).toBeInTheDocument();
    // async path r (0,10] prod (10,20] r (20,100] cons (150,200]: 150 ms in 4 sections (the zh-Hans plural)
    expect(screen.getByTestId('summary-critical-path')).toHaveTextContent('150 ms，共 4 段');
    // the engine's repairs, worded in the UI: the orphan `lost`, and cons, which ends after its parent prod
    const repairs = screen.getByRole('alert', { name: '此追踪中有 2 处修复' });
    expect(
      within(repairs)
        .getAllByRole('listitem')
        .map((li) => li.textContent)
    ).toEqual(['1 个跨度的父跨度不在此追踪中；作为根显示', '1 个跨度在其父跨度之后结束（异步工作）；保持原样']);
    // the queue (100,150] between r and cons, the spans as buttons inside the Chinese sentence
    expect(screen.getByText(/^未归属间隙：/)).toHaveTextContent('未归属间隙：1 个间隙共 50 ms');
    const gaps = within(screen.getByRole('list', { name: '未归属间隙' })).getAllByRole('listitem');
    expect(gaps.map((li) => li.textContent)).toEqual(['50 ms，始于 100 ms，在 web: r 与 worker: cons 之间']);
    expect(within(gaps[0]).getByRole('button', { name: 'worker: cons' })).toBeInTheDocument();
    expect(screen.getAllByRole('tab').map((tab) => tab.textContent)).toEqual(['耗时分解', '火焰图', '跨服务间隙']);
    expect(screen.getByRole('button', { name: '下载为 OTLP JSON' })).toBeInTheDocument();
    expect(screen.getByText('选择一个跨度（点击，或聚焦瀑布图后使用方向键）以查看其详情。')).toBeInTheDocument();
  });
});
