/**
 * Combobox option loaders backed by Tempo's autocomplete (tag names per scope, values per tag) for
 * the current datasource and range. One loader per tag, kept stable across renders so a Combobox
 * does not reload; matching is a case-insensitive substring filter; failures give no options.
 */
import { useMemo } from 'react';
import { ComboboxOption } from '@grafana/ui';
import { TagScope, TempoClient, TimeRange } from '../data';

const LIMIT = 200;

type Loader = (input: string) => Promise<Array<ComboboxOption<string>>>;

function filtered(load: () => Promise<string[]>): Loader {
  return async (input) => {
    try {
      const needle = input.toLowerCase();
      return (await load()).filter((v) => v.toLowerCase().includes(needle)).map((v) => ({ label: v, value: v }));
    } catch {
      return [];
    }
  };
}

export function useTagSuggestions(tempo: TempoClient, { start, end }: TimeRange) {
  return useMemo(() => {
    const cache = new Map<string, Loader>();
    const cached = (key: string, load: () => Promise<string[]>) => {
      if (!cache.has(key)) {
        cache.set(key, filtered(load));
      }
      return cache.get(key)!;
    };
    return {
      /** values of a scoped tag such as `resource.service.name` or `name` */
      values: (tag: string) =>
        cached(`v:${tag}`, async () => (await tempo.tagValues(tag, { start, end, limit: LIMIT })).map((v) => v.value)),
      /** tag names in one scope */
      names: (scope: TagScope) =>
        cached(`t:${scope}`, async () =>
          (await tempo.tagNames({ start, end, scope, limit: LIMIT })).flatMap((t) => t.tags)
        ),
    };
  }, [tempo, start, end]);
}
