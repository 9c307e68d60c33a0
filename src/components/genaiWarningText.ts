/**
 * A GenAI or async busy/idle warning in the user's language. The engine reports each value its
 * figures left out as the span (label and id) and a code with the values it is about (engine
 * genai.ts `GenAiProblem`, async-busy.ts `BusyIdleProblem`); this words it as one line —
 * "service: name (span id): why; what follows" — with durations through formatDuration and the
 * attribute's raw text quoted as it came. O(problems).
 */
import { t } from '@grafana/i18n';
import { BUSY_NS, BusyIdleProblem, BusyIdleWarning, GenAiProblem, GenAiWarning, IDLE_NS, WarnedSpan } from '../engine';
import { formatDuration } from './breakdown/format';
import { AS_TEXT } from './i18n';

/** "fe: chat (00000000000000c2): …" */
function spanLine(w: WarnedSpan, problem: string): string {
  return t('components.genai-warning.line', '{{span}} ({{spanId}}): {{problem}}', {
    span: w.spanLabel,
    spanId: w.spanId,
    problem,
    ...AS_TEXT,
  });
}

function genAiProblemText(p: GenAiProblem): string {
  switch (p.code) {
    case 'ttft-not-ms':
      return t('components.genai-warning.ttft-not-ms', "{{attribute}} '{{text}}' is not a number of ms ≥ 0; not used", {
        attribute: p.attribute,
        text: p.text,
        ...AS_TEXT,
      });
    case 'tokens-not-count':
      return t(
        'components.genai-warning.tokens-not-count',
        "{{attribute}} '{{text}}' is not a whole number ≥ 0; not used",
        { attribute: p.attribute, text: p.text, ...AS_TEXT }
      );
    case 'first-token-before-start':
      return t(
        'components.genai-warning.first-token-before-start',
        'its {{event}} event is before the span starts; not used',
        { event: p.event, ...AS_TEXT }
      );
    case 'ttft-longer-than-span':
      return t(
        'components.genai-warning.ttft-longer-than-span',
        'time to first token ({{ttft}}) is longer than the span ({{duration}}); no decode time',
        { ttft: formatDuration(p.ttft), duration: formatDuration(p.duration), ...AS_TEXT }
      );
  }
}

function busyIdleProblemText(p: BusyIdleProblem): string {
  switch (p.code) {
    case 'missing':
      return t('components.genai-warning.busy-idle-missing', 'has no {{attribute}}', {
        attribute: p.attribute,
        ...AS_TEXT,
      });
    case 'not-whole-ns':
      return t('components.genai-warning.busy-idle-not-whole', "{{attribute}} '{{text}}' is not a whole number of ns", {
        attribute: p.attribute,
        text: p.text,
        ...AS_TEXT,
      });
    case 'negative':
      return t('components.genai-warning.busy-idle-negative', '{{attribute}} {{text}} is negative', {
        attribute: p.attribute,
        text: p.text,
        ...AS_TEXT,
      });
    case 'over-duration':
      return t(
        'components.genai-warning.busy-idle-over-duration',
        "{{busy}} + {{idle}} = {{sum}} is more than {{slack}} over the span's duration, {{duration}}",
        {
          busy: BUSY_NS,
          idle: IDLE_NS,
          sum: formatDuration(p.sum),
          slack: formatDuration(p.slack),
          duration: formatDuration(p.duration),
          ...AS_TEXT,
        }
      );
  }
}

/** A value of a GenAI span that was left out, and why. */
export function genAiWarningText(w: GenAiWarning): string {
  return spanLine(w, genAiProblemText(w.problem));
}

/** A span whose busy_ns/idle_ns were left out, and why (one or two reasons). */
export function busyIdleWarningText(w: BusyIdleWarning): string {
  const reasons = w.problems
    .map(busyIdleProblemText)
    .reduce((first, second) =>
      t('components.genai-warning.busy-idle-and', '{{first}} and {{second}}', { first, second, ...AS_TEXT })
    );
  return spanLine(
    w,
    t('components.genai-warning.busy-idle-not-used', '{{reasons}}; not used', { reasons, ...AS_TEXT })
  );
}
