import { screen } from '@testing-library/react';
import { user } from '../../../tests/support/user';
import { PLUGIN_BASE_URL } from '../../constants';
import { parseOtlpTrace } from '../../engine';
import { installRecordedBackend } from '../../../tests/support/recordedBackend';
import { renderApp } from '../../../tests/support/renderApp';
import { tinyOtlp } from '../../../tests/synthetic/tiny';

// a loaded 2-core machine: lazy pages, recorded traces parsed and analysed
const SLOW = { timeout: 10_000 };

const blobText = (blob: Blob) =>
  new Promise<string>((resolve) => {
    const reader = new FileReader();
    reader.onload = () => resolve(reader.result as string);
    reader.readAsText(blob);
  });

/** Clicks "Download as OTLP JSON" and returns what was saved: the file name and the Blob's text. */
async function download(): Promise<{ name: string; text: string }> {
  const blobs: Blob[] = [];
  URL.createObjectURL = jest.fn((blob: Blob) => {
    blobs.push(blob);
    return `blob:download-${blobs.length}`;
  });
  URL.revokeObjectURL = jest.fn();
  const names: string[] = [];
  const click = jest.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
    names.push(this.download);
  });
  await user.click(await screen.findByRole('button', { name: 'Download as OTLP JSON' }, SLOW));
  click.mockRestore();
  expect(blobs).toHaveLength(1);
  expect(names).toHaveLength(1);
  return { name: names[0], text: await blobText(blobs[0]) };
}

describe('Download as OTLP JSON', () => {
  it.each([
    // the recorded traces: 10 spans each
    ['Tempo', 'tempo', '8d3115b67acbe152b049ac86d48a02e0', 10],
    ['Jaeger', 'jaeger', '862e40707a2b002c061be0fb0f2c677f', 10],
  ])('saves a %s trace as <trace id>.otlp.json that reads back to the same spans', async (_, ds, traceId, spans) => {
    installRecordedBackend({ tempo: ['tempo-trace-v2'], jaeger: ['jaeger-api-trace-v3'] });
    renderApp(`${PLUGIN_BASE_URL}/trace/${traceId}?ds=${ds}`);
    expect(await screen.findByTestId('summary-spans', {}, SLOW)).toHaveTextContent(String(spans));
    const saved = await download();
    expect(saved.name).toBe(`${traceId}.otlp.json`);
    const back = parseOtlpTrace(saved.text);
    expect(back.spanCount).toBe(spans);
    expect(back.traceId).toBe(traceId);
  });

  it('saves a trace opened from a file', async () => {
    installRecordedBackend({});
    renderApp(`${PLUGIN_BASE_URL}/file`);
    await user.click(await screen.findByLabelText('Trace file text', {}, SLOW));
    await user.paste(
      tinyOtlp([
        { id: 'root', service: 'web', start: 0, end: 3_000 },
        { id: 'kid', parent: 'root', service: 'db', start: 1_000, end: 2_000 },
      ])
    );
    await user.click(screen.getByRole('button', { name: 'Open pasted trace' }));
    expect(await screen.findByTestId('summary-spans', {}, SLOW)).toHaveTextContent('2');
    const saved = await download();
    expect(saved.name).toBe('0123456789abcdef0123456789abcdef.otlp.json');
    expect(parseOtlpTrace(saved.text).spanCount).toBe(2);
  });
});
