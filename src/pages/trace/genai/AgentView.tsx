/**
 * The trace page's agent view: each invoke_agent run of the trace with its duration split into
 * model calls, retrieval, each tool and the agent's own time, with each part's share of the run,
 * and under it the critical path through the run's steps (AgentPathTable.tsx). A run's span can be selected in the waterfall. Numbers come from agentViewModel.ts; definitions
 * in src/engine/DEFINITIONS.md §6.4.
 */
import React, { useMemo } from 'react';
import { css } from '@emotion/css';
import { GrafanaTheme2 } from '@grafana/data';
import { t, Trans } from '@grafana/i18n';
import { Alert, Button, Column, useStyles2 } from '@grafana/ui';
import { AS_TEXT } from '../../../components/i18n';
import { NamedTable } from '../../../components/NamedTable';
import { sortableColumn } from '../../../components/tableColumns';
import { formatDuration } from '../../../components/breakdown';
import type { TraceAnalysis } from '../../../engine';
import { durationColumn, shareColumn, textColumn } from './columns';
import { agentPartName } from '../../../components/agentPartName';
import { labelText } from '../../../components/noneLabel';
import { AgentPart, AgentRunView, AgentView as AgentViewModel } from './agentViewModel';
import { AgentPathTable } from './AgentPathTable';

const columns = (): Array<Column<AgentPart>> => [
  textColumn('part', t('trace.genai.agent.part', 'Part'), (p) => agentPartName(p.kind, p.tool)),
  sortableColumn(
    'calls',
    t('trace.genai.agent.calls', 'Calls'),
    (p) => p.calls ?? undefined,
    (p) => p.calls ?? ''
  ),
  durationColumn('time', t('trace.genai.agent.time', 'Time'), (p) => p.time),
  shareColumn('share', t('trace.genai.agent.share', 'Share of run'), (p) => p.share),
];

const runLabel = (run: AgentRunView) =>
  t('trace.genai.agent.run', 'Agent run {{agent}} ({{spanId}})', {
    agent: labelText(run.agentName),
    spanId: run.spanId,
    ...AS_TEXT,
  });

interface Props {
  view: AgentViewModel;
  /** the trace, with the page's critical path: each run's path through its steps */
  analysis: TraceAnalysis;
  /** selects a span in the waterfall */
  onSelect?: (span: number) => void;
}

export function AgentView({ view, analysis, onSelect }: Props) {
  const styles = useStyles2(getStyles);
  const cols = useMemo(() => columns(), []);
  if (view.runCount === 0) {
    return (
      <Alert severity="info" title={t('trace.genai.agent.none-title', 'No agent runs')}>
        <Trans i18nKey="trace.genai.agent.none-body">
          No span of this trace has gen_ai.operation.name = invoke_agent, so there is no agent run to split.
        </Trans>
      </Alert>
    );
  }
  return (
    <div className={styles.wrap}>
      {view.runs.length < view.runCount && (
        <p className={styles.note}>
          {t('trace.genai.agent.first-runs', '', {
            shown: view.runs.length,
            count: view.runCount,
            defaultValue_one: 'The first {{shown}} of {{count}} agent run.',
            defaultValue_other: 'The first {{shown}} of {{count}} agent runs.',
          })}
        </p>
      )}
      {view.runs.map((run) => (
        <section key={run.span} aria-label={runLabel(run)}>
          <div className={styles.heading}>
            <strong>{labelText(run.agentName)}</strong> {formatDuration(run.duration)}
            {onSelect && (
              <Button fill="text" size="sm" onClick={() => onSelect(run.span)}>
                {t('trace.genai.agent.select', 'Select span {{spanId}}', { spanId: run.spanId })}
              </Button>
            )}
          </div>
          <NamedTable
            label={runLabel(run)}
            columns={cols}
            data={run.parts}
            getRowId={(p) => (p.kind === 'tool' ? `tool ${p.tool}` : p.kind)}
            fit
          />
          <AgentPathTable analysis={analysis} run={run.span} />
        </section>
      ))}
      <p className={styles.note}>
        <Trans i18nKey="trace.genai.agent.rule">
          Each instant of a run goes to the first part with a step running then: model calls, then retrieval, then the
          tool call that started first; own time is when no step runs. The parts add up to the run.
        </Trans>
      </p>
    </div>
  );
}

const getStyles = (theme: GrafanaTheme2) => ({
  wrap: css({ display: 'flex', flexDirection: 'column', gap: theme.spacing(2) }),
  heading: css({ display: 'flex', alignItems: 'center', gap: theme.spacing(1), marginBottom: theme.spacing(0.5) }),
  note: css({ color: theme.colors.text.secondary, fontSize: theme.typography.bodySmall.fontSize }),
});
