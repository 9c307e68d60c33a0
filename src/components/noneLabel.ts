/**
 * A name the engine gives a group or a GenAI figure, in the user's language: the engine's
 * NONE_LABEL ("(none)", for spans lacking the model, agent, tool or grouping attribute) is worded
 * here; any other name is data and is shown as it is. Group keys and URLs keep the engine's
 * value. O(1).
 */
import { t } from '@grafana/i18n';
import { NONE_LABEL } from '../engine';

export function labelText(label: string): string {
  return label === NONE_LABEL ? t('common.none', '(none)') : label;
}
