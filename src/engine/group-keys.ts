/**
 * The attribute keys offered first wherever a grouping's key is picked (the breakdown panel's
 * option, the trace and compare pages): the OpenTelemetry GenAI keys and the custom keys AI-agent
 * and LLM-serving platforms set (issue #15). `commonKeysFirst(keys)`: the suggested keys present
 * in `keys`, in SUGGESTED_GROUP_KEYS order, then the other keys sorted; each key once.
 * O(k log k) for k keys.
 */
import { DISAGG_ROLE } from './genai-disagg';
import { OPERATION_ATTRIBUTE } from './genai';
import { MODEL_ATTRIBUTES } from './grouping';

export const SUGGESTED_GROUP_KEYS: readonly string[] = [
  MODEL_ATTRIBUTES.request,
  OPERATION_ATTRIBUTE,
  'gen_ai.agent.name',
  'gen_ai.tool.name',
  MODEL_ATTRIBUTES.response,
  DISAGG_ROLE,
  'app_id',
  'uid',
  'chat_id',
  'sid',
];

export function commonKeysFirst(keys: Iterable<string>): string[] {
  const present = new Set(keys);
  const first = SUGGESTED_GROUP_KEYS.filter((k) => present.has(k));
  first.forEach((k) => present.delete(k));
  return [...first, ...[...present].sort()];
}
