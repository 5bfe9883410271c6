import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS, type Settings } from '../../../lib/model';
import { itemKey, type LocalMeta, planPull, planPush } from '../../../lib/sync/settings-sync';

const mine: Settings = { ...DEFAULT_SETTINGS, language: 'nb', baseCurrency: 'SEK' };

describe('per-person settings through storage.sync', () => {
  it('sends only what changed here, one item per setting with its time', () => {
    const first = planPush(mine, {}, '2026-12-06T10:00:00.000Z', 'browser-1');
    expect(Object.keys(first.items).sort()).toEqual(
      ['baseCurrency', 'detection', 'exchangeRates', 'krone', 'language', 'reminders'].map((k) => `settings.${k}`),
    );
    expect(first.items['settings.language']).toEqual({ v: 'nb', at: '2026-12-06T10:00:00.000Z', by: 'browser-1' });
    expect(first.items['settings.exchangeRates']).toEqual({ v: null, at: '2026-12-06T10:00:00.000Z', by: 'browser-1' });
    const again = planPush(mine, first.meta, '2026-12-06T11:00:00.000Z', 'browser-1');
    expect(again.items).toEqual({});
    const changed = planPush({ ...mine, language: 'da' }, first.meta, '2026-12-06T12:00:00.000Z', 'browser-1');
    expect(Object.keys(changed.items)).toEqual(['settings.language']);
  });

  it('takes a setting changed later in another browser, and a new browser takes what the account has', () => {
    const remote = {
      [itemKey('language')]: { v: 'sv', at: '2026-12-06T12:00:00.000Z', by: 'browser-2' },
      [itemKey('reminders')]: {
        v: { ...DEFAULT_SETTINGS.reminders, renewalDays: 7 },
        at: '2026-12-06T12:00:00.000Z',
        by: 'browser-2',
      },
    };
    const fresh = planPull(DEFAULT_SETTINGS, {}, remote);
    expect(fresh.next?.language).toBe('sv');
    expect(fresh.next?.reminders.renewalDays).toBe(7);
    // A change made here after theirs stays.
    const meta: LocalMeta = { language: { json: '"nb"', at: '2026-12-06T13:00:00.000Z' } };
    const kept = planPull(mine, meta, remote);
    expect(kept.next?.language).toBe('nb');
    expect(kept.next?.reminders.renewalDays).toBe(7);
  });

  it('carries what a bare "kr" means (a Swede reading Norwegian pages chose NOK in one browser)', () => {
    const remote = { [itemKey('krone')]: { v: 'NOK', at: '2026-12-06T12:00:00.000Z', by: 'browser-2' } };
    expect(planPull({ ...mine, krone: 'SEK' }, {}, remote).next?.krone).toBe('NOK');
    const unset = { [itemKey('krone')]: { v: null, at: '2026-12-06T12:00:00.000Z', by: 'browser-2' } };
    expect(planPull({ ...mine, krone: 'SEK' }, {}, unset).next?.krone).toBeUndefined();
    const wrong = { [itemKey('krone')]: { v: 'EUR', at: '2026-12-06T12:00:00.000Z', by: 'browser-2' } };
    expect(planPull({ ...mine, krone: 'SEK' }, {}, wrong).next).toBeNull();
  });

  it('ignores an item that is not a valid setting', () => {
    const remote = {
      [itemKey('baseCurrency')]: { v: 'kroner', at: '2030-01-01T00:00:00.000Z', by: 'x' },
      [itemKey('language')]: 'garbage',
    };
    expect(planPull(mine, {}, remote).next).toBeNull();
  });

  it('unsets the exchange rates when another browser went back to the bundled ones', () => {
    const custom: Settings = { ...mine, exchangeRates: { date: '2026-11-01', perEur: { EUR: 1, NOK: 11 } } };
    const pulled = planPull(
      custom,
      {},
      { [itemKey('exchangeRates')]: { v: null, at: '2026-12-06T12:00:00.000Z', by: 'b' } },
    );
    expect(pulled.next).not.toBeNull();
    expect(pulled.next?.exchangeRates).toBeUndefined();
  });
});
