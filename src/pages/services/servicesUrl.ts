/**
 * The services page's URL state: the selected service (`service`, '' for none) and, within it, the
 * charted operation (`op`, absent for the whole service). Choosing a service clears the operation;
 * choosing the charted operation again goes back to the whole service. O(1).
 */
import type { UrlPatch } from '../../app/urlState';

export interface ServicesUrl {
  /** '' for none */
  service: string;
  /** undefined: the whole service */
  operation?: string;
}

export const readServicesUrl = (params: URLSearchParams): ServicesUrl => ({
  service: params.get('service') ?? '',
  operation: params.get('op') || undefined,
});

export const selectServicePatch = (service: string): UrlPatch => ({ service, op: undefined });

/** Charting `operation`, or the whole service when it is the one charted already. */
export const selectOperationPatch = (operation: string | undefined, url: ServicesUrl): UrlPatch => ({
  op: operation === url.operation ? undefined : operation,
});
