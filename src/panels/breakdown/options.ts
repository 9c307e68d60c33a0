/** The panel's options, their defaults and their editors (panel editor, "Trace latency breakdown" section). */
import { PanelOptionsEditorBuilder, SelectableValue } from '@grafana/data';
import type { GroupBy, GroupKind } from '../../engine';
import { DurationUnit, Measure, MEASURE_LABELS, SortOrder, UNIT_NAMES } from '../../components/breakdown';

export type ViewOption = 'bars' | 'stacked' | 'table' | 'flame';
export type SampleOption = 'newest' | 'slowest';

export interface BreakdownOptions {
  groupBy: GroupKind;
  /** attribute key when grouping by attribute, span or resource scope (span first) */
  attributeKey: string;
  measure: Measure;
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
  overlayLabel: string;
}

export const DEFAULT_OPTIONS: BreakdownOptions = {
  groupBy: 'service',
  attributeKey: '',
  measure: 'self',
  view: 'bars',
  topN: 8,
  sort: 'desc',
  unit: 'auto',
  maxTraces: 20,
  sample: 'newest',
  showOverlay: true,
  overlayUnit: 's',
  overlayLabel: 'p95 (span metrics)',
};

/**
 * Most traces one panel fetches, whatever its Max traces option says (each is a request through
 * Grafana); the app setting `maxTracesForAggregate` does not apply to panels.
 */
export const MAX_TRACES_PER_PANEL = 200;

const choices = <T extends string>(labels: Record<T, string>): Array<SelectableValue<T>> =>
  (Object.keys(labels) as T[]).map((value) => ({ value, label: labels[value] }));

export const GROUP_BY_CHOICES = choices<GroupKind>({
  service: 'Service',
  operation: 'Operation',
  spanKind: 'Span kind',
  attribute: 'Attribute',
});
export const MEASURE_CHOICES = choices<Measure>({ ...MEASURE_LABELS, busyIdle: 'Busy / idle' });
export const VIEW_CHOICES = choices<ViewOption>({
  bars: 'Bars',
  stacked: 'Stacked per trace',
  table: 'Table',
  flame: 'Flame graph',
});
export const SORT_CHOICES = choices<SortOrder>({ desc: 'Largest first', asc: 'Smallest first', label: 'By name' });
export const UNIT_CHOICES = choices<DurationUnit>(UNIT_NAMES);
export const SAMPLE_CHOICES = choices<SampleOption>({ newest: 'Newest', slowest: 'Slowest' });
export const OVERLAY_UNIT_CHOICES = choices<'s' | 'ms'>({ s: 'Seconds', ms: 'Milliseconds' });

/** The engine's grouping for the options. */
export function groupByOf(options: BreakdownOptions): GroupBy {
  return options.groupBy === 'attribute'
    ? { kind: 'attribute', key: options.attributeKey.trim() }
    : { kind: options.groupBy };
}

export function addOptions(builder: PanelOptionsEditorBuilder<BreakdownOptions>): void {
  const d = DEFAULT_OPTIONS;
  const analysis = ['Analysis'];
  const input = ['Search results'];
  const overlay = ['Percentile overlay'];
  builder
    .addRadio({
      path: 'view',
      name: 'View',
      category: analysis,
      defaultValue: d.view,
      settings: { options: VIEW_CHOICES },
    })
    .addRadio({
      path: 'groupBy',
      name: 'Group by',
      category: analysis,
      defaultValue: d.groupBy,
      settings: { options: GROUP_BY_CHOICES },
    })
    .addTextInput({
      path: 'attributeKey',
      name: 'Attribute key',
      description: 'Span or resource attribute, e.g. http.route, db.system or peer.service',
      category: analysis,
      defaultValue: d.attributeKey,
      showIf: (o) => o.groupBy === 'attribute',
    })
    .addRadio({
      path: 'measure',
      name: 'Measure',
      description:
        'Self time: time in a span not covered by its children. Critical path: time on the chain that set the trace end. Busy/idle: per service.',
      category: analysis,
      defaultValue: d.measure,
      settings: { options: MEASURE_CHOICES },
    })
    .addNumberInput({
      path: 'topN',
      name: 'Top N',
      description: 'Groups shown before "Other" (0: all)',
      category: analysis,
      defaultValue: d.topN,
      settings: { min: 0, integer: true },
    })
    .addSelect({
      path: 'sort',
      name: 'Sort',
      category: analysis,
      defaultValue: d.sort,
      settings: { options: SORT_CHOICES },
    })
    .addSelect({
      path: 'unit',
      name: 'Unit',
      category: analysis,
      defaultValue: d.unit,
      settings: { options: UNIT_CHOICES },
    })
    .addNumberInput({
      path: 'maxTraces',
      name: 'Max traces fetched',
      description: `For a TraceQL search: traces fetched and aggregated (at most ${MAX_TRACES_PER_PANEL})`,
      category: input,
      defaultValue: d.maxTraces,
      settings: { min: 1, max: MAX_TRACES_PER_PANEL, integer: true },
    })
    .addRadio({
      path: 'sample',
      name: 'When the search lists more',
      category: input,
      defaultValue: d.sample,
      settings: { options: SAMPLE_CHOICES },
    })
    .addBooleanSwitch({
      path: 'showOverlay',
      name: 'Show percentile overlay',
      description:
        'Draws the values of a Prometheus query in this panel (e.g. span-metrics p95 by service) over the rows',
      category: overlay,
      defaultValue: d.showOverlay,
    })
    .addRadio({
      path: 'overlayUnit',
      name: 'Prometheus values in',
      category: overlay,
      defaultValue: d.overlayUnit,
      settings: { options: OVERLAY_UNIT_CHOICES },
      showIf: (o) => o.showOverlay,
    })
    .addTextInput({
      path: 'overlayLabel',
      name: 'Overlay name',
      category: overlay,
      defaultValue: d.overlayLabel,
      showIf: (o) => o.showOverlay,
    });
}
