/**
 * Compare two trace sets on the page's trace source (Tempo or Jaeger): by default the slowest N%
 * of one root operation's traces (a structured search, kept to the hits with that root) against
 * the rest; where the source takes TraceQL, also one TraceQL query split the same way, or two
 * queries. Renders what `useCompareModel` returns: the form, the sets found, the coverage line
 * (what the comparison is computed from, fetch progress with Cancel, "Use N traces"), the repaired
 * traces, the critical-path mode both use, the ranked differences, the call-tree diff and, when
 * the traces hold GenAI spans, the LLM calls per model of each side and, when they hold agent
 * runs, the runs' critical path per step, slow vs baseline.
 */
import React from 'react';
import { t, Trans } from '@grafana/i18n';
import { css } from '@emotion/css';
import { GrafanaTheme2 } from '@grafana/data';
import { PluginPage } from '@grafana/runtime';
import { Alert, LoadingPlaceholder, useStyles2 } from '@grafana/ui';
import { DataErrorAlert } from '../../components/DataErrorAlert';
import { CoverageLine } from '../../components/CoverageLine';
import { PathModeSwitch } from '../../components/PathModeSwitch';
import { AS_TEXT } from '../../components/i18n';
import { QueryContextBar } from '../../components/QueryContextBar';
import { AgentCompareSection } from './AgentCompareSection';
import { CallTreeDiffSection } from './CallTreeDiffSection';
import { CompareForm } from './CompareForm';
import { ComparisonTable } from './ComparisonTable';
import { LlmCompareSection } from './LlmCompareSection';
import { TraceSetWarnings } from './TraceSetWarnings';
import { useCompareModel } from './useCompareModel';

export default function ComparePage() {
  const styles = useStyles2(getStyles);
  const model = useCompareModel();
  const { context, source, traceql, maxTraces, request, sets, traceCount, result, traceHref } = model;
  const { mode, svc, op, q, pct, slowQ, baseQ, group, groupAttr } = request;
  const found = sets.value;

  return (
    <PluginPage>
      <h2>
        <Trans i18nKey="compare.title">Compare trace sets</Trans>
      </h2>
      <QueryContextBar context={context} show={['trace', 'range']} />
      {source && (
        <CompareForm
          source={source}
          seconds={context.seconds}
          mode={mode}
          group={group}
          groupAttr={groupAttr}
          traceKeys={model.traceKeys}
          initial={{ svc, op, q, slowQ, baseQ, pct: String(pct) }}
          onRun={model.run}
          onMode={model.setMode}
          onGroup={model.setGroup}
          onGroupAttr={model.setGroupAttr}
        />
      )}
      {source && request.unsupported && (
        <Alert
          severity="warning"
          title={t('compare.no-traceql.title', '{{target}} does not take TraceQL', {
            target: source.target,
            ...AS_TEXT,
          })}
        >
          <Trans i18nKey="compare.no-traceql.body">
            The link asked to compare traces chosen by TraceQL, which this source cannot run. Compare the slowest traces
            of a root operation with the rest instead.
          </Trans>
        </Alert>
      )}
      {source && !request.ready && (
        <Alert severity="info" title={t('compare.choose.title', 'Choose what to compare')}>
          {traceql
            ? t(
                'compare.choose.traceql',
                'Pick a root service and span name (or write TraceQL) to compare its slowest traces with the rest, or give two queries. Up to {{maxTraces}} traces are fetched (change the limit in the app settings).',
                { maxTraces }
              )
            : t(
                'compare.choose.plain',
                'Pick a root service and span name to compare its slowest traces with the rest. Up to {{maxTraces}} traces are fetched (change the limit in the app settings).',
                { maxTraces }
              )}
        </Alert>
      )}
      {sets.error && <DataErrorAlert title={t('compare.search-failed', 'Search failed')} error={sets.error} />}
      {sets.loading && (
        <LoadingPlaceholder
          text={t('compare.searching', 'Searching {{target}}…', { target: source?.target ?? '', ...AS_TEXT })}
        />
      )}
      {found && !sets.loading && (
        <p className={styles.note}>
          {Number.isFinite(found.thresholdMs)
            ? t('compare.sets.slow-threshold', '', {
                count: found.slow.length,
                thresholdMs: found.thresholdMs,
                defaultValue_one: 'Slow set: {{count}} trace (≥ {{thresholdMs}} ms)',
                defaultValue_other: 'Slow set: {{count}} traces (≥ {{thresholdMs}} ms)',
              })
            : t('compare.sets.slow', '', {
                count: found.slow.length,
                defaultValue_one: 'Slow set: {{count}} trace',
                defaultValue_other: 'Slow set: {{count}} traces',
              })}
          {t('compare.sets.baseline', '', {
            count: found.baseline.length,
            defaultValue_one: '; baseline: {{count}} trace.',
            defaultValue_other: '; baseline: {{count}} traces.',
          })}
        </p>
      )}
      {model.coverage && !sets.loading && (
        <CoverageLine coverage={model.coverage} fetching={model.fetching} raise={model.raise} traceHref={traceHref} />
      )}
      {sets.value && traceCount < 2 && !sets.loading && (
        <Alert severity="info" title={t('compare.not-enough.title', 'Not enough traces')}>
          <Trans i18nKey="compare.not-enough.body">
            Comparing needs at least one trace on each side. Widen the time range or loosen the query.
          </Trans>
        </Alert>
      )}
      {found && group === 'attribute' && !groupAttr && (
        <Alert severity="info" title={t('compare.pick-attribute.title', 'Pick an attribute key')}>
          <Trans i18nKey="compare.pick-attribute.body">
            Choose the attribute whose values group the comparison; the traces are not fetched again.
          </Trans>
        </Alert>
      )}
      {result && <TraceSetWarnings repaired={result.repaired} traceHref={traceHref} />}
      {(result || model.callTree) && <PathModeSwitch value={model.pathMode} onChange={model.setPathMode} />}
      {result && result.comparison.rows.length > 0 && (
        <ComparisonTable
          rows={result.comparison.rows}
          other={result.comparison.other}
          examples={result.examples}
          traceHref={traceHref}
        />
      )}
      {model.callTree && (
        <CallTreeDiffSection view={model.callTree} rowActions={model.flameActions} traceHref={traceHref} />
      )}
      {model.llmRows.length > 0 && <LlmCompareSection rows={model.llmRows} />}
      {model.agents && <AgentCompareSection comparison={model.agents} />}
    </PluginPage>
  );
}

const getStyles = (theme: GrafanaTheme2) => ({
  note: css({ color: theme.colors.text.secondary }),
});
