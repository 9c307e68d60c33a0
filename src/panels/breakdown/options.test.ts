import type { PanelOptionsEditorBuilder } from '@grafana/data';
import { AttributeKeyEditor } from './AttributeKeyEditor';
import { addOptions, BreakdownOptions, DEFAULT_OPTIONS, groupByOf } from './options';

/** an option as the builder got it: its add… method and config (Grafana's editor registry is not loaded in Jest) */
type Added = { method: string; path: string; editor?: unknown; defaultValue?: unknown } & Record<string, any>;

const items = (): Added[] => {
  const added: Added[] = [];
  const builder: PanelOptionsEditorBuilder<BreakdownOptions> = new Proxy(
    {} as PanelOptionsEditorBuilder<BreakdownOptions>,
    {
      get: (_, method) => (config: Added) => {
        added.push({ ...config, method: String(method) });
        return builder;
      },
    }
  );
  addOptions(builder);
  return added;
};
const item = (path: string) => items().find((i) => i.path === path)!;

describe('the panel options', () => {
  it('offer Model among the groupings, meaning the engine’s model grouping', () => {
    expect(item('groupBy').settings.options.map((o: { label: string }) => o.label)).toEqual([
      'Service',
      'Operation',
      'Span kind',
      'Model',
      'Attribute',
    ]);
    expect(groupByOf({ ...DEFAULT_OPTIONS, groupBy: 'model', attributeKey: 'db.system' })).toEqual({ kind: 'model' });
  });

  it('pick the attribute key in its own editor, shown only when grouping by attribute, saved as a plain string', () => {
    const key = item('attributeKey');
    expect([key.method, key.editor, key.defaultValue]).toEqual(['addCustomEditor', AttributeKeyEditor, '']);
    expect(key.showIf?.({ ...DEFAULT_OPTIONS, groupBy: 'attribute' }, [])).toBe(true);
    expect(key.showIf?.({ ...DEFAULT_OPTIONS, groupBy: 'model' }, [])).toBe(false);
    expect(groupByOf({ ...DEFAULT_OPTIONS, groupBy: 'attribute', attributeKey: ' app_id ' })).toEqual({
      kind: 'attribute',
      key: 'app_id',
    });
  });
});
