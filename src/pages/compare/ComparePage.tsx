/**
 * Compare two trace sets on the page's trace source (Tempo or Jaeger): by default the slowest N%
 * of one root operation's traces (a structured search, kept to the hits with that root) against
 * the rest; where the source takes TraceQL, also one TraceQL query split the same way, or two
 * queries. Renders what `useCompareModel` returns: the form, the sets found, the coverage line
 * (what the comparison is computed from, fetch progress with Cancel, "Use N traces"), the repaired
 * traces, the critical-path mode both use, the ranked differences and the call-tree diff.
 */
import React from 'react';
import { css } from '@emotion/css';
import { GrafanaTheme2 } from '@grafana/data';
import { PluginPage } from '@grafana/runtime';
import { Alert, LoadingPlaceholder, useStyles2 } from '@grafana/ui';
import { DataErrorAlert } from '../../components/DataErrorAlert';
import { CoverageLine } from '../../components/CoverageLine';
import { PathModeSwitch } from '../../components/PathModeSwitch';
import { QueryContextBar } from '../../components/QueryContextBar';
import { CallTreeDiffSection } from './CallTreeDiffSection';
import { CompareForm } from './CompareForm';
import { ComparisonTable } from './ComparisonTable';
import { TraceSetWarnings } from './TraceSetWarnings';
import { GROUPS } from './compareUrl';
import { useCompareModel } from './useCompareModel';

export default function ComparePage() {
  const styles = useStyles2(getStyles);
  const model = useCompareModel();
  const { context, source, traceql, maxTraces, request, sets, traceCount, result, traceHref } = model;
  const { mode, svc, op, q, pct, slowQ, baseQ, group } = request;

  return (
    <PluginPage>
      <h2>Compare trace sets</h2>
      <QueryContextBar context={context} show={['trace', 'range']} />
      {source && (
        <CompareForm
          source={source}
          seconds={context.seconds}
          mode={mode}
          group={group}
          groups={GROUPS}
          initial={{ svc, op, q, slowQ, baseQ, pct: String(pct) }}
          onRun={model.run}
          onMode={model.setMode}
          onGroup={model.setGroup}
        />
      )}
      {source && request.unsupported && (
        <Alert severity="warning" title={`${source.target} does not take TraceQL`}>
          The link asked to compare traces chosen by TraceQL, which this source cannot run. Compare the slowest traces
          of a root operation with the rest instead.
        </Alert>
      )}
      {source && !request.ready && (
        <Alert severity="info" title="Choose what to compare">
          Pick a root service and span name{traceql ? ' (or write TraceQL)' : ''} to compare its slowest traces with the
          rest{traceql ? ', or give two queries' : ''}. Up to {maxTraces} traces are fetched (change the limit in the
          app settings).
        </Alert>
      )}
      {sets.error && <DataErrorAlert title="Search failed" error={sets.error} />}
      {sets.loading && <LoadingPlaceholder text={`Searching ${source?.target}…`} />}
      {sets.value && !sets.loading && (
        <p className={styles.note}>
          Slow set: {sets.value.slow.length} traces
          {Number.isFinite(sets.value.thresholdMs) ? ` (≥ ${sets.value.thresholdMs} ms)` : ''}; baseline:{' '}
          {sets.value.baseline.length} traces.
        </p>
      )}
      {model.coverage && !sets.loading && (
        <CoverageLine coverage={model.coverage} fetching={model.fetching} raise={model.raise} traceHref={traceHref} />
      )}
      {sets.value && traceCount < 2 && !sets.loading && (
        <Alert severity="info" title="Not enough traces">
          Comparing needs at least one trace on each side. Widen the time range or loosen the query.
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
    </PluginPage>
  );
}

const getStyles = (theme: GrafanaTheme2) => ({
  note: css({ color: theme.colors.text.secondary }),
});
