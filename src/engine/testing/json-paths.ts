/** Test support: every member of a JSON value as a path of keys and indexes, parents before children. */
export type JsonPath = Array<string | number>;

export function jsonPaths(value: unknown): JsonPath[] {
  const out: JsonPath[] = [];
  const stack: Array<[unknown, JsonPath]> = [[value, []]];
  while (stack.length > 0) {
    const [v, at] = stack.pop()!;
    if (v === null || typeof v !== 'object') {
      continue;
    }
    const entries = Object.entries(v);
    for (const [k] of entries) {
      out.push([...at, Array.isArray(v) ? Number(k) : k]);
    }
    for (let e = entries.length - 1; e >= 0; e--) {
      stack.push([entries[e][1], out[out.length - entries.length + e]]);
    }
  }
  return out;
}

/** `doc` (a fresh copy the caller owns) with the member at `path` replaced by `value`. */
export function replaceAt<T>(doc: T, path: JsonPath, value: unknown): T {
  let node = doc as Record<string | number, unknown>;
  for (const key of path.slice(0, -1)) {
    node = node[key] as Record<string | number, unknown>;
  }
  node[path[path.length - 1]] = value;
  return doc;
}
