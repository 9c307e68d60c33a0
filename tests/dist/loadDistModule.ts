import fs from 'fs';
import path from 'path';
import { pathToFileURL } from 'url';

export const DIST = path.resolve(__dirname, '../../dist');

/** The module names an AMD bundle asks its host for, read from its `define([...], …)` header. */
export function amdDependencies(file: string): string[] {
  const code = fs.readFileSync(file, 'utf8');
  const match = /define\((\[[^\]]*\])/.exec(code);
  if (!match) {
    throw new Error(`${file} is not an AMD module: no define([...]) call found`);
  }
  return JSON.parse(match[1]);
}

/**
 * Evaluates a built AMD module the way Grafana's SystemJS loader does: each dependency comes from
 * the host (here the real npm packages), and `module.uri` tells webpack where lazy chunks live.
 */
export function loadDistModule<T>(relativePath: string): T {
  const file = path.join(DIST, relativePath);
  const code = fs.readFileSync(file, 'utf8');
  let exported: T | undefined;
  const define = (deps: string[], factory: (...args: unknown[]) => T) => {
    const resolved = deps.map((dep) => (dep === 'module' ? { uri: pathToFileURL(file).href } : require(dep)));
    exported = factory(...resolved);
  };
  new Function('define', code)(define);
  if (!exported) {
    throw new Error(`${relativePath} did not call define()`);
  }
  return exported;
}
