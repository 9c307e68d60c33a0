/**
 * A reader's note on its input (engine/input-warnings.ts: a code and its values) in the user's
 * language, with the plural its count needs; the values are the reader's (ids, Jaeger's own
 * texts, key lists) and are not HTML-escaped (AS_TEXT). A note inside a stitched trace's note is
 * worded the same way. O(length of the sentence).
 */
import { t } from '@grafana/i18n';
import type { InputWarning, InputWarningValues } from '../engine';
import { AS_TEXT } from './i18n';
import { listedText } from './listedText';

type Say = { [C in keyof InputWarningValues]: (v: InputWarningValues[C]) => string };

const SAY: Say = {
  'mixed-trace-ids': (v) =>
    t('warnings.input.mixed-trace-ids', 'Spans of more than one trace: {{first}} and {{other}} (analysed as one)', {
      ...v,
      ...AS_TEXT,
    }),
  'times-unset': (v) =>
    t('warnings.input.times-unset', '', {
      count: v.count,
      spans: listedText(v.spans, v.count),
      defaultValue_one:
        '{{count}} span ({{spans}}) has no start or end time; taken from its children and parent (else zero duration)',
      defaultValue_other:
        '{{count}} spans ({{spans}}) have no start or end time; taken from their children and parent (else zero duration)',
      ...AS_TEXT,
    }),
  'end-before-start': (v) =>
    t('warnings.input.end-before-start', '', {
      count: v.count,
      spans: listedText(v.spans, v.count),
      defaultValue_one: '{{count}} span ({{spans}}) has an end before its start; its duration is taken as 0',
      defaultValue_other: '{{count}} spans ({{spans}}) have an end before their start; their duration is taken as 0',
      ...AS_TEXT,
    }),
  'no-spans': (v) =>
    v.unknownKeys
      ? t(
          'warnings.input.no-spans-unknown-keys',
          'the document has no spans: {{resources}} resource entries and {{scopes}} scope lists found; fields not recognised in them: {{unknownKeys}}',
          { ...v, ...AS_TEXT }
        )
      : t(
          'warnings.input.no-spans',
          'the document has no spans: {{resources}} resource entries and {{scopes}} scope lists found',
          v
        ),
  'untimed-events': ({ count }) =>
    t('warnings.input.untimed-events', '', {
      count,
      defaultValue_one: "{{count}} event has no time (absent or 0); it is placed at its span's start",
      defaultValue_other: "{{count}} events have no time (absent or 0); each is placed at its span's start",
    }),
  'jaeger-trace-warning': (v) => t('warnings.input.jaeger-trace-warning', 'Jaeger: {{text}}', { ...v, ...AS_TEXT }),
  'jaeger-more-trace-warnings': ({ count }) =>
    t('warnings.input.jaeger-more-trace-warnings', '', {
      count,
      defaultValue_one: 'Jaeger: {{count}} more trace warning',
      defaultValue_other: 'Jaeger: {{count}} more trace warnings',
    }),
  'jaeger-span-warnings': (v) =>
    t('warnings.input.jaeger-span-warnings', '', {
      count: v.count,
      example: v.example,
      defaultValue_one: 'Jaeger flagged {{count}} span warning: {{example}}',
      defaultValue_other: 'Jaeger flagged {{count}} span warnings, e.g. {{example}}',
      ...AS_TEXT,
    }),
  'jaeger-errors': (v) =>
    t('warnings.input.jaeger-errors', 'Jaeger reported errors: {{errors}}', {
      errors: v.errors.join('; '),
      ...AS_TEXT,
    }),
  'zipkin-shared-ids': ({ count }) =>
    t('warnings.input.zipkin-shared-ids', '', {
      count,
      defaultValue_one:
        '{{count}} span id is shared by a client and a server span: the server half is nested under its client half with a derived id',
      defaultValue_other:
        '{{count}} span ids are shared by a client and a server span: each server half is nested under its client half with a derived id',
    }),
  'frame-bad-rows': (v) =>
    t('warnings.input.frame-bad-rows', '', {
      count: v.count,
      rows: listedText(v.rows, v.count),
      defaultValue_one:
        '{{count}} row of the trace frame (row {{rows}}) has a startTime or duration that is negative, infinite or beyond the year 2255; taken as unknown',
      defaultValue_other:
        '{{count}} rows of the trace frame (rows {{rows}}) have a startTime or duration that is negative, infinite or beyond the year 2255; taken as unknown',
      ...AS_TEXT,
    }),
  'file-traces-without-spans': (v) =>
    t('warnings.input.file-traces-without-spans', '', {
      count: v.count,
      traces: listedText(v.traces, v.count),
      defaultValue_one: '{{count}} trace without spans left out: {{traces}}',
      defaultValue_other: '{{count}} traces without spans left out: {{traces}}',
      ...AS_TEXT,
    }),
  'file-repeated-trace': (v) =>
    t(
      'warnings.input.file-repeated-trace',
      'Trace {{traceId}} appears {{times}} times in "data"; each is shown as it is',
      { ...v, ...AS_TEXT }
    ),
  'in-trace': (v) =>
    t('warnings.input.in-trace', 'Trace {{traceId}}: {{note}}', {
      traceId: v.traceId,
      note: inputWarningText(v.note),
      ...AS_TEXT,
    }),
};

/** The note in the user's language; its English message when its code is not known here. */
export function inputWarningText(w: InputWarning): string {
  const say = SAY[w.code] as ((v: InputWarning['values']) => string) | undefined;
  return say ? say(w.values) : w.message;
}
