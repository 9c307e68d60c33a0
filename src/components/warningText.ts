/**
 * A loaded trace's warning in the user's language. The engine reports each repair as a kind and the
 * count of spans (or cycles) it touched (engine/warnings.ts); this words it, with the plural the
 * count needs. The source's note that it sent only part of the trace (`partial-trace`) is its
 * DataError, said by errorText.ts. A reader's note on its input (kind `input`) is worded by its
 * code (inputWarningText.ts), else shown as its English message. O(length of the sentence).
 */
import { t } from '@grafana/i18n';
import type { LoadWarning } from '../loading';
import { errorText } from './errorText';
import { inputWarningText } from './inputWarningText';

export function warningText(w: LoadWarning): string {
  if (w.kind === 'partial-trace') {
    return errorText(w.error);
  }
  if (w.kind === 'input') {
    return w.input ? inputWarningText(w.input) : w.message;
  }
  const { count } = w;
  switch (w.kind) {
    case 'duplicateSpanId':
      return t('warnings.duplicate-span-id', '', {
        count,
        defaultValue_one: "{{count}} span repeats another span's id; children attach to the earliest-starting one",
        defaultValue_other: "{{count}} spans repeat another span's id; children attach to the earliest-starting one",
      });
    case 'orphan':
      return t('warnings.orphan', '', {
        count,
        defaultValue_one: '{{count}} span names a parent that is not in the trace; shown as a root',
        defaultValue_other: '{{count}} spans name a parent that is not in the trace; shown as roots',
      });
    case 'cycle':
      return t('warnings.cycle', '', {
        count,
        defaultValue_one:
          '{{count}} parent cycle found; it was broken at its earliest-starting span, which became a root',
        defaultValue_other:
          '{{count}} parent cycles found; each was broken at its earliest-starting span, which became a root',
      });
    case 'clockSkew':
      return t('warnings.clock-skew', '', {
        count,
        defaultValue_one:
          '{{count}} span starts before its parent or (as a server) ends after its client; clipped to the parent for analysis',
        defaultValue_other:
          '{{count}} spans start before their parent or (as a server) end after their client; clipped to the parent for analysis',
      });
    case 'childOutlivesParent':
      return t('warnings.child-outlives-parent', '', {
        count,
        defaultValue_one: '{{count}} span ends after its parent (asynchronous work); kept as it is',
        defaultValue_other: '{{count}} spans end after their parent (asynchronous work); kept as they are',
      });
  }
}
