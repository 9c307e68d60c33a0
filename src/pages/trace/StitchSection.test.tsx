/**
 * The trace page's stitching, on a detached llm-disaggregated request (generator, seed 7): its
 * decode worker's spans are a trace of their own with the same x_request_id and a link to the
 * router's decode call. A fake Tempo serves the batch: a trace by id, and a search for
 * `{span.x_request_id="…"}` answers the traces with that value.
 */
import { screen, within } from '@testing-library/react';
import type { BackendSrvRequest } from '@grafana/runtime';
import { formatDuration } from '../../components/breakdown';
import { PLUGIN_BASE_URL } from '../../constants';
import { generateLlmBatch } from '../../../tests/generator/llm-batch';
import { toOtlpJson } from '../../../tests/generator/otlp';
import { fetchResponse, installFakeBackend } from '../../../tests/support/backendSrv';
import { upstreamDown } from '../../../tests/support/recordedBackend';
import { loadPages, renderApp } from '../../../tests/support/renderApp';
import { tableCells } from '../../../tests/support/tables';
import { user } from '../../../tests/support/user';

const SLOW = { timeout: 20_000 };
const batch = generateLlmBatch({ seed: 7, count: 12, nowUs: 1_800_000_000_000_000 });
const truth = batch.truth.find((t) => t.detached)!;
const [main, decode] = truth.traces;
const spansOf = (traceId: string) => batch.traces.find((t) => t.traceId === traceId)!.spans;

function installFakeTempo() {
  const searches: string[] = [];
  installFakeBackend((request: BackendSrvRequest) => {
    const byId = /\/traces\/([0-9a-f]+)$/.exec(request.url);
    const trace = byId && batch.traces.find((t) => t.traceId === byId[1]);
    if (trace) {
      const body = JSON.stringify({ trace: toOtlpJson([trace]) });
      return fetchResponse(request, request.responseType === 'text' ? body : JSON.parse(body));
    }
    if (request.url.endsWith('/api/search')) {
      const q = String(request.params?.q);
      searches.push(q);
      const value = /x_request_id\s*=\s*"([^"]*)"/.exec(q)?.[1];
      const hits = batch.traces
        .filter((t) => t.spans.some((s) => s.attributes.x_request_id === value))
        .map((t) => ({ traceID: t.traceId, startTimeUnixNano: `${t.spans[0].startUs}000`, durationMs: 1 }));
      return fetchResponse(request, { traces: hits });
    }
    return upstreamDown(request);
  });
  return searches;
}

const location = () => screen.getByTestId('location-search').textContent ?? '';
/** The waterfall row named `label` (the service and span name), followed or not by the busy / idle it reports. */
const row = (label: string) =>
  within(screen.getByTestId('waterfall')).getByRole('option', {
    name: (name) => name === label || name.startsWith(`${label}, `),
  });
/** The split table's durations, once the LLM view has rendered (a task after the rest of the page). */
const splitCells = async () => {
  await screen.findByRole('table', { name: 'Disaggregated serving split' }, SLOW);
  return tableCells('Disaggregated serving split').map((cells) => cells[1]);
};
const us = (n: number) => formatDuration(n * 1000);

beforeAll(loadPages);

describe('Stitch related traces', () => {
  it('finds the decode trace by x_request_id, shows the request as one trace, and goes back', async () => {
    const searches = installFakeTempo();
    renderApp(`${PLUGIN_BASE_URL}/trace/${main.traceId}?ds=tempo`);
    await screen.findByTestId('summary-spans', {}, SLOW);
    expect(screen.getByTestId('summary-spans')).toHaveTextContent(String(spansOf(main.traceId).length));
    // alone, the decode call counts whole as network
    expect(await splitCells()).toEqual(
      [main.split.prefillUs, 0, main.split.workerQueueUs, main.split.networkUs, main.split.routingUs].map(us)
    );
    expect(screen.getByLabelText(/^Join attribute/)).toHaveValue('x_request_id');

    await user.click(screen.getByRole('button', { name: 'Stitch related traces' }));
    expect(await screen.findByTestId('stitch-sentence', {}, SLOW)).toHaveTextContent(
      `Stitched 2 traces by x_request_id = ${truth.requestId} and 1 link.`
    );
    expect(searches).toEqual([`{ span.x_request_id = "${truth.requestId}" }`]);
    expect(location()).toContain('stitch=x_request_id');
    expect(screen.getByTestId('summary-spans')).toHaveTextContent(
      String(spansOf(main.traceId).length + spansOf(decode.traceId).length)
    );
    // the decode worker's spans hang under the router's decode call, and the critical path runs through them
    const names = within(screen.getByTestId('waterfall'))
      .getAllByTestId('waterfall-row')
      // a row's name, without the busy / idle a span may report (", busy … · idle …")
      .map((r) => r.getAttribute('aria-label')?.split(', ')[0]);
    const call = names.indexOf('llm-router decode');
    expect(names.slice(call, call + 3)).toEqual([
      'llm-router decode',
      'decode-worker decode',
      'decode-worker engine.generate',
    ]);
    expect(row('decode-worker engine.generate').getAttribute('data-critical')).toBe('true');
    // the split of the whole request: the decode worker's time is decode and worker queue, not network
    expect(await splitCells()).toEqual(
      [
        main.split.prefillUs,
        decode.split.decodeUs,
        main.split.workerQueueUs + decode.split.workerQueueUs,
        main.split.networkUs - decode.durationUs,
        main.split.routingUs,
      ].map(us)
    );

    // each span keeps its own trace
    await user.click(row('decode-worker decode'));
    expect(screen.getByRole('region', { name: 'Timing' }).textContent).toContain(`trace id${decode.traceId}`);

    await user.click(screen.getByRole('button', { name: 'Back to this trace alone' }));
    expect(location()).not.toContain('stitch=');
    expect(screen.getByTestId('summary-spans')).toHaveTextContent(String(spansOf(main.traceId).length));
  });

  it('stitches from the URL, following the decode trace’s link to the main trace', async () => {
    installFakeTempo();
    renderApp(`${PLUGIN_BASE_URL}/trace/${decode.traceId}?ds=tempo&stitch=no_such_key`);
    expect(await screen.findByTestId('stitch-sentence', {}, SLOW)).toHaveTextContent('Stitched 2 traces by 1 link.');
    expect(screen.getByTestId('summary-spans')).toHaveTextContent(
      String(spansOf(main.traceId).length + spansOf(decode.traceId).length)
    );
  });
});
