/** Sends generated traces to an OTLP/HTTP receiver as JSON (`POST <base>/v1/traces`). */
import { GenTrace } from './model';
import { toOtlpJson } from './otlp';

export async function sendTraces(otlpHttpUrl: string, traces: GenTrace[], tracesPerRequest = 25): Promise<void> {
  for (let i = 0; i < traces.length; i += tracesPerRequest) {
    const body = JSON.stringify(toOtlpJson(traces.slice(i, i + tracesPerRequest)));
    const res = await fetch(`${otlpHttpUrl.replace(/\/$/, '')}/v1/traces`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body,
    });
    if (!res.ok) {
      throw new Error(`OTLP receiver at ${otlpHttpUrl} answered ${res.status}: ${(await res.text()).slice(0, 500)}`);
    }
  }
}
