import { patchedParams, UrlPatch } from '../../app/urlState';
import { readServicesUrl, selectOperationPatch, selectServicePatch } from './servicesUrl';

const url = (text: string) => new URLSearchParams(text);
const applied = (text: string, patch: UrlPatch) => readServicesUrl(patchedParams(url(text), patch));

describe('readServicesUrl', () => {
  it('reads the selected service and operation; none selected by default', () => {
    expect(readServicesUrl(url(''))).toEqual({ service: '', operation: undefined });
    expect(readServicesUrl(url('service=frontend&op=GET+%2Fcart'))).toEqual({
      service: 'frontend',
      operation: 'GET /cart',
    });
    expect(readServicesUrl(url('service=frontend&op='))).toEqual({ service: 'frontend', operation: undefined });
  });
});

describe('selecting', () => {
  it('a service clears the charted operation', () => {
    expect(applied('service=frontend&op=GET+%2Fcart&from=now-1h', selectServicePatch('cart'))).toEqual({
      service: 'cart',
      operation: undefined,
    });
  });

  it('an operation charts it; the charted one again goes back to the whole service', () => {
    const whole = readServicesUrl(url('service=frontend'));
    expect(applied('service=frontend', selectOperationPatch('GET /cart', whole))).toEqual({
      service: 'frontend',
      operation: 'GET /cart',
    });
    const charted = readServicesUrl(url('service=frontend&op=GET+%2Fcart'));
    expect(applied('service=frontend&op=GET+%2Fcart', selectOperationPatch('GET /cart', charted))).toEqual({
      service: 'frontend',
      operation: undefined,
    });
    expect(applied('service=frontend&op=GET+%2Fcart', selectOperationPatch('POST /pay', charted)).operation).toBe(
      'POST /pay'
    );
  });
});
