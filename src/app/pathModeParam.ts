/**
 * The critical-path mode in a page's URL: `path=sync` for "synchronous blocking only"; absent (or
 * anything else) for the default, "follow async work and links" (`async`, the engine's
 * `criticalPath`). Pages read it with `readPathMode` and write it with `pathModePatch`.
 */
import type { PathMode } from '../engine';
import type { UrlPatch } from './urlState';

export const PATH_MODE_PARAM = 'path';

export function readPathMode(params: URLSearchParams): PathMode {
  return params.get(PATH_MODE_PARAM) === 'sync' ? 'sync' : 'async';
}

/** The URL patch that selects `mode` (the default leaves the parameter out). */
export function pathModePatch(mode: PathMode): UrlPatch {
  return { [PATH_MODE_PARAM]: mode === 'sync' ? 'sync' : undefined };
}
