/**
 * Combobox option loaders for the search forms, from the page's TraceSource over the current
 * range: services, operations (of one service, or of all where the source allows), and — where
 * the source has autocomplete — attribute names per scope and values per attribute. One loader
 * per key, kept stable across renders so a Combobox does not reload; matching is a
 * case-insensitive substring filter; a failed lookup gives no options (the search still runs).
 */
import { useMemo } from 'react';
import { ComboboxOption } from '@grafana/ui';
import type { SearchRange, TraceSource } from '../sources/types';

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

const none: Loader = async () => [];

export function useSearchSuggestions(source: TraceSource | undefined, { start, end }: SearchRange) {
  return useMemo(() => {
    const cache = new Map<string, Loader>();
    const cached = (key: string, load: (s: TraceSource) => Promise<string[]>) => {
      if (!source) {
        return none;
      }
      if (!cache.has(key)) {
        cache.set(
          key,
          filtered(() => load(source))
        );
      }
      return cache.get(key)!;
    };
    const range = { start, end };
    return {
      services: () => cached('services', (s) => s.services(range)),
      /** operations of `service` ('' for every service, where the source can list them) */
      operations: (service: string) => cached(`ops:${service}`, (s) => s.operations(service, range)),
      /** attribute names in one scope (none without autocomplete) */
      names: (scope: 'span' | 'resource') => cached(`t:${scope}`, (s) => s.tagNames(scope, range)),
      /** values of a scoped attribute such as `span.http.route` (none without autocomplete) */
      values: (tag: string) => cached(`v:${tag}`, (s) => s.tagValues(tag, range)),
    };
  }, [source, start, end]);
}
