import { describe, expect, it } from 'vitest';
import { salvageDetection } from '../../../lib/model/detection';

const result = {
  kind: 'confirmation',
  service: { name: 'Viaplay', domain: 'viaplay.no' },
  subscription: { amountMinor: 12900, currency: 'NOK', period: 'P1M' },
  charges: [{ date: '2026-10-03', amountMinor: 12900, currency: 'NOK' }],
  links: {},
};

describe('salvageDetection', () => {
  it('keeps a valid detection as it is', () => {
    expect(salvageDetection(result)).toEqual(result);
  });

  it('drops only the fields that fail the schema (javascript: links, over-long names, bad charges)', () => {
    const links = salvageDetection({
      ...result,
      links: { cancel: 'javascript:alert(1)', manage: 'https://www.viaplay.no/konto' },
    });
    expect(links?.links).toEqual({ manage: 'https://www.viaplay.no/konto' });
    expect(links?.subscription).toEqual(result.subscription);
    const long = salvageDetection({ ...result, service: { name: 'x'.repeat(500), domain: 'viaplay.no' } });
    expect(long?.service).toBeNull();
    expect(long?.charges).toEqual(result.charges);
    const charges = salvageDetection({
      ...result,
      charges: [{ date: '2026-02-30', amountMinor: 1, currency: 'NOK' }, ...result.charges],
    });
    expect(charges?.charges).toEqual(result.charges);
    const period = salvageDetection({ ...result, subscription: { ...result.subscription, period: 'monthly' } });
    expect(period?.subscription).toEqual({ amountMinor: 12900, currency: 'NOK' });
  });

  it('gives null when not even the kind is valid', () => {
    expect(salvageDetection({ ...result, kind: 'pwned' })).toBeNull();
    expect(salvageDetection('nothing')).toBeNull();
    expect(salvageDetection(null)).toBeNull();
  });
});
