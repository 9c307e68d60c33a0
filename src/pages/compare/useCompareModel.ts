/**
 * The compare page's model hook: reads what the URL asks for against the page's source, searches
 * the two trace sets (up to the URL's `n`, else the app setting), loads and analyses every trace
 * through the loading service (cancellable), says what the comparison is computed from
 * (app/coverage.ts), and ranks the differences and diffs the call trees of the traces loaded so
 * far, the LLM calls per model of each side (llmCompare.ts) and their agent runs' critical path
 * per step (agentCompare.ts), filling in while they arrive
 * (compareProgress.ts; a re-render at most every 250 ms, useManyTraces.ts) until all are in or
 * the fetch is cancelled — everything `ComparePage` renders, plus the URL updates its form and
 * its "Use N traces" make, the attribute keys the grouping offers (the source's attribute names
 * where it lists them, else the keys of the loaded traces) and the diff flame graph's menu
 * entries that open example traces.
 */
import { useMemo } from 'react';
import { t } from '@grafana/i18n';
import { useNavigate } from 'react-router-dom';
import { useAppSettings } from '../../app/AppSettingsContext';
import { coverage, raisedSample } from '../../app/coverage';
import { useQueryContext } from '../../app/queryContext';
import { UrlPatch, useUrlState } from '../../app/urlState';
import { useAsync } from '../../app/useAsync';
import { useManyTraces } from '../../app/useManyTraces';
import { traceUrl } from '../../app/links';
import { pathModePatch, readPathMode } from '../../app/pathModeParam';
import type { GroupKind, PathMode } from '../../engine';
import { DEFAULT_SETTINGS, MAX_TRACES_FOR_AGGREGATE } from '../../app/settings';
import { exampleLinks } from './callTreeDiffView';
import { findTraceSets } from './compareModel';
import { ComparisonProgress, DiffProgress } from './compareProgress';
import { CompareMode, compareGroupBy, readCompareUrl } from './compareUrl';
import { LlmCompareProgress } from './llmCompare';
import { AgentCompareProgress } from './agentCompare';
import { LoadedAttributeKeys } from './loadedAttributeKeys';

/** example slow traces listed per component */
const EXAMPLES = 3;

export function useCompareModel() {
  const context = useQueryContext();
  const source = context.source;
  const traceql = source?.capabilities.traceql ?? false;
  const settings = useAppSettings();
  const { params, update } = useUrlState();
  const navigate = useNavigate();
  const request = readCompareUrl(params, traceql);
  const pathMode = readPathMode(params);
  const { mode, svc, op, q, pct, slowQ, baseQ, ready } = request;
  const groupBy = compareGroupBy(request);
  // a stable key for the memo: a new object each render must not start the comparison over
  const groupKey = JSON.stringify(groupBy);
  const maxTraces = request.n ?? settings.maxTracesForAggregate ?? DEFAULT_SETTINGS.maxTracesForAggregate;

  const key =
    source && ready
      ? JSON.stringify([
          mode,
          svc,
          op,
          q,
          pct,
          slowQ,
          baseQ,
          maxTraces,
          source.uid,
          context.carry.from,
          context.carry.to,
        ])
      : undefined;
  const sets = useAsync(key, (signal) => {
    const s = context.resolveSeconds();
    return findTraceSets(request, (query, limit) => source!.search(query, { ...s, limit }, { signal }), maxTraces);
  });
  const allIds = useMemo(() => (sets.value ? [...sets.value.slow, ...sets.value.baseline] : []), [sets.value]);
  const loaded = useManyTraces(source, allIds, context.seconds);
  const complete = allIds.length > 0 && (loaded.done === loaded.total || loaded.cancelled);
  const found = sets.value;
  const covered = found
    ? coverage({
        listed: found.listed,
        search: found.search,
        leftOut: { count: found.otherRoot, why: t('compare.left-out-other-root', 'with another root (or none yet)') },
        pick: 'all',
        requested: loaded.total,
        results: loaded.results,
        cancelled: loaded.cancelled,
        range: context.range.raw,
      })
    : undefined;
  const raiseTo =
    found && found.search.reached ? raisedSample(maxTraces, maxTraces * 2, MAX_TRACES_FOR_AGGREGATE) : undefined;
  // a new search, a new fetch (a new `results`) or another path mode starts over; regrouping redoes
  // the comparison only, without fetching again
  const comparing = useMemo(
    () => found && groupKey !== 'null' && new ComparisonProgress(found, JSON.parse(groupKey), EXAMPLES, pathMode),
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [found, loaded.results, groupKey, pathMode]
  );
  // eslint-disable-next-line react-hooks/exhaustive-deps
  const diffing = useMemo(() => found && new DiffProgress(found, pathMode), [found, loaded.results, pathMode]);
  // eslint-disable-next-line react-hooks/exhaustive-deps
  const llm = useMemo(() => found && new LlmCompareProgress(found), [found, loaded.results]);
  const agentProgress = useMemo(
    () => found && new AgentCompareProgress(found, pathMode),
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [found, loaded.results, pathMode]
  );
  // eslint-disable-next-line react-hooks/exhaustive-deps
  const loadedKeys = useMemo(() => new LoadedAttributeKeys(), [loaded.results]);
  // `version` changes whenever the results did (they grow in place)
  // eslint-disable-next-line react-hooks/exhaustive-deps
  const result = useMemo(() => (comparing ? comparing.update(loaded) : undefined), [comparing, loaded.version]);
  // eslint-disable-next-line react-hooks/exhaustive-deps
  const callTree = useMemo(() => diffing?.update(loaded) ?? null, [diffing, loaded.version]);
  // eslint-disable-next-line react-hooks/exhaustive-deps
  const llmRows = useMemo(() => (llm ? llm.update(loaded) : []), [llm, loaded.version]);
  // eslint-disable-next-line react-hooks/exhaustive-deps
  const agents = useMemo(() => (agentProgress ? agentProgress.update(loaded) : null), [agentProgress, loaded.version]);
  const tagNames = source?.capabilities.tagSuggestions ?? false;
  // eslint-disable-next-line react-hooks/exhaustive-deps
  const traceKeys = useMemo(() => (tagNames ? [] : loadedKeys.update(loaded)), [tagNames, loadedKeys, loaded.version]);
  const traceHref = (id: string) => traceUrl(id, { ...context.carry, ...pathModePatch(pathMode) });

  return {
    context,
    source,
    traceql,
    maxTraces,
    request,
    /** the search for the two sets */
    sets,
    /** ids in the two sets (as found; a trace in both counts twice) */
    traceCount: allIds.length,
    /** what the comparison is computed from, once the sets are found */
    coverage: covered,
    /** while traces are being fetched: how many are in, and how to stop */
    fetching:
      complete || allIds.length === 0 ? undefined : { done: loaded.done, total: loaded.total, onCancel: loaded.cancel },
    /** a larger search the user may ask for, when the search stopped at its limit */
    raise: raiseTo
      ? {
          label: t('compare.raise', '', {
            count: raiseTo,
            defaultValue_one: 'Use {{count}} trace',
            defaultValue_other: 'Use {{count}} traces',
          }),
          onClick: () => update({ n: String(raiseTo) }, { push: true }),
        }
      : undefined,
    /** every trace is in, or the fetch was cancelled */
    complete,
    /** the comparison of the traces loaded so far (final once `complete`) */
    result,
    /** the two sets' call trees compared node by node, of the traces loaded so far */
    callTree,
    /** the GenAI spans of each side per model and operation, of the traces loaded so far ([] without any) */
    llmRows,
    /** the agent runs of each side, their critical path per step, of the traces loaded so far (null without any) */
    agents,
    /** keys for the attribute grouping from the loaded traces; [] where the source lists attribute names */
    traceKeys,
    traceHref,
    /** menu entries of a row of the diff flame graph: open its example traces */
    flameActions: (row: number) =>
      callTree
        ? exampleLinks(callTree, row).map((l) => ({ label: l.label, onClick: () => navigate(traceHref(l.traceId)) }))
        : [],
    run: (patch: UrlPatch) => update(patch, { push: true }),
    setMode: (m: CompareMode) => update({ mode: m === 'queries' ? 'queries' : undefined }),
    setGroup: (g: GroupKind) => update({ group: g }),
    setGroupAttr: (key: string) => update({ groupAttr: key || undefined }),
    /** the critical path the comparison and the diff use (URL `path`) */
    pathMode,
    setPathMode: (m: PathMode) => update(pathModePatch(m)),
  };
}
