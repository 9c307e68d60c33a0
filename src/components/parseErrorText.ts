/**
 * A reader's JSON syntax error (engine/errors.ts: a code with the line, column, what was expected
 * and what was found) in the user's language. In en-US it is the error's English message to the
 * letter; `expected` stays the reader's English phrase and `found` the quoted input, neither
 * HTML-escaped (AS_TEXT). O(length of the sentence).
 */
import { t } from '@grafana/i18n';
import type { ParseErrorValues, ParseErrorWords } from '../engine';
import { AS_TEXT } from './i18n';

type Say = { [C in keyof ParseErrorValues]: (v: ParseErrorValues[C]) => string };

const SAY: Say = {
  'json-ends-early': (v) =>
    t(
      'errors.reader.json-ends-early',
      'invalid JSON: the document ends early, at line {{line}}, column {{column}} (character {{character}}), while expecting {{expected}}',
      { ...v, ...AS_TEXT }
    ),
  'json-syntax': (v) =>
    t(
      'errors.reader.json-syntax',
      'invalid JSON at line {{line}}, column {{column}}: expected {{expected}}, found {{found}}',
      { ...v, ...AS_TEXT }
    ),
  'json-wrong-kind': (v) =>
    t(
      'errors.reader.json-wrong-kind',
      'wrong kind of value at line {{line}}, column {{column}}: expected {{expected}}, found {{found}}',
      { ...v, ...AS_TEXT }
    ),
};

/** The reader's error `words` in the user's language. */
export function parseErrorText(words: ParseErrorWords): string {
  const say = SAY[words.code] as (v: ParseErrorWords['values']) => string;
  return say(words.values);
}
