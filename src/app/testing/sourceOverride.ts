/**
 * Test helper: lets a page test hand the pages its own TraceSource. In the test file:
 * `jest.mock('<…>/sources', () => jest.requireActual('<…>/app/testing/sourceOverride').sourcesWithOverride())`,
 * then `setTestSource(source)` before rendering; without one, pages get the real source.
 */
import type { SourceRef, TraceSource } from '../../sources/types';

const override: { source?: TraceSource } = {};

/** The source the next pages get (undefined: the real one); reset after each test. */
export function setTestSource(source: TraceSource | undefined): void {
  override.source = source;
}

afterEach(() => setTestSource(undefined));

/** The sources module with `createTraceSource` answering the test's source when there is one. */
export function sourcesWithOverride() {
  const actual = jest.requireActual('../../sources');
  return {
    ...actual,
    createTraceSource: (ref: SourceRef): TraceSource => override.source ?? actual.createTraceSource(ref),
  };
}
