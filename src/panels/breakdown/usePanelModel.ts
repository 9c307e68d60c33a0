/**
 * The breakdown panel's model hook: decides from the panel's data what it can do (input.ts), loads
 * and analyses the traces a search listed (useSearchAnalyses.ts, over the panel's time range,
 * cancellable), and turns both with the options into what `BreakdownPanel` renders (panelModel.ts):
 * the body, how to cancel the fetch, and "Use N traces" (raises the "Max traces fetched" option);
 * the breakdown is computed again only when the analyses, input, options or range change. It tells
 * the "Attribute key" editor its datasource, range and traces' keys (keyHints.ts) through the
 * panel's instance state, whenever they change.
 */
import { useEffect, useMemo } from 'react';
import type { PanelProps } from '@grafana/data';
import { t } from '@grafana/i18n';
import { usePanelContext } from '@grafana/ui';
import { panelInput } from './input';
import { panelKeyHints } from './keyHints';
import type { BreakdownOptions } from './options';
import { isTiny, panelAnalyses, panelBody, panelContent } from './panelModel';
import { useSearchAnalyses } from './useSearchAnalyses';

type ModelProps = Pick<
  PanelProps<BreakdownOptions>,
  'data' | 'options' | 'width' | 'height' | 'timeRange' | 'replaceVariables' | 'onOptionsChange'
>;

export function usePanelModel({
  data,
  options,
  width,
  height,
  timeRange,
  replaceVariables,
  onOptionsChange,
}: ModelProps) {
  const input = useMemo(
    () => panelInput(data.series, options, data.request, replaceVariables),
    [data.series, data.request, options, replaceVariables]
  );
  const fromMs = timeRange.from.valueOf();
  const toMs = timeRange.to.valueOf();
  const search = useSearchAnalyses(
    input.kind === 'search'
      ? { source: input.source, hits: input.hits, start: Math.floor(fromMs / 1000), end: Math.ceil(toMs / 1000) }
      : undefined
  );
  const analyses = panelAnalyses(input, search.state);
  const content = useMemo(
    () =>
      analyses?.length && (input.kind === 'traces' || input.kind === 'search')
        ? panelContent(analyses, input, options, { fromMs, toMs })
        : undefined,
    [analyses, input, options, fromMs, toMs]
  );
  const byAttribute = options.groupBy === 'attribute';
  const hints = useMemo(
    () => panelKeyHints(input, analyses, byAttribute, { fromMs, toMs }),
    [input, analyses, byAttribute, fromMs, toMs]
  );
  const { onInstanceStateChange } = usePanelContext();
  const hintsKey = JSON.stringify(hints);
  useEffect(() => {
    onInstanceStateChange?.(hints);
    // `hintsKey` stands for the hints: tell the editor only when they change (setting the instance
    // state renders the panel again, with the same hints)
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [hintsKey]);
  const body = panelBody(input, search.state, content, options, timeRange.raw);
  const raiseTo = body.kind === 'breakdown' ? body.raiseTo : undefined;
  return {
    body,
    /** stops fetching the listed traces; the breakdown then uses those that came in */
    cancel: search.cancel,
    /** "Use N traces": fetch more of the listed traces */
    raise: raiseTo
      ? {
          label: t('panel.raise', '', {
            count: raiseTo,
            defaultValue_one: 'Use {{count}} trace',
            defaultValue_other: 'Use {{count}} traces',
          }),
          onClick: () => onOptionsChange({ ...options, maxTraces: raiseTo }),
        }
      : undefined,
    /** too small for the header: only the rows */
    tiny: isTiny(width, height),
  };
}
