/** What global-setup.ts prepared for the specs: the harness URL and the traces it sent. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { generateBatch } from '../generator/batch';
import { TraceTruth } from '../generator/model';
import { stackEnv } from '../integration/stack';

export const XSS = '<img src=x onerror=alert(1)>';

export interface BrowserState {
  harnessUrl: string;
  /** a harness whose Prometheus datasource points at a closed port (Prometheus stopped) */
  noPromHarnessUrl: string;
  truth: TraceTruth[];
  /** the slow outlier (database span 10× its normal draw) whose database span is the batch's slowest */
  outlier: TraceTruth;
  /** the trace whose root span carries the attribute `note` = {@link XSS} */
  xss: TraceTruth;
}

export const stateFile = () => join(stackEnv().stackDir, 'browser-state.json');

export function browserState(): BrowserState {
  return JSON.parse(readFileSync(stateFile(), 'utf8'));
}

/**
 * The request whose answers were recorded from a real Tempo (tests/integration/fixtures/tempo-*.json,
 * served as datasource `tempo`): the first trace of this batch, as src/data/tempo/recorded-batch.test.ts
 * pins it (id 8d3115b67acbe152b049ac86d48a02e0, its self times worked out by hand there); the
 * recorded search `{ status = error }` found only it.
 */
export const recordedTempoTruth = (): TraceTruth =>
  generateBatch({ seed: 3, count: 4, nowUs: 1795255285093000 + 280_000, overrides: { 0: { authFails: true } } })
    .truth[0];
