/**
 * The trace page's LLM and agent section, one element to render: `<GenAiSection analysis={…} />`.
 * Tabs for the LLM view, the agent view and the reported async busy/idle time, opening on the
 * agent view when the trace has agent runs, else on the first tab with something to show; each
 * says so when it has nothing. A trace with no GenAI span,
 * no disagg_role span, no agent run and no busy_ns/idle_ns renders nothing. O(spans) per trace,
 * computed once per analysis.
 */
import React, { useMemo, useState } from 'react';
import { css } from '@emotion/css';
import { GrafanaTheme2 } from '@grafana/data';
import { t, Trans } from '@grafana/i18n';
import { Tab, TabsBar, useStyles2 } from '@grafana/ui';
import { TraceAnalysis } from '../../../engine';
import { AgentView } from './AgentView';
import { agentView } from './agentViewModel';
import { AsyncBusyNote } from './AsyncBusyNote';
import { asyncBusyView } from './asyncBusyViewModel';
import { LlmView } from './LlmView';
import { isLlmViewEmpty, llmView } from './llmViewModel';

type GenAiTab = 'llm' | 'agents' | 'async';

interface Props {
  analysis: TraceAnalysis;
  /** selects a span in the waterfall (an agent run's span) */
  onSelect?: (span: number) => void;
}

export function GenAiSection({ analysis, onSelect }: Props) {
  const styles = useStyles2(getStyles);
  const views = useMemo(
    () => ({ llm: llmView(analysis), agents: agentView(analysis), async: asyncBusyView(analysis) }),
    [analysis]
  );
  const filled: Record<GenAiTab, boolean> = {
    llm: !isLlmViewEmpty(views.llm),
    agents: views.agents.runCount > 0,
    async: views.async !== undefined,
  };
  // an agent trace's model calls fill the LLM tab too: its runs are what it is about
  const first = (['agents', 'llm', 'async'] as const).find((tab) => filled[tab]);
  const [chosen, setChosen] = useState<GenAiTab>();
  if (!first) {
    return null;
  }
  const tab = chosen ?? first;
  const tabs: Array<[GenAiTab, string]> = [
    ['llm', t('trace.genai.tab-llm', 'LLM')],
    ['agents', t('trace.genai.tab-agents', 'Agents')],
    ['async', t('trace.genai.tab-async', 'Async busy/idle')],
  ];
  return (
    <section className={styles.wrap} aria-label={t('trace.genai.section', 'LLM and agents')}>
      <h3>
        <Trans i18nKey="trace.genai.heading">LLM and agents</Trans>
      </h3>
      <TabsBar>
        {tabs.map(([id, label]) => (
          <Tab key={id} label={label} active={tab === id} onChangeTab={() => setChosen(id)} />
        ))}
      </TabsBar>
      <div className={styles.content}>
        {tab === 'llm' && <LlmView view={views.llm} />}
        {tab === 'agents' && <AgentView view={views.agents} analysis={analysis} onSelect={onSelect} />}
        {tab === 'async' && <AsyncBusyNote view={views.async} />}
      </div>
    </section>
  );
}

const getStyles = (theme: GrafanaTheme2) => ({
  wrap: css({ marginTop: theme.spacing(3) }),
  content: css({ paddingTop: theme.spacing(2) }),
});
