/** The panel's options, their defaults and their editors (panel editor, "Trace latency breakdown" section). */
import { PanelOptionsEditorBuilder, SelectableValue } from '@grafana/data';
import type { GroupBy, GroupKind, PathMode } from '../../engine';
import { t } from '@grafana/i18n';
import { DurationUnit, Measure, measureLabel, SortOrder, unitName } from '../../components/breakdown';
import { AttributeKeyEditor } from './AttributeKeyEditor';

export type ViewOption = 'bars' | 'stacked' | 'table' | 'flame';
export type SampleOption = 'newest' | 'slowest';

export interface BreakdownOptions {
  groupBy: GroupKind;
  /** attribute key when grouping by attribute, span or resource scope (span first); picked in AttributeKeyEditor */
  attributeKey: string;
  measure: Measure;
  /** which critical path the critical-path measure and the flame graph use (engine critical-path.ts) */
  pathMode: PathMode;
  view: ViewOption;
  /** groups shown before "Other"; 0 shows all */
  topN: number;
  sort: SortOrder;
  unit: DurationUnit;
  /** search results: traces fetched and aggregated at most */
  maxTraces: number;
  /** search results: which listed traces are fetched when there are more than maxTraces */
  sample: SampleOption;
  /** draw the Prometheus query's values over the rows */
  showOverlay: boolean;
  /** unit of the Prometheus values */
  overlayUnit: 's' | 'ms';
  /** the overlay's name; empty: "p95 (span metrics)" in the user's language (overlayName) */
  overlayLabel: string;
}

export const DEFAULT_OPTIONS: BreakdownOptions = {
  groupBy: 'service',
  attributeKey: '',
  measure: 'self',
  pathMode: 'async',
  view: 'bars',
  topN: 8,
  sort: 'desc',
  unit: 'auto',
  maxTraces: 20,
  sample: 'newest',
  showOverlay: true,
  overlayUnit: 's',
  overlayLabel: '',
};

/** The overlay's name: the one the panel's options give, else the default in the user's language. */
export const overlayName = (options: Pick<BreakdownOptions, 'overlayLabel'>) =>
  options.overlayLabel || t('panel.overlay-default', 'p95 (span metrics)');

/**
 * Most traces one panel fetches, whatever its Max traces option says (each is a request through
 * Grafana); the app setting `maxTracesForAggregate` does not apply to panels.
 */
export const MAX_TRACES_PER_PANEL = 200;

const choices = <T extends string>(values: readonly T[], label: (value: T) => string): Array<SelectableValue<T>> =>
  values.map((value) => ({ value, label: label(value) }));

const groupByChoices = () =>
  choices<GroupKind>(['service', 'operation', 'spanKind', 'model', 'attribute'], (kind) => {
    switch (kind) {
      case 'service':
        return t('panel.options.group-by.service', 'Service');
      case 'operation':
        return t('panel.options.group-by.operation', 'Operation');
      case 'spanKind':
        return t('panel.options.group-by.span-kind', 'Span kind');
      case 'model':
        return t('panel.options.group-by.model', 'Model');
      default:
        return t('panel.options.group-by.attribute', 'Attribute');
    }
  });
const measureChoices = () =>
  choices<Measure>(['self', 'criticalPath', 'total', 'busyIdle'], (measure) =>
    measure === 'busyIdle' ? t('panel.options.measure.busy-idle', 'Busy / idle') : measureLabel(measure)
  );
const pathModeChoices = () =>
  choices<PathMode>(['async', 'sync'], (mode) =>
    mode === 'sync'
      ? t('panel.options.path-mode.sync', 'Synchronous blocking only')
      : t('panel.options.path-mode.async', 'Follow async work and links')
  );
const viewChoices = () =>
  choices<ViewOption>(['bars', 'stacked', 'table', 'flame'], (view) => {
    switch (view) {
      case 'bars':
        return t('panel.options.view.bars', 'Bars');
      case 'stacked':
        return t('panel.options.view.stacked', 'Stacked per trace');
      case 'table':
        return t('panel.options.view.table', 'Table');
      case 'flame':
        return t('panel.options.view.flame', 'Flame graph');
    }
  });
const sortChoices = () =>
  choices<SortOrder>(['desc', 'asc', 'label'], (sort) => {
    switch (sort) {
      case 'desc':
        return t('panel.options.sort.desc', 'Largest first');
      case 'asc':
        return t('panel.options.sort.asc', 'Smallest first');
      case 'label':
        return t('panel.options.sort.label', 'By name');
    }
  });
const sampleChoices = () =>
  choices<SampleOption>(['newest', 'slowest'], (sample) =>
    sample === 'newest' ? t('panel.options.sample.newest', 'Newest') : t('panel.options.sample.slowest', 'Slowest')
  );

/** The engine's grouping for the options. */
export function groupByOf(options: BreakdownOptions): GroupBy {
  return options.groupBy === 'attribute'
    ? { kind: 'attribute', key: options.attributeKey.trim() }
    : { kind: options.groupBy };
}

export function addOptions(builder: PanelOptionsEditorBuilder<BreakdownOptions>): void {
  const d = DEFAULT_OPTIONS;
  const analysis = [t('panel.options.category.analysis', 'Analysis')];
  const input = [t('panel.options.category.search-results', 'Search results')];
  const overlay = [t('panel.options.category.overlay', 'Percentile overlay')];
  builder
    .addRadio({
      path: 'view',
      name: t('panel.options.view.name', 'View'),
      category: analysis,
      defaultValue: d.view,
      settings: { options: viewChoices() },
    })
    .addRadio({
      path: 'groupBy',
      name: t('panel.options.group-by.name', 'Group by'),
      category: analysis,
      defaultValue: d.groupBy,
      settings: { options: groupByChoices() },
    })
    .addCustomEditor({
      id: 'attributeKey',
      path: 'attributeKey',
      name: t('panel.options.attribute-key.name', 'Attribute key'),
      description: t(
        'panel.options.attribute-key.description',
        'Span or resource attribute, e.g. gen_ai.agent.name, app_id, http.route or db.system'
      ),
      category: analysis,
      defaultValue: d.attributeKey,
      editor: AttributeKeyEditor,
      showIf: (o) => o.groupBy === 'attribute',
    })
    .addRadio({
      path: 'measure',
      name: t('panel.options.measure.name', 'Measure'),
      description: t(
        'panel.options.measure.description',
        'Self time: time in a span not covered by its children. Critical path: time on the chain that set the trace end. Busy/idle: per service.'
      ),
      category: analysis,
      defaultValue: d.measure,
      settings: { options: measureChoices() },
    })
    .addRadio({
      path: 'pathMode',
      name: t('panel.options.path-mode.name', 'Critical path'),
      description: t(
        'panel.options.path-mode.description',
        'Synchronous: only work the request waited for. Async: also consumers and work that outlives its parent, once nothing else runs.'
      ),
      category: analysis,
      defaultValue: d.pathMode,
      settings: { options: pathModeChoices() },
      showIf: (o) => o.measure === 'criticalPath' || o.view === 'flame',
    })
    .addNumberInput({
      path: 'topN',
      name: t('panel.options.top-n.name', 'Top N'),
      description: t('panel.options.top-n.description', 'Groups shown before "Other" (0: all)'),
      category: analysis,
      defaultValue: d.topN,
      settings: { min: 0, integer: true },
    })
    .addSelect({
      path: 'sort',
      name: t('panel.options.sort.name', 'Sort'),
      category: analysis,
      defaultValue: d.sort,
      settings: { options: sortChoices() },
    })
    .addSelect({
      path: 'unit',
      name: t('panel.options.unit.name', 'Unit'),
      category: analysis,
      defaultValue: d.unit,
      settings: { options: choices<DurationUnit>(['auto', 'us', 'ms', 's'], unitName) },
    })
    .addNumberInput({
      path: 'maxTraces',
      name: t('panel.options.max-traces.name', 'Max traces fetched'),
      description: t(
        'panel.options.max-traces.description',
        'For a TraceQL search: traces fetched and aggregated (at most {{max}})',
        { max: MAX_TRACES_PER_PANEL }
      ),
      category: input,
      defaultValue: d.maxTraces,
      settings: { min: 1, max: MAX_TRACES_PER_PANEL, integer: true },
    })
    .addRadio({
      path: 'sample',
      name: t('panel.options.sample.name', 'When the search lists more'),
      category: input,
      defaultValue: d.sample,
      settings: { options: sampleChoices() },
    })
    .addBooleanSwitch({
      path: 'showOverlay',
      name: t('panel.options.overlay.name', 'Show percentile overlay'),
      description: t(
        'panel.options.overlay.description',
        'Draws the values of a Prometheus query in this panel (e.g. span-metrics p95 by service) over the rows'
      ),
      category: overlay,
      defaultValue: d.showOverlay,
    })
    .addRadio({
      path: 'overlayUnit',
      name: t('panel.options.overlay-unit.name', 'Prometheus values in'),
      category: overlay,
      defaultValue: d.overlayUnit,
      settings: { options: choices<'s' | 'ms'>(['s', 'ms'], unitName) },
      showIf: (o) => o.showOverlay,
    })
    .addTextInput({
      path: 'overlayLabel',
      name: t('panel.options.overlay-label.name', 'Overlay name'),
      category: overlay,
      defaultValue: d.overlayLabel,
      settings: { placeholder: overlayName(d) },
      showIf: (o) => o.showOverlay,
    });
}
