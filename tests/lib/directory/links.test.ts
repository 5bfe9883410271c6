import { describe, expect, it } from 'vitest';
import { directoryLinks, getService, type ServiceEntry, serviceLinks, serviceNote } from '../../../lib/directory';

const base: ServiceEntry = {
  id: 'example',
  name: 'Example',
  domains: ['example.com'],
  category: 'other',
  countries: ['*'],
  links: {},
  pausable: false,
  statement: ['EXAMPLE'],
};

describe('getService', () => {
  it('finds a service by id', () => {
    expect(getService('netflix')?.name).toBe('Netflix');
    expect(getService('no-such-service')).toBeUndefined();
  });
});

describe('serviceLinks', () => {
  it('returns the service’s own links', () => {
    const netflix = getService('netflix')!;
    expect(serviceLinks(netflix)).toEqual({
      manage: 'https://www.netflix.com/account',
      cancel: 'https://www.netflix.com/cancelplan',
    });
  });

  it('falls back between manage and cancel', () => {
    expect(serviceLinks({ ...base, links: { manage: 'https://example.com/account' } })).toEqual({
      manage: 'https://example.com/account',
      cancel: 'https://example.com/account',
    });
    expect(serviceLinks({ ...base, links: { cancel: 'https://example.com/cancel' } })).toEqual({
      manage: 'https://example.com/cancel',
      cancel: 'https://example.com/cancel',
    });
    expect(serviceLinks(base)).toEqual({});
  });

  it('gives a pause link only for pausable services', () => {
    const links = { manage: 'https://example.com/account', pause: 'https://example.com/pause' };
    expect(serviceLinks({ ...base, links }).pause).toBeUndefined();
    expect(serviceLinks({ ...base, links, pausable: true }).pause).toBe('https://example.com/pause');
    expect(serviceLinks({ ...base, links: { manage: links.manage }, pausable: true }).pause).toBe(links.manage);
  });

  it('directoryLinks marks links as coming from the directory', () => {
    expect(directoryLinks({ ...base, links: { manage: 'https://example.com/a' } })).toEqual({
      manage: { url: 'https://example.com/a', source: 'directory' },
      cancel: { url: 'https://example.com/a', source: 'directory' },
    });
  });
});

describe('serviceNote', () => {
  it('returns the note in the language, falling back to English', () => {
    const entry = { ...base, notes: { en: '12-month commitment.', nb: '12 måneders binding.' } };
    expect(serviceNote(entry, 'nb')).toBe('12 måneders binding.');
    expect(serviceNote(entry, 'sv')).toBe('12-month commitment.');
    expect(serviceNote(base, 'en')).toBeUndefined();
  });
});

describe('directory entries', () => {
  it('are frozen, so callers cannot change the shared data', () => {
    const netflix = getService('netflix')!;
    expect(Object.isFrozen(netflix)).toBe(true);
    expect(Object.isFrozen(netflix.links)).toBe(true);
    expect(Object.isFrozen(netflix.domains)).toBe(true);
  });
});
