/**
 * The trace page's agent view: each invoke_agent run of the trace with its duration split into
 * model calls, retrieval, each tool and the agent's own time, with each part's share of the run.
 * A run's span can be selected in the waterfall. Numbers come from agentViewModel.ts; definitions
 * in src/engine/DEFINITIONS.md §6.4.
 */
import React from 'react';
import { css } from '@emotion/css';
import { GrafanaTheme2 } from '@grafana/data';
import { Alert, Button, Column, useStyles2 } from '@grafana/ui';
import { NamedTable } from '../../../components/NamedTable';
import { sortableColumn } from '../../../components/tableColumns';
import { formatDuration } from '../../../components/breakdown';
import { durationColumn, shareColumn, textColumn } from './columns';
import { AgentPart, AgentRunView, AgentView as AgentViewModel } from './agentViewModel';

const COLUMNS: Array<Column<AgentPart>> = [
  textColumn('part', 'Part', (p) => p.label),
  sortableColumn(
    'calls',
    'Calls',
    (p) => p.calls ?? undefined,
    (p) => p.calls ?? ''
  ),
  durationColumn('time', 'Time', (p) => p.time),
  shareColumn('share', 'Share of run', (p) => p.share),
];

const runName = (run: AgentRunView) => `${run.agentName} (${run.spanId})`;

interface Props {
  view: AgentViewModel;
  /** selects a span in the waterfall */
  onSelect?: (span: number) => void;
}

export function AgentView({ view, onSelect }: Props) {
  const styles = useStyles2(getStyles);
  if (view.runCount === 0) {
    return (
      <Alert severity="info" title="No agent runs">
        No span of this trace has gen_ai.operation.name = invoke_agent, so there is no agent run to split.
      </Alert>
    );
  }
  return (
    <div className={styles.wrap}>
      {view.runs.length < view.runCount && (
        <p className={styles.note}>
          The first {view.runs.length} of {view.runCount} agent runs.
        </p>
      )}
      {view.runs.map((run) => (
        <section key={run.span} aria-label={`Agent run ${runName(run)}`}>
          <div className={styles.heading}>
            <strong>{run.agentName}</strong> {formatDuration(run.duration)}
            {onSelect && (
              <Button fill="text" size="sm" onClick={() => onSelect(run.span)}>
                Select span {run.spanId}
              </Button>
            )}
          </div>
          <NamedTable
            label={`Agent run ${runName(run)}`}
            columns={COLUMNS}
            data={run.parts}
            getRowId={(p) => p.label}
            fit
          />
        </section>
      ))}
      <p className={styles.note}>
        Each instant of a run goes to the first part with a step running then: model calls, then retrieval, then the
        tool call that started first; own time is when no step runs. The parts add up to the run.
      </p>
    </div>
  );
}

const getStyles = (theme: GrafanaTheme2) => ({
  wrap: css({ display: 'flex', flexDirection: 'column', gap: theme.spacing(2) }),
  heading: css({ display: 'flex', alignItems: 'center', gap: theme.spacing(1), marginBottom: theme.spacing(0.5) }),
  note: css({ color: theme.colors.text.secondary, fontSize: theme.typography.bodySmall.fontSize }),
});
