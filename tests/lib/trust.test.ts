import { describe, expect, it } from 'vitest';
import { Hostname } from '../../lib/model';
import {
  isUserContent,
  linkAllowed,
  MAX_EUR_PER_MONTH,
  pageVerdict,
  pathMatches,
  plausibleAmount,
} from '../../lib/trust';
import hosts from '../../lib/trust/hosts.json';

describe('which pages are read (lib/trust)', () => {
  it('reads https pages only', () => {
    expect(pageVerdict('https://www.netflix.com/account')).toMatchObject({ ok: true });
    expect(pageVerdict('http://www.netflix.com/account')).toEqual({ ok: false, reason: 'insecure' });
    expect(pageVerdict('not a url')).toEqual({ ok: false, reason: 'not-a-url' });
  });

  it('a blog, a repository page or a shared document is not the service that hosts it', () => {
    for (const url of [
      'https://someone.wordpress.com/2026/11/receipt/',
      'https://someone.blogspot.com/p/kvittering.html',
      'https://writer.substack.com/p/my-plan',
      'https://someone.medium.com/story',
      'https://medium.com/@someone/story',
      'https://someone.github.io/receipt',
      'https://github.com/someone/repo/issues/12',
      'https://github.com/someone/settings',
      'https://gist.github.com/someone/abc',
      'https://gitlab.com/group/project/-/issues/3',
      'https://www.patreon.com/somecreator',
      'https://www.notion.so/Page-123',
      'https://team.notion.site/Receipt-1',
      'https://docs.google.com/document/d/1',
      'https://www-netflix-com.translate.goog/account',
      'https://www.youtube.com/watch?v=x',
      'https://shop.myshopify.com/account',
    ]) {
      const u = new URL(url);
      expect(isUserContent(u.hostname, u.pathname), url).toBe(true);
      expect(pageVerdict(url), url).toEqual({ ok: false, reason: 'user-content' });
    }
  });

  it('the platform’s own account, billing and checkout pages are the service', () => {
    for (const url of [
      'https://github.com/settings/billing/summary',
      'https://github.com/organizations/acme/settings/billing',
      'https://gitlab.com/groups/acme/-/billings',
      'https://gitlab.com/-/profile/billings',
      'https://wordpress.com/me/purchases',
      'https://medium.com/me/settings/membership',
      'https://substack.com/account',
      'https://www.patreon.com/settings/memberships',
      'https://www.youtube.com/paid_memberships',
      'https://apps.apple.com/account/subscriptions',
      'https://play.google.com/store/account/subscriptions',
      'https://www.deezer.com/no/account/subscription',
      'https://acme.slack.com/admin/billing',
      'https://www.netflix.com/account',
      'https://www.viaplay.no/konto',
    ]) {
      const u = new URL(url);
      expect(isUserContent(u.hostname, u.pathname), url).toBe(false);
    }
  });

  it('matches account paths by whole segments, case-insensitively', () => {
    expect(pathMatches('/Settings/billing', '/settings')).toBe(true);
    expect(pathMatches('/settingsx', '/settings')).toBe(false);
    expect(pathMatches('/organizations/acme/settings/billing', '/organizations/*/settings')).toBe(true);
    expect(pathMatches('/organizations', '/organizations/*/settings')).toBe(false);
  });

  it('has well-formed data: hostnames, account paths starting with a slash', () => {
    const all = [...hosts.userSubdomains, ...hosts.userHosts, ...hosts.platforms.flatMap((p) => p.hosts)];
    for (const h of all) expect(Hostname.safeParse(h.replace(/^\*\./, '')).success, h).toBe(true);
    for (const p of hosts.platforms) for (const path of p.accountPaths) expect(path.startsWith('/'), path).toBe(true);
    const platformHosts = hosts.platforms.flatMap((p) => p.hosts);
    for (const list of [hosts.userSubdomains, hosts.userHosts, platformHosts])
      expect(new Set(list).size).toBe(list.length);
    // A host is either user content at every path or a platform with account paths, never both.
    expect(hosts.userHosts.filter((h) => platformHosts.includes(h))).toEqual([]);
  });
});

describe('which links a page may give (lib/trust)', () => {
  const page = 'https://www.storytel.com/no/account';
  it('keeps links to the page’s own site or the service’s directory domains, over https', () => {
    expect(linkAllowed('https://www.storytel.com/cancel', page)).toBe(true);
    expect(linkAllowed('https://login.storytel.com/cancel', page)).toBe(true);
    expect(linkAllowed('https://www.storytel.no/konto', page, ['storytel.com', 'storytel.no'])).toBe(true);
    expect(linkAllowed('https://www.storytel.no/konto', page)).toBe(false);
    expect(linkAllowed('https://storytel-cancel.example/login', page, ['storytel.com'])).toBe(false);
    expect(linkAllowed('http://www.storytel.com/cancel', page)).toBe(false);
    expect(linkAllowed('https://user:pw@www.storytel.com/cancel', page)).toBe(false);
    expect(linkAllowed('javascript:alert(1)', page)).toBe(false);
  });

  it('never to user content, even on the same platform', () => {
    expect(linkAllowed('https://github.com/settings/billing', 'https://github.com/settings/billing/summary')).toBe(
      true,
    );
    expect(linkAllowed('https://github.com/attacker/phish', 'https://github.com/settings/billing/summary')).toBe(false);
  });
});

describe('which amounts a page may state (lib/trust)', () => {
  it('believes household prices and refuses absurd ones, per period', () => {
    expect(plausibleAmount(12900, 'NOK', 'P1M')).toBe(true);
    expect(plausibleAmount(999_999_999_900, 'USD', 'P1M')).toBe(false);
    const capEur = MAX_EUR_PER_MONTH * 100;
    expect(plausibleAmount(capEur, 'EUR', 'P1M')).toBe(true);
    expect(plausibleAmount(capEur + 100, 'EUR', 'P1M')).toBe(false);
    expect(plausibleAmount(capEur * 12, 'EUR', 'P1Y')).toBe(true);
    expect(plausibleAmount(capEur, 'EUR', 'P1W')).toBe(false);
    // A charge (no period) may be a year's worth.
    expect(plausibleAmount(capEur * 12, 'EUR')).toBe(true);
    expect(plausibleAmount(capEur * 13, 'EUR')).toBe(false);
    // Other currencies through the bundled rates: 100,000 NOK a month is past the cap, 50,000 is not.
    expect(plausibleAmount(10_000_000 * 10, 'NOK', 'P1M')).toBe(false);
    expect(plausibleAmount(5_000_000, 'NOK', 'P1M')).toBe(true);
  });
});
