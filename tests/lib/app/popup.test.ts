import { describe, expect, it } from 'vitest';
import { localeSettings } from '../../../lib/app/defaults';
import { PAINT_DEFAULTS, paintSettings, popupSummary, siteFor } from '../../../lib/app/popup';
import { DEFAULT_SETTINGS, Settings } from '../../../lib/model';
import { bundledRates } from '../../../lib/money';
import { endingSoon, totals, upcomingRenewals } from '../../../lib/summary';
import { generateDemo } from '../../../scripts/demo';
import { detection, sub } from '../../helpers';

describe('siteFor', () => {
  const netflix = sub({ id: 'n', service: 'Netflix', domain: 'netflix.com' });
  it('prefers a detection in this tab, with the subscription of its host', () => {
    const d = detection({ hostname: 'netflix.com' });
    expect(siteFor({ id: 7, url: 'https://x.example/' }, [d], [netflix])).toEqual({
      hostname: 'netflix.com',
      detection: d,
      subscription: netflix,
    });
  });
  it('else names the tab’s site and the subscription tracked for it (parent domains too)', () => {
    expect(siteFor({ id: 3, url: 'https://www.help.netflix.com/konto' }, [detection()], [netflix])).toEqual({
      hostname: 'help.netflix.com',
      subscription: netflix,
    });
    expect(siteFor({ id: 3, url: 'https://example.org/' }, [], [netflix])).toEqual({ hostname: 'example.org' });
  });
  it('has nothing for no tab or a non-web tab', () => {
    expect(siteFor(undefined, [], [netflix])).toBeNull();
    expect(siteFor({ id: 3, url: 'chrome://extensions' }, [], [netflix])).toBeNull();
  });
});

describe('popupSummary', () => {
  it('is the totals, the next five renewals in 30 days and what ends within 14 days', () => {
    const ctx = { today: '2026-11-23', base: 'NOK', rates: bundledRates };
    const subs = Array.from({ length: 8 }, (_, i) =>
      sub({ id: `s${i}`, service: `S${i}`, billingAnchor: `2026-12-0${i + 1}` }),
    ).concat(sub({ id: 't', status: 'trial', trialEnd: '2026-11-30', billingAnchor: '2026-11-30' }));
    const s = popupSummary(subs, ctx);
    expect(s.totals).toEqual(totals(subs, ctx));
    expect(s.renewals).toEqual(upcomingRenewals(subs, ctx.today, 30).slice(0, 5));
    expect(s.renewals).toHaveLength(5);
    expect(s.ending).toEqual(endingSoon(subs, ctx.today, 14));
    expect(s.ending.map((e) => e.subscription.id)).toEqual(['t']);
  });

  it('lists the same five renewals as the full list would, on a large varied set', () => {
    const today = '2026-11-23';
    const ctx = { today, base: 'NOK', rates: bundledRates };
    const demo = generateDemo({ subscriptions: 400, charges: 10, today }).subscriptions;
    // Many on the same days, weekly ones, paused, ended and intro prices among them.
    const subs = [
      ...demo,
      sub({ id: 'w', service: 'Weekly', period: 'P1W', billingAnchor: '2026-11-23' }),
      sub({ id: 'e', service: 'Ended', billingAnchor: '2026-11-24', endsOn: '2026-11-20' }),
      sub({ id: 'i', service: 'Intro', billingAnchor: '2026-11-23', introAmountMinor: 100, introEnd: '2027-01-01' }),
    ];
    for (const list of [subs, subs.slice(0, 3), subs.slice(0, 40), []]) {
      expect(popupSummary(list, ctx).renewals).toEqual(upcomingRenewals(list, today, 30).slice(0, 5));
    }
  });
});

describe('paintSettings', () => {
  it('has the schema’s defaults', () => {
    expect(PAINT_DEFAULTS).toEqual({
      baseCurrency: DEFAULT_SETTINGS.baseCurrency,
      language: DEFAULT_SETTINGS.language,
    });
  });
  it('takes a new user’s base currency from the browser, as the store does', () => {
    for (const languages of [['sv-SE'], ['en-GB'], ['da'], ['nb-NO'], ['fi-FI'], []]) {
      expect(paintSettings(undefined, languages)).toEqual({
        baseCurrency: localeSettings(languages).baseCurrency,
        language: 'auto',
      });
    }
    expect(paintSettings(undefined, ['sv-SE'])?.baseCurrency).toBe('SEK');
  });
  it('reads the fields the popup uses from a stored row', () => {
    const row = Settings.parse({
      baseCurrency: 'SEK',
      language: 'da',
      exchangeRates: { date: '2026-11-01', perEur: { EUR: 1, SEK: 11.2 } },
    });
    expect(paintSettings(row)).toEqual({
      baseCurrency: 'SEK',
      language: 'da',
      exchangeRates: { date: '2026-11-01', perEur: { EUR: 1, SEK: 11.2 } },
    });
    expect(paintSettings({ language: 'sv' })).toEqual({ baseCurrency: 'NOK', language: 'sv' });
  });
  it('refuses anything not plainly valid (the popup then waits for the validated path)', () => {
    for (const bad of [
      null,
      'x',
      { baseCurrency: 'kr' },
      { language: 'de' },
      { exchangeRates: { date: '2026-11-01', perEur: { SEK: -1 } } },
      { exchangeRates: { date: '2026-11-01', perEur: { sek: 1 } } },
      { exchangeRates: { perEur: {} } },
    ]) {
      expect(paintSettings(bad)).toBeNull();
    }
  });
});
