/**
 * The first few of a longer list in the user's language: "a, b, c and 2 more" (the items joined
 * by ", ", then how many were left out). Items are data and are not HTML-escaped. O(items).
 */
import { t } from '@grafana/i18n';
import { AS_TEXT } from './i18n';

/** `items`, the first few of `count`, as one text. */
export function listedText(items: ReadonlyArray<string | number>, count: number): string {
  const more = count - items.length;
  const list = items.join(', ');
  return more > 0 ? t('common.and-more', '{{list}} and {{more}} more', { list, more, ...AS_TEXT }) : list;
}
