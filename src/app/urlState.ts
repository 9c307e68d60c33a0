import { useCallback } from 'react';
import { useSearchParams } from 'react-router-dom';

export type UrlPatch = Record<string, string | string[] | undefined>;

/**
 * Page state kept in the URL's query string, so every view is a deep link. `update` merges a
 * patch (undefined or '' removes a key) and, by default, replaces the history entry.
 */
export function useUrlState() {
  const [params, setParams] = useSearchParams();
  const update = useCallback(
    (patch: UrlPatch, options: { push?: boolean } = {}) => {
      setParams(
        (current) => {
          const next = new URLSearchParams(current);
          for (const [key, value] of Object.entries(patch)) {
            next.delete(key);
            for (const v of [value ?? []].flat()) {
              if (v !== '') {
                next.append(key, v);
              }
            }
          }
          return next;
        },
        { replace: !options.push }
      );
    },
    [setParams]
  );
  return { params, update };
}
