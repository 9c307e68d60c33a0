import React from 'react';
import { render, screen, waitFor } from '@testing-library/react';
import type { StandardEditorProps } from '@grafana/data';
import { installFakeBackend } from '../../../tests/support/backendSrv';
import { inZhHans } from '../../../tests/support/i18n';
import { stubIntersectionObserver } from '../../../tests/support/intersectionObserver';
import { recordedAnswer, upstreamDown } from '../../../tests/support/recordedBackend';
import { user } from '../../../tests/support/user';
import { AttributeKeyEditor } from './AttributeKeyEditor';
import type { KeyHints } from './keyHints';

const SLOW = { timeout: 10_000 };

stubIntersectionObserver();
const RANGE = { start: 1795255200, end: 1795258800 };
const TEMPO = { uid: 'tempo', type: 'tempo' as const };
const JAEGER = { uid: 'jaeger', type: 'jaeger' as const };

/** the editor as Grafana's options pane renders it: under its label, with the panel's instance state */
function renderEditor(hints: KeyHints | undefined, value = '') {
  const onChange = jest.fn();
  const props = {
    value,
    onChange,
    id: 'attributeKey',
    item: { id: 'attributeKey', name: 'Attribute key' },
    context: { data: [], instanceState: hints },
  } as unknown as StandardEditorProps<string>;
  render(
    <>
      <label htmlFor="attributeKey">Attribute key</label>
      <AttributeKeyEditor {...props} />
    </>
  );
  return onChange;
}

/** the options the menu lists (jsdom lays nothing out: the virtual list needs a box with a size) */
async function openMenu(): Promise<Array<string | null>> {
  const height = jest.spyOn(HTMLElement.prototype, 'clientHeight', 'get').mockReturnValue(600);
  const width = jest.spyOn(HTMLElement.prototype, 'clientWidth', 'get').mockReturnValue(240);
  await user.click(screen.getByRole('combobox', { name: 'Attribute key' }));
  const options = await screen.findAllByRole('option', {}, SLOW);
  height.mockRestore();
  width.mockRestore();
  return options.map((o) => o.textContent);
}

describe('AttributeKeyEditor on Tempo', () => {
  it('offers the span and resource names Tempo lists with the traces’ keys, GenAI and agent keys first', async () => {
    const { requests } = installFakeBackend((request) => recordedAnswer(request, 'tempo-tags'));
    const onChange = renderEditor({ source: TEMPO, range: RANGE, traceKeys: ['app_id', 'gen_ai.request.model'] });
    await waitFor(() => expect(requests).toHaveLength(2));
    expect(requests.map((r) => [r.url, r.params?.scope])).toEqual([
      ['/api/datasources/proxy/uid/tempo/api/v2/search/tags', 'span'],
      ['/api/datasources/proxy/uid/tempo/api/v2/search/tags', 'resource'],
    ]);
    // the recording's 11 span names and 2 resource names (BreakdownPanel.test lists them), sorted
    // after the traces' 2 keys, which are GenAI and agent keys
    await openMenu();
    await waitFor(() => expect(screen.getAllByRole('option')).toHaveLength(15));
    const names = screen.getAllByRole('option').map((o) => o.textContent);
    expect([names.slice(0, 4), names[14]]).toEqual([
      ['gen_ai.request.model', 'app_id', 'db.name', 'db.statement'],
      'x_request_id',
    ]);
    await user.click(screen.getByRole('option', { name: 'gen_ai.request.model' }));
    expect(onChange).toHaveBeenLastCalledWith('gen_ai.request.model');
  });

  it('takes a key typed from the keyboard that nothing lists', async () => {
    installFakeBackend((request) => recordedAnswer(request, 'tempo-tags'));
    const onChange = renderEditor({ source: TEMPO, range: RANGE, traceKeys: [] });
    await user.type(screen.getByRole('combobox', { name: 'Attribute key' }), 'chat_id');
    await user.keyboard('{Enter}');
    expect(onChange).toHaveBeenLastCalledWith('chat_id');
  });

  it('says why no names are listed when Tempo cannot be reached, and still takes a key', async () => {
    installFakeBackend(upstreamDown);
    renderEditor({ source: TEMPO, range: RANGE, traceKeys: [] }, 'app_id');
    expect(await screen.findByRole('alert', {}, SLOW)).toHaveTextContent(
      'The attribute names could not be listed: Tempo (datasource "tempo") is unreachable or not ready (502): upstream down. Any key can still be typed.'
    );
    expect(screen.getByRole('combobox', { name: 'Attribute key' })).toHaveValue('app_id');
  });
});

describe('AttributeKeyEditor on Jaeger, or before the panel has data', () => {
  it('offers the traces’ keys on Jaeger, which lists none, and says so without asking Jaeger', async () => {
    const { requests } = installFakeBackend(upstreamDown);
    renderEditor({ source: JAEGER, range: RANGE, traceKeys: ['http.route', 'sid'] });
    expect(screen.getByRole('status')).toHaveTextContent(
      "Jaeger lists no attribute names: the keys of the panel's traces are offered, and any key can be typed."
    );
    expect(await openMenu()).toEqual(['sid', 'http.route']);
    expect(requests).toEqual([]);
  });

  it('suggests the common GenAI and agent keys when it knows no datasource or key yet', async () => {
    renderEditor(undefined);
    const options = await openMenu();
    expect(options.slice(0, 2)).toEqual([
      'gen_ai.request.modelCommon GenAI / agent key',
      'gen_ai.operation.nameCommon GenAI / agent key',
    ]);
    expect(screen.queryByRole('status')).toBeNull();
  });
});

describe('AttributeKeyEditor in zh-Hans', () => {
  inZhHans();

  it('says in Chinese that Jaeger lists no attribute names', () => {
    installFakeBackend(upstreamDown);
    renderEditor({ source: JAEGER, range: RANGE, traceKeys: [] });
    expect(screen.getByRole('status')).toHaveTextContent('Jaeger 不列出属性名：提供面板中追踪的键，也可以输入任意键。');
  });
});
