/**
 * The name of a part of an agent run in the user's language — "Model calls", "Retrieval",
 * "Tool search", "Own time" — for the trace page's run split (AgentView) and critical path
 * (AgentPathTable) and the compare page's slow vs baseline runs, which divide a run into the same
 * parts (engine `AgentPartKind`, DEFINITIONS.md §6.4). O(1).
 */
import { t } from '@grafana/i18n';
import type { AgentPartKind } from '../engine';
import { AS_TEXT } from './i18n';
import { labelText } from './noneLabel';

/** `tool`: the tool's name (gen_ai.tool.name, the engine's "(none)" when absent) of a tool part */
export function agentPartName(kind: AgentPartKind, tool = ''): string {
  switch (kind) {
    case 'model':
      return t('components.agent-part.model', 'Model calls');
    case 'retrieval':
      return t('components.agent-part.retrieval', 'Retrieval');
    case 'tool':
      return t('components.agent-part.tool', 'Tool {{tool}}', { tool: labelText(tool), ...AS_TEXT });
    case 'own':
      return t('components.agent-part.own', 'Own time');
  }
}
