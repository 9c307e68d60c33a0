import { useCallback } from 'react';
import { useSearchParams } from 'react-router-dom';

export type UrlPatch = Record<string, string | string[] | undefined>;

/** `params` with `patch` merged in: each key of the patch replaced by its values (undefined or '' removes it). */
export function patchedParams(params: URLSearchParams, patch: UrlPatch): URLSearchParams {
  const next = new URLSearchParams(params);
  for (const [key, value] of Object.entries(patch)) {
    next.delete(key);
    for (const v of [value ?? []].flat()) {
      if (v !== '') {
        next.append(key, v);
      }
    }
  }
  return next;
}

/**
 * Page state kept in the URL's query string, so every view is a deep link. `update` merges a
 * patch (patchedParams) and, by default, replaces the history entry.
 */
export function useUrlState() {
  const [params, setParams] = useSearchParams();
  const update = useCallback(
    (patch: UrlPatch, options: { push?: boolean } = {}) => {
      setParams((current) => patchedParams(current, patch), { replace: !options.push });
    },
    [setParams]
  );
  return { params, update };
}
