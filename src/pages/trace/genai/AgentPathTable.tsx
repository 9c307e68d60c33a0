/**
 * One agent run's "critical path through the agent's steps": the trace's critical path (of the
 * page's mode) inside the run, split into model calls, retrieval, each tool and the agent's own
 * time (engine `agentPaths`, DEFINITIONS.md §6.4), with each part's share of the run's path —
 * which steps the request waited on. The runs of a trace are split once per analysis (O(spans) plus
 * the path's sections), however many runs show a table.
 */
import React, { useMemo } from 'react';
import { css } from '@emotion/css';
import { t } from '@grafana/i18n';
import { GrafanaTheme2 } from '@grafana/data';
import { Column, useStyles2 } from '@grafana/ui';
import { formatDuration } from '../../../components/breakdown';
import { AS_TEXT } from '../../../components/i18n';
import { NamedTable } from '../../../components/NamedTable';
import { agentPaths, AgentRunPath, spanIdOf, TraceAnalysis } from '../../../engine';
import { agentPartName } from '../../../components/agentPartName';
import { durationColumn, shareColumn, textColumn } from './columns';

interface PathPart {
  id: string;
  name: string;
  /** ns */
  time: number;
  /** of the run's critical-path time (NaN when it is 0) */
  share: number;
}

/** Each analysis's runs, split once: every run's table reads them. */
const splitRuns = new WeakMap<TraceAnalysis, AgentRunPath[]>();

function runPath(analysis: TraceAnalysis, run: number): AgentRunPath | undefined {
  let runs = splitRuns.get(analysis);
  if (runs === undefined) {
    runs = agentPaths(analysis);
    splitRuns.set(analysis, runs);
  }
  return runs.find((r) => r.span === run);
}

function parts(path: AgentRunPath): PathPart[] {
  const part = (id: string, name: string, time: number) => ({
    id,
    name,
    time,
    share: path.length > 0 ? time / path.length : NaN,
  });
  return [
    part('model', agentPartName('model'), path.model),
    part('retrieval', agentPartName('retrieval'), path.retrieval),
    ...path.tools.map((x) => part(`tool ${x.tool}`, agentPartName('tool', x.tool), x.time)),
    part('own', agentPartName('own'), path.own),
  ];
}

interface Props {
  /** the trace, with the critical path of the page's mode */
  analysis: TraceAnalysis;
  /** the run's invoke_agent span */
  run: number;
}

export function AgentPathTable({ analysis, run }: Props) {
  const styles = useStyles2(getStyles);
  const columns = useMemo(
    (): Array<Column<PathPart>> => [
      textColumn('part', t('trace.genai.agent-path.part', 'Part'), (p) => p.name),
      durationColumn('time', t('trace.genai.agent-path.time', 'On the critical path'), (p) => p.time),
      shareColumn('share', t('trace.genai.agent-path.share', 'Share of the run’s path'), (p) => p.share),
    ],
    []
  );
  const path = runPath(analysis, run);
  if (!path) {
    return null;
  }
  const title = t('trace.genai.agent-path.title', 'Critical path through the agent’s steps');
  const summary = t('trace.genai.agent-path.summary', '{{length}} of the run’s {{duration}} on the critical path', {
    length: formatDuration(path.length),
    duration: formatDuration(path.duration),
    ...AS_TEXT,
  });
  return (
    <div className={styles.wrap}>
      <div className={styles.heading}>
        <strong>{title}</strong> <span className={styles.note}>{summary}</span>
      </div>
      {path.length === 0 ? (
        <p className={styles.note}>
          {t(
            'trace.genai.agent-path.off-path',
            'The critical path does not run through this run: the request did not wait for it (in this critical-path mode).'
          )}
        </p>
      ) : (
        <NamedTable
          label={t('trace.genai.agent-path.label', 'Critical path through the steps of run {{spanId}}', {
            spanId: spanIdOf(analysis.trace, run),
          })}
          description={t(
            'trace.genai.agent-path.description',
            'The run’s time on the trace’s critical path, by the step the request waited on: a model call if the path is in one, else retrieval, else the outermost tool call; own time otherwise.'
          )}
          columns={columns}
          data={parts(path)}
          getRowId={(p) => p.id}
          fit
        />
      )}
    </div>
  );
}

const getStyles = (theme: GrafanaTheme2) => ({
  wrap: css({ marginTop: theme.spacing(1) }),
  heading: css({ marginBottom: theme.spacing(0.5) }),
  note: css({ color: theme.colors.text.secondary, fontSize: theme.typography.bodySmall.fontSize }),
});
