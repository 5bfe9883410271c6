import { describe, expect, it } from 'vitest';
import { createTranslator } from '../../../lib/i18n';
import { deliveryActions, notificationText, planReminders, WITHDRAWAL_LEAD_DAYS } from '../../../lib/reminders';
import { settings, sub } from '../reminders/helpers';

/** The reminders the rights part adds (issue 14): the withdrawal period's end, and the last day to give notice. */
const signedUp = (terms = {}) =>
  sub({
    id: 's1',
    service: 'Strimla',
    source: 'detected',
    startDate: '2026-03-10',
    billingAnchor: '2026-04-10',
    terms: { contractDate: '2026-03-10', withdrawal: 'stated', ...terms },
  });

describe('rights reminders', () => {
  it('reminds two days before the right of withdrawal ends', () => {
    const plan = planReminders({
      subscriptions: [signedUp()],
      settings: settings(),
      today: '2026-03-10',
      rightsCountry: 'NO',
    });
    const w = plan.find((r) => r.kind === 'withdrawalEnds');
    expect(WITHDRAWAL_LEAD_DAYS).toBe(2);
    expect(w).toMatchObject({ eventDate: '2026-03-24', dueDate: '2026-03-22', subscriptionId: 's1' });
    // Still due on the last day; gone the day after.
    const last = planReminders({
      subscriptions: [signedUp()],
      settings: settings(),
      today: '2026-03-24',
      rightsCountry: 'NO',
    });
    expect(last.some((r) => r.kind === 'withdrawalEnds')).toBe(true);
    const after = planReminders({
      subscriptions: [signedUp()],
      settings: settings(),
      today: '2026-03-25',
      rightsCountry: 'NO',
    });
    expect(after.some((r) => r.kind === 'withdrawalEnds')).toBe(false);
  });

  it('does not remind without a country, when the right was waived, or when reminders are off', () => {
    const base = { settings: settings(), today: '2026-03-10' };
    expect(planReminders({ ...base, subscriptions: [signedUp()] }).some((r) => r.kind === 'withdrawalEnds')).toBe(
      false,
    );
    expect(
      planReminders({ ...base, subscriptions: [signedUp({ withdrawal: 'waived' })], rightsCountry: 'SE' }).some(
        (r) => r.kind === 'withdrawalEnds',
      ),
    ).toBe(false);
    expect(
      planReminders({
        ...base,
        settings: settings({ enabled: false }),
        subscriptions: [signedUp()],
        rightsCountry: 'SE',
      }),
    ).toEqual([]);
  });

  it('reminds before the last day to give notice when the terms state a notice period', () => {
    const s = signedUp({ notice: { n: 1, unit: 'M' } });
    const plan = planReminders({ subscriptions: [s], settings: settings(), today: '2026-03-01', rightsCountry: 'DK' });
    const by = plan.find((r) => r.kind === 'cancelBy');
    // Renewal on 10 April: notice by 9 March, reminded three days before.
    expect(by).toMatchObject({ eventDate: '2026-03-09', dueDate: '2026-03-06' });
    expect(plan.some((r) => r.kind === 'cancelBy' && r.eventDate === '2026-03-09')).toBe(true);
    // Without a notice period, the renewal reminder is enough.
    const plain = planReminders({
      subscriptions: [signedUp()],
      settings: settings(),
      today: '2026-03-01',
      rightsCountry: 'DK',
    });
    expect(plain.some((r) => r.kind === 'cancelBy')).toBe(false);
  });

  it('words them in the user’s language, and a withdrawal reminder offers no cancel button', () => {
    const plan = planReminders({
      subscriptions: [signedUp()],
      settings: settings(),
      today: '2026-03-22',
      rightsCountry: 'NO',
    });
    const w = plan.find((r) => r.kind === 'withdrawalEnds')!;
    const nb = notificationText(w, signedUp(), createTranslator('nb'), 'nb-NO', '2026-03-22');
    expect(nb.title).toBe('Angrerett: Strimla');
    expect(nb.message).toContain('om 2 dager');
    const en = notificationText(w, signedUp(), createTranslator('en'), 'en-GB', '2026-03-22');
    expect(en.message).toContain('Strimla');
    const withCancel = signedUp();
    withCancel.links = { cancel: { url: 'https://www.strimla.no/si-opp', source: 'user' } };
    expect(
      deliveryActions({ notificationId: w.id, kind: 'single', reminders: [w], covers: [w.id] }, withCancel),
    ).toEqual(['snooze']);
  });
});
