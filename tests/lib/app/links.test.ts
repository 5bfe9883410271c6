import { describe, expect, it } from 'vitest';
import { effectiveLinks } from '../../../lib/app/links';

const site = ['netflix.com'];

describe('the links a subscription shows', () => {
  it('the user’s own link first, then an accepted page link, then links seen on the service’s pages, then the directory', () => {
    const directory = { cancel: 'https://help.netflix.com/cancel', manage: 'https://www.netflix.com/account' };
    const links = effectiveLinks(
      {
        cancel: { url: 'https://mine.example/cancel', source: 'user' },
        pause: { url: 'https://www.netflix.com/pause', source: 'page', acceptedAt: '2026-11-01' },
      },
      { manage: { url: 'https://www.netflix.com/YourAccount', source: 'page' } },
      directory,
      site,
    );
    expect(links.cancel?.url).toBe('https://mine.example/cancel');
    expect(links.pause?.url).toBe('https://www.netflix.com/pause');
    expect(links.manage?.url).toBe('https://www.netflix.com/YourAccount');
  });

  it('never shows a page link nobody accepted that points off the service’s site (stored by an older version)', () => {
    const planted = { url: 'https://netflix-cancel.example/login', source: 'page' as const, seenAt: '2026-11-20' };
    const links = effectiveLinks(
      { cancel: planted },
      { manage: planted },
      { cancel: 'https://help.netflix.com/cancel' },
      site,
    );
    expect(links.cancel).toEqual({ url: 'https://help.netflix.com/cancel', source: 'directory' });
    expect(links.manage).toBeUndefined();
    // On the service's own site, such a link is shown.
    const own = { url: 'https://www.netflix.com/cancelplan', source: 'page' as const };
    expect(effectiveLinks({ cancel: own }, {}, undefined, site).cancel).toEqual(own);
  });
});
