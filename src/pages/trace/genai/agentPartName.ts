/**
 * The name of a part of an agent run in the user's language — "Model calls", "Retrieval",
 * "Tool search", "Own time" — for the run's split (AgentView) and its critical path
 * (AgentPathTable), which divide a run into the same parts (DEFINITIONS.md §6.4). O(1).
 */
import { t } from '@grafana/i18n';
import { AS_TEXT } from '../../../components/i18n';
import type { AgentPartKind } from './agentViewModel';

/** `tool`: the tool's name (gen_ai.tool.name) of a tool part */
export function agentPartName(kind: AgentPartKind, tool?: string): string {
  switch (kind) {
    case 'model':
      return t('trace.genai.agent.part-model', 'Model calls');
    case 'retrieval':
      return t('trace.genai.agent.part-retrieval', 'Retrieval');
    case 'tool':
      return t('trace.genai.agent.part-tool', 'Tool {{tool}}', { tool, ...AS_TEXT });
    case 'own':
      return t('trace.genai.agent.part-own', 'Own time');
  }
}
