import { cleanup, render } from '@testing-library/preact';
import axe from 'axe-core';
import type { ComponentChildren } from 'preact';
import { afterEach, describe, expect, it } from 'vitest';
import { CalendarView } from '../../../components/views/CalendarView';
import { ChartsView } from '../../../components/views/ChartsView';
import { SettingsView } from '../../../components/views/SettingsView';
import { SubscriptionDetail } from '../../../components/views/SubscriptionDetail';
import { createTranslator } from '../../../lib/i18n';
import { DEFAULT_SETTINGS } from '../../../lib/model';
import { renewalCalendar } from '../../../lib/summary';
import { makeCharge, makeMember, makePriceChange, makeSub, RATES } from './helpers';

afterEach(cleanup);

const t = createTranslator('nb');
const noop = () => {};

/** axe-core rule violations (colour contrast needs real layout, so it is left to the browser tests). */
async function violations(ui: ComponentChildren): Promise<string[]> {
  const { container } = render(<main>{ui}</main>);
  const result = await axe.run(container, { rules: { 'color-contrast': { enabled: false } } });
  return result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.html).join(' | ')}`);
}

describe('accessibility (axe-core)', () => {
  it('reports a real problem (the check works)', async () => {
    expect(await violations(<input type="text" />)).not.toEqual([]);
  });

  it('calendar', async () => {
    const subs = [makeSub({ id: 'a' }), makeSub({ id: 'b', service: 'Viaplay', status: 'trial' })];
    const buckets = renewalCalendar(subs, { today: '2026-11-23', base: 'NOK', rates: RATES });
    expect(await violations(<CalendarView buckets={buckets} base="NOK" t={t} locale="nb-NO" onOpen={noop} />)).toEqual(
      [],
    );
  });

  it('charts', async () => {
    const view = (
      <ChartsView
        byCategory={[{ key: 'video', monthlyMinor: 15900 }]}
        pastMonths={[{ month: '2026-10', totalMinor: 15900 }]}
        projectedMonths={[{ month: '2026-11', totalMinor: 15900 }]}
        byMember={[{ key: 'm1', name: 'Kari', monthlyMinor: 15900 }]}
        base="NOK"
        t={t}
        locale="nb-NO"
      />
    );
    expect(await violations(view)).toEqual([]);
  });

  it('subscription detail', async () => {
    const valid = makeSub({
      id: 's1',
      status: 'trial',
      trialEnd: '2026-12-01',
      notes: 'Notat',
      ownerId: 'm1',
      statusHistory: [{ status: 'trial', date: '2026-11-01' }],
    });
    // One good link and one that must not become a link (bypassing the schema on purpose).
    const sub = {
      ...valid,
      links: {
        cancel: { url: 'https://example.com/cancel', source: 'page' as const, seenAt: '2026-11-01' },
        manage: { url: 'javascript:alert(1)', source: 'page' as const },
      },
    };
    const view = (
      <SubscriptionDetail
        subscription={sub}
        charges={[makeCharge({ id: 'c1' })]}
        priceChanges={[makePriceChange({ id: 'p1' })]}
        members={[makeMember('m1', 'Kari')]}
        serviceNote="Bindingstid 12 måneder."
        t={t}
        locale="nb-NO"
        today="2026-11-23"
        onStatus={noop}
        onEdit={noop}
        onEditLinks={noop}
        onDelete={noop}
        onClose={noop}
      />
    );
    expect(await violations(view)).toEqual([]);
  });

  it('settings', async () => {
    const settings = { ...DEFAULT_SETTINGS, detection: { ...DEFAULT_SETTINGS.detection, neverSites: ['bank.no'] } };
    const view = (
      <SettingsView
        settings={settings}
        members={[makeMember('m1', 'Kari')]}
        bundledRates={RATES}
        t={t}
        locale="nb-NO"
        onSave={async () => ({ ok: true })}
        onSaveMember={noop}
        onDeleteMember={noop}
      />
    );
    expect(await violations(view)).toEqual([]);
  });
});
