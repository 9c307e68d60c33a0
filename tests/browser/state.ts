/** What global-setup.ts prepared for the specs: the harness URL and the traces it sent. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
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
