import { describe, expect, it } from 'vitest';
import { matchServiceName, withDirectoryFacts } from '../../../lib/app/match';

describe('matching typed names to the directory', () => {
  it('finds services whatever the case, spacing or plus sign', () => {
    expect(matchServiceName('netflix')?.id).toBe('netflix');
    expect(matchServiceName('Disney +')?.id).toBe('disney-plus');
    expect(matchServiceName('My own gym')).toBeUndefined();
  });
  it('fills id, domain and category of a new subscription, keeping what the user chose', () => {
    expect(withDirectoryFacts({ service: 'Netflix', category: 'other' })).toMatchObject({
      serviceId: 'netflix',
      domain: 'netflix.com',
      category: 'video',
    });
    expect(withDirectoryFacts({ service: 'Netflix', category: 'gaming' })).toMatchObject({ category: 'gaming' });
    expect(withDirectoryFacts({ service: 'Unknown thing', category: 'other' })).toEqual({
      service: 'Unknown thing',
      category: 'other',
    });
  });
});
