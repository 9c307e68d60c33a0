import { fireEvent, screen, within } from '@testing-library/react';
import { user } from '../../../tests/support/user';
import { PLUGIN_BASE_URL } from '../../constants';
import { readTraceFile } from '../../engine';
import { installRecordedBackend } from '../../../tests/support/recordedBackend';
import { renderApp } from '../../../tests/support/renderApp';
import { tableCells, tableRows } from '../../../tests/support/tables';
import { tinyOtlp } from '../../../tests/synthetic/tiny';
import { inZhHans } from '../../../tests/support/i18n';

// a loaded 2-core machine: lazy pages, traces read and analysed
const SLOW = { timeout: 10_000 };

/** web GET /cart (0–10 ms) calls db SELECT (2–6 ms) and cache GET (7–8 ms). */
const OTLP = tinyOtlp([
  { id: 'root', service: 'web', name: 'GET /cart', kind: 'server', start: 0, end: 10_000 },
  { id: 'db', parent: 'root', service: 'db', name: 'SELECT', kind: 'client', start: 2_000, end: 6_000 },
  { id: 'cache', parent: 'root', service: 'cache', name: 'GET', start: 7_000, end: 8_000 },
]);
const OTLP_TRACE_ID = '0123456789abcdef0123456789abcdef';

const T0 = 1700000000000000; // µs: 2023-11-14 22:13:20 UTC
const A = 'aaaaaaaaaaaaaaaa0000000000000001';
const B = 'bbbbbbbbbbbbbbbb0000000000000002';
const jaegerSpan = (
  traceID: string,
  spanID: string,
  operationName: string,
  startTime: number,
  duration: number,
  processID: string,
  parent?: string,
  tags: object[] = []
) => ({
  traceID,
  spanID,
  operationName,
  references: parent ? [{ refType: 'CHILD_OF', traceID, spanID: parent }] : [],
  startTime,
  duration,
  tags,
  logs: [],
  processID,
  warnings: null,
});
/** Jaeger's API/UI download of two traces: A (frontend GET /a → db SELECT), B (backend POST /b, an error). */
const JAEGER_TWO = JSON.stringify({
  data: [
    {
      traceID: A,
      spans: [
        jaegerSpan(A, '000000000000000a', 'GET /a', T0, 5_000, 'p1'),
        jaegerSpan(A, '000000000000000b', 'SELECT', T0 + 1_000, 2_000, 'p2', '000000000000000a'),
      ],
      processes: { p1: { serviceName: 'frontend', tags: [] }, p2: { serviceName: 'db', tags: [] } },
      warnings: null,
    },
    {
      traceID: B,
      spans: [
        jaegerSpan(B, '000000000000000c', 'POST /b', T0 + 2_000_000, 3_000, 'p1', undefined, [
          { key: 'error', type: 'bool', value: true },
        ]),
      ],
      processes: { p1: { serviceName: 'backend', tags: [] } },
      warnings: null,
    },
  ],
  total: 0,
  limit: 0,
  offset: 0,
  errors: null,
});

/** The page with every datasource request failing (502): a file needs none. */
function renderOpenFile(path = `${PLUGIN_BASE_URL}/file`) {
  installRecordedBackend({});
  return renderApp(path);
}

async function paste(text: string) {
  await user.click(await screen.findByLabelText('Trace file text', {}, SLOW));
  await user.paste(text);
  await user.click(screen.getByRole('button', { name: 'Open pasted trace' }));
}

const upload = async (name: string, text: string, label = /^Upload a trace file/) =>
  user.upload(await screen.findByLabelText(label, {}, SLOW), new File([text], name, { type: 'application/json' }));

function engineMessage(text: string): string {
  try {
    readTraceFile(text);
  } catch (e) {
    return (e as Error).message;
  }
  throw new Error('the engine read the garbage');
}

describe('Open a trace file', () => {
  it('is linked from the search page', async () => {
    renderOpenFile(`${PLUGIN_BASE_URL}/search`);
    expect(await screen.findByRole('link', { name: 'Open a trace file' }, SLOW)).toHaveAttribute(
      'href',
      `${PLUGIN_BASE_URL}/file`
    );
  });

  it('opens pasted OTLP JSON on the trace page, like a fetched trace, with its provenance', async () => {
    renderOpenFile();
    await paste(OTLP);
    expect(await screen.findByRole('heading', { name: `Trace ${OTLP_TRACE_ID}` }, SLOW)).toBeInTheDocument();
    expect(screen.getByTestId('path')).toHaveTextContent(`${PLUGIN_BASE_URL}/trace/${OTLP_TRACE_ID}`);
    expect(screen.getByTestId('location-search')).toHaveTextContent('?ds=file&file=1');
    expect(screen.getByTestId('trace-provenance')).toHaveTextContent('From file pasted text, OTLP JSON.');
    expect(await screen.findByTestId('summary-duration', {}, SLOW)).toHaveTextContent('10 ms');
    expect(screen.getByTestId('summary-spans')).toHaveTextContent('3');
    expect(screen.getByTestId('summary-services')).toHaveTextContent('3');
    expect(await screen.findAllByTestId('waterfall-row')).toHaveLength(3);
    // the root's self time: 10 − (6 − 2) − (8 − 7) = 5 ms
    await user.click(screen.getByRole('option', { name: 'web GET /cart' }));
    const details = screen.getByTestId('span-details');
    expect(within(details).getByText('self time').nextSibling).toHaveTextContent('5 ms');
    // what needs a datasource is off, with the reason
    expect(within(details).getByText('No percentile')).toBeInTheDocument();
    expect(screen.queryByRole('link', { name: 'Open in Explore' })).not.toBeInTheDocument();
    expect(screen.queryByRole('link', { name: 'Operation latency in Explore' })).not.toBeInTheDocument();
    expect(screen.queryByText(/Percentiles unavailable/)).not.toBeInTheDocument();
    expect(screen.getByTestId('trace-provenance')).toHaveTextContent(/need a datasource/);
  });

  it('opens a picker for an uploaded Jaeger file of two traces, and the picked trace alone', async () => {
    renderOpenFile();
    await upload('two-traces.json', JAEGER_TWO);
    expect(await screen.findByRole('heading', { name: 'Traces in two-traces.json' }, SLOW)).toBeInTheDocument();
    expect(screen.getByTestId('location-search')).toHaveTextContent('?file=1');
    const rows = tableRows('Traces in the file');
    expect(rows).toHaveLength(2);
    // A: 0–5 ms, 2 spans; B: starts 2 s after A (T0 + 2,000,000 µs), 3 ms, 1 span, error=true
    expect(rows[0]).toHaveTextContent(`frontend GET /a2023-11-14 22:13:20.0005 ms20${A}`);
    expect(rows[1]).toHaveTextContent(`backend POST /b2023-11-14 22:13:22.0003 ms11${B}`);
    // the headers sort: by duration largest first (A 5 ms, B 3 ms), again smallest first
    fireEvent.click(screen.getByRole('button', { name: 'Sort column Duration' }));
    fireEvent.click(screen.getByRole('button', { name: 'Sort column Duration' }));
    expect(tableCells('Traces in the file').map((cells) => cells[5])).toEqual([B, A]);
    await user.click(screen.getByRole('link', { name: 'backend POST /b' }));
    expect(await screen.findByRole('heading', { name: `Trace ${B}` }, SLOW)).toBeInTheDocument();
    expect(screen.getByTestId('location-search')).toHaveTextContent('?ds=file&file=1');
    expect(screen.getByTestId('trace-provenance')).toHaveTextContent('From file two-traces.json, Jaeger JSON.');
    expect(await screen.findByTestId('summary-spans', {}, SLOW)).toHaveTextContent('1');
    expect(screen.getByTestId('summary-errors')).toHaveTextContent('1');
    expect(screen.getByTestId('summary-duration')).toHaveTextContent('3 ms');
  });

  it('opens a Zipkin v2 file with a shared client/server span as two spans, the server under the client', async () => {
    const id = '00000000000000aa';
    const zipkin = JSON.stringify([
      // Zipkin's µs: the client call 0–10 ms, the server half of the same id 1–9 ms
      {
        traceId: A,
        id,
        name: 'get /x',
        kind: 'CLIENT',
        timestamp: T0,
        duration: 10_000,
        localEndpoint: { serviceName: 'web' },
      },
      {
        traceId: A,
        id,
        name: 'get /x',
        kind: 'SERVER',
        shared: true,
        timestamp: T0 + 1_000,
        duration: 8_000,
        localEndpoint: { serviceName: 'api' },
      },
    ]);
    renderOpenFile();
    await upload('zipkin.json', zipkin);
    expect(await screen.findByRole('heading', { name: `Trace ${A}` }, SLOW)).toBeInTheDocument();
    expect(screen.getByTestId('trace-provenance')).toHaveTextContent('From file zipkin.json, Zipkin v2.');
    expect(await screen.findByTestId('summary-spans', {}, SLOW)).toHaveTextContent('2');
    expect(screen.getByTestId('summary-services')).toHaveTextContent('2');
    expect(screen.getByTestId('summary-duration')).toHaveTextContent('10 ms');
    // the client's self time: 10 − 8 ms of the server nested under it
    await user.click(await screen.findByRole('option', { name: 'web get /x' }));
    expect(within(screen.getByTestId('span-details')).getByText('self time').nextSibling).toHaveTextContent('2 ms');
  });

  it("shows the engine's message for a file it cannot read, and keeps working", async () => {
    const garbage = 'hello, world';
    renderOpenFile();
    await upload('notes.txt', garbage);
    const alert = await screen.findByRole('alert', {}, SLOW);
    expect(alert).toHaveTextContent('Could not open notes.txt');
    expect(alert).toHaveTextContent(engineMessage(garbage));
    // the message names the formats TraceLens reads
    expect(alert).toHaveTextContent(/Zipkin/);
    expect(screen.getByTestId('path')).toHaveTextContent(`${PLUGIN_BASE_URL}/file`);
    await paste(OTLP);
    expect(await screen.findByRole('heading', { name: `Trace ${OTLP_TRACE_ID}` }, SLOW)).toBeInTheDocument();
  });

  it('shows the bytes read of a large file, and Cancel stops the reading and frees the form', async () => {
    // jsdom reads at once: this reader reports 1.5 MB read, then waits until aborted
    const read = jest.spyOn(FileReader.prototype, 'readAsText').mockImplementation(function (this: FileReader) {
      this.onprogress?.call(this, new ProgressEvent('progress', { loaded: 1_500_000 }) as ProgressEvent<FileReader>);
      this.abort = () => this.onabort?.call(this, new ProgressEvent('abort') as ProgressEvent<FileReader>);
    });
    renderOpenFile();
    await upload('big.json', 'x'.repeat(4_000_000));
    const bar = await screen.findByRole('progressbar', { name: 'Reading big.json' }, SLOW);
    expect(bar).toHaveAttribute('aria-valuetext', 'Reading big.json: 1.50 MB of 4 MB');
    expect(screen.getByRole('button', { name: 'Open pasted trace' })).toBeDisabled();
    await user.click(screen.getByRole('button', { name: 'Cancel' }));
    expect(await screen.findByText('Reading big.json was cancelled.')).toBeInTheDocument();
    expect(screen.queryByRole('progressbar')).not.toBeInTheDocument();
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
    read.mockRestore();
    await user.click(screen.getByLabelText('Trace file text'));
    await user.paste('{}');
    expect(screen.getByRole('button', { name: 'Open pasted trace' })).toBeEnabled();
  });

  it.each([
    ['a file trace', `${PLUGIN_BASE_URL}/trace/${OTLP_TRACE_ID}?ds=file&file=1`],
    ['a file picker', `${PLUGIN_BASE_URL}/file?file=1`],
  ])('says plainly that %s is gone after a reload, with a way back', async (_, path) => {
    renderOpenFile(path);
    expect(await screen.findByText('The trace file is no longer open', {}, SLOW)).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Open a trace file' })).toHaveAttribute('href', `${PLUGIN_BASE_URL}/file`);
    expect(screen.queryByLabelText('Traces')).not.toBeInTheDocument();
  });
});

describe('Open a trace file in Simplified Chinese', () => {
  inZhHans();

  it('says in Chinese which file could not be opened, and how many traces a file holds', async () => {
    renderOpenFile();
    expect(await screen.findByRole('heading', { name: '打开追踪文件' }, SLOW)).toBeInTheDocument();
    await upload('empty.json', '{"resourceSpans":[]}', /^上传追踪文件/);
    const alert = await screen.findByRole('alert', {}, SLOW);
    expect(alert).toHaveTextContent('无法打开 empty.json');
    // the reader's error and its note on what it found, in Chinese
    expect(alert).toHaveTextContent('文件中没有追踪：文档中没有跨度：找到 0 个资源条目和 0 个作用域列表');
    await upload('two-traces.json', JAEGER_TWO, /^上传追踪文件/);
    expect(await screen.findByRole('heading', { name: 'two-traces.json 中的追踪' }, SLOW)).toBeInTheDocument();
    expect(screen.getByText('two-traces.json（Jaeger JSON）包含 2 个追踪。选择其中一个进行分析。')).toBeInTheDocument();
    expect(tableRows('文件中的追踪')).toHaveLength(2);
  });
});
