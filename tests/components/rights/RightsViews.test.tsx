import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import axe from 'axe-core';
import type { ComponentChildren } from 'preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { day } from '../../../components/rights/common';
import { AfterCancelList, UsageCard } from '../../../components/rights/OverviewRights';
import { PopupRights } from '../../../components/rights/PopupRights';
import { ProofList } from '../../../components/rights/ProofList';
import { RightsPanel, type RightsPanelProps } from '../../../components/rights/RightsPanel';
import { RightsSettings } from '../../../components/rights/RightsSettings';
import { StatementAfterCancel } from '../../../components/rights/StatementAfterCancel';
import { createTranslator, LOCALES } from '../../../lib/i18n';
import type { Language, Proof, Subscription, Terms } from '../../../lib/model';
import { priceCheckOf, rightsOf, usageOf } from '../../../lib/rights';
import { makeCharge, makePriceChange, makeSub, textOf } from '../views/helpers';

afterEach(cleanup);

const LANGS: readonly Language[] = ['en', 'nb', 'sv', 'da'];
const noop = () => {};
const today = '2026-03-12';

/** A subscription found on a Danish sign-up page on 10 March 2026, bound for 12 months, with a month's notice. */
const signedUp = (over: Partial<Subscription> = {}): Subscription =>
  makeSub({
    id: 's1',
    service: 'Madkassen',
    category: 'food',
    currency: 'DKK',
    source: 'detected',
    startDate: '2026-03-10',
    billingAnchor: '2026-04-10',
    terms: {
      contractDate: '2026-03-10',
      withdrawal: 'stated',
      withdrawalUrl: 'https://madkassen.dk/fortryd',
      bindingMonths: 12,
      notice: { n: 1, unit: 'M', currentMonth: true },
      autoRenew: true,
      customerNumber: '4419027',
      contactEmail: 'kundeservice@madkassen.dk',
      seenOn: 'https://madkassen.dk/bestil/betaling',
    },
    ...over,
  });

const proof: Proof = {
  id: 'p1',
  kind: 'signup',
  subscriptionId: 's1',
  url: 'https://madkassen.dk/bestil/betaling',
  title: 'Bestil din madkasse – Madkassen',
  seenAt: '2026-03-10T18:04:00.000Z',
  pageKind: 'signup',
  text: 'Bindingsperiode: 6 mdr.\n<img src=x onerror=alert(1)>\nDer er 14 dages fortrydelsesret',
  truncated: false,
  terms: { bindingMonths: 6, withdrawal: 'stated' },
};

function panel(lang: Language, over: Partial<RightsPanelProps> = {}, s = signedUp()) {
  const props: RightsPanelProps = {
    subscription: s,
    summary: rightsOf(s, 'DK', today),
    proofs: [proof],
    priceChecks: [],
    lang,
    t: createTranslator(lang),
    locale: LOCALES[lang],
    today,
    onSaveTerms: async () => ({ ok: true }),
    onAnswerReminder: noop,
    onDeleteProof: noop,
    ...over,
  };
  return render(<RightsPanel {...props} />);
}

async function violations(ui: ComponentChildren): Promise<string[]> {
  const { container } = render(<main>{ui}</main>);
  const result = await axe.run(container, { rules: { 'color-contrast': { enabled: false } } });
  return result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.html).join(' | ')}`);
}

describe('the rights panel, in four languages', () => {
  for (const lang of LANGS) {
    it(`${lang}: counts down the withdrawal period, with the site's own function and the law`, () => {
      panel(lang);
      const w = screen.getByTestId('withdrawal');
      const t = createTranslator(lang);
      expect(textOf(w)).toContain(t('rights.withdrawal.title'));
      // 12 March: 12 days left until 24 March.
      expect(textOf(w)).toContain(t('common.inDays', { n: 12 }));
      expect(textOf(w)).toContain('forbrugeraftaleloven §§ 18–19');
      const link = screen.getByTestId('withdrawal-link');
      expect(link.getAttribute('href')).toBe('https://madkassen.dk/fortryd');
      expect(link.getAttribute('rel')).toContain('noopener');
    });

    it(`${lang}: says the site had to offer a withdrawal function when none was seen (contracts from 19 June 2026)`, () => {
      const t = createTranslator(lang);
      const on = (contractDate: string) => {
        const base = signedUp({ startDate: contractDate, billingAnchor: '2026-07-20' });
        const { withdrawalUrl: _seen, ...terms } = base.terms!;
        return { ...base, terms: { ...terms, contractDate } };
      };
      const s = on('2026-06-20');
      const { unmount } = panel(lang, { summary: rightsOf(s, 'DK', '2026-06-22'), today: '2026-06-22' }, s);
      const due = screen.getByTestId('withdrawal-function-due');
      expect(textOf(due)).toContain(t('rights.withdrawal.functionDue', { from: day('2026-06-19', LOCALES[lang]) }));
      expect(textOf(due)).toContain('Directive 2011/83/EU art. 11a');
      expect(screen.queryByTestId('withdrawal-link')).toBeNull();
      unmount();
      const before = on('2026-06-18');
      panel(lang, { summary: rightsOf(before, 'DK', '2026-06-20'), today: '2026-06-20' }, before);
      expect(screen.getByTestId('withdrawal')).toBeTruthy();
      expect(screen.queryByTestId('withdrawal-function-due')).toBeNull();
    });

    it(`${lang}: shows the terms, "bound until" and "cancel by"`, () => {
      panel(lang);
      const t = createTranslator(lang);
      const terms = textOf(screen.getByTestId('terms'));
      expect(terms).toContain(t('rights.terms.title'));
      expect(terms).toContain('4419027');
      expect(terms).toContain('kundeservice@madkassen.dk');
      // Bound until 10 March 2027; the last notice to end with it: 28 February 2027 (current month + 1).
      expect(terms).toContain(t('rights.terms.boundUntil', { date: '' }).replace(/\s+$/, ''));
      expect(textOf(screen.getByTestId('cancel-by')).length).toBeGreaterThan(10);
      expect(textOf(screen.getByTestId('rule-dk-cap'))).toContain('forbrugeraftaleloven § 28');
    });
  }

  it('says when the sign-up page gave no withdrawal information, and when the period has ended', () => {
    const none = signedUp({ terms: { contractDate: '2026-03-10', withdrawal: 'none' } });
    panel('en', {}, none);
    expect(textOf(screen.getByTestId('withdrawal'))).toContain('said nothing about the right of withdrawal');
    cleanup();
    panel('en', { summary: rightsOf(none, 'DK', '2026-04-01'), today: '2026-04-01' }, none);
    expect(textOf(screen.getByTestId('withdrawal'))).toContain('you can still withdraw until');
    cleanup();
    const stated = signedUp();
    panel('en', { summary: rightsOf(stated, 'DK', '2026-04-01'), today: '2026-04-01' }, stated);
    expect(textOf(screen.getByTestId('withdrawal'))).toContain('ended on');
    expect(screen.queryByTestId('withdrawal-link')).toBeNull();
  });

  it('asks whether the Swedish renewal reminder came, and records the answer', () => {
    const onAnswer = vi.fn();
    const yearly = signedUp({ category: 'news', period: 'P1Y', billingAnchor: '2026-03-10', currency: 'SEK' });
    panel(
      'sv',
      { summary: rightsOf(yearly, 'SE', '2027-02-20'), today: '2027-02-20', onAnswerReminder: onAnswer },
      yearly,
    );
    const rule = screen.getByTestId('rule-se-reminder');
    expect(textOf(rule)).toContain('lag (2014:1449)');
    fireEvent.click(screen.getByRole('button', { name: 'Ingen påminnelse kom' }));
    expect(onAnswer).toHaveBeenCalledWith('2027-03-10', false);
  });

  it('checks a price rise against its notice', () => {
    const s = signedUp({ category: 'telecom', currency: 'SEK' });
    const change = makePriceChange({ id: 'pc', subscriptionId: 's1', date: '2026-05-01', noticedOn: '2026-04-10' });
    const check = priceCheckOf(change, s, 'SE')!;
    panel('en', { priceChecks: [{ change, check }], summary: rightsOf(s, 'SE', today) }, s);
    const text = textOf(screen.getByTestId('price-check'));
    expect(text).toContain('21 days before it applied');
    expect(text).toContain('The change had to be notified at least one month ahead.');
    expect(text).toContain('without cost until');
  });

  it('warns about charges after cancelling, with the proof at hand, and can dismiss them', () => {
    const onDismiss = vi.fn();
    const s = signedUp({ status: 'cancelled', cancelledOn: '2026-03-11' });
    const charge = makeCharge({
      id: 'c9',
      subscriptionId: 's1',
      date: '2026-04-01',
      amountMinor: 64900,
      currency: 'DKK',
    });
    panel(
      'da',
      {
        afterCancel: { subscription: s, since: '2026-03-11', charges: [charge] },
        proofs: [{ ...proof, kind: 'cancellation' }],
        onDismissCharges: onDismiss,
        summary: rightsOf(s, 'DK', today),
      },
      s,
    );
    const note = screen.getByTestId('after-cancel');
    expect(textOf(note)).toContain('Trukket efter opsigelse');
    expect(textOf(note)).toContain('649,00');
    expect(textOf(note)).toContain('Subkeeper gemte');
    fireEvent.click(screen.getByRole('button', { name: 'Ikke et problem' }));
    expect(onDismiss).toHaveBeenCalledWith(['s1:c9']);
  });

  it('writes a letter in the chosen language, to copy or to open in the mail program', async () => {
    const onCopy = vi.fn(async () => true);
    panel('nb', { onCopy });
    fireEvent.click(screen.getByRole('button', { name: 'Skriv at du angrer' }));
    const letter = screen.getByTestId('letter-withdraw');
    const body = () => (letter.querySelector('textarea') as HTMLTextAreaElement).value;
    expect(body()).toContain('angreretten');
    expect(body()).toContain('4419027');
    fireEvent.input(screen.getByLabelText('Navnet ditt'), { target: { value: 'Kari Nordmann' } });
    expect(body()).toContain('Kari Nordmann');
    fireEvent.change(screen.getByLabelText('Språk i brevet'), { target: { value: 'da' } });
    expect(body()).toContain('fortrydelsesretten');
    const mail = screen.getByRole('link', { name: 'Åpne i e-post' });
    expect(mail.getAttribute('href')?.startsWith('mailto:kundeservice@madkassen.dk?subject=')).toBe(true);
    fireEvent.click(screen.getByRole('button', { name: 'Kopier' }));
    await waitFor(() => expect(screen.getByRole('button', { name: 'Kopiert' })).toBeTruthy());
    expect(onCopy).toHaveBeenCalledWith(expect.stringContaining('Kari Nordmann'));
  });

  it('edits the terms and refuses invalid ones', async () => {
    const onSave = vi.fn(async (_terms: Terms) => ({ ok: true as const }));
    panel('en', { onSaveTerms: onSave });
    fireEvent.click(screen.getByRole('button', { name: 'Edit terms' }));
    fireEvent.input(screen.getByLabelText('Binding period in months (0 for none)'), { target: { value: '99' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save terms' }));
    await waitFor(() => expect(screen.getByText('Write a number of months from 0 to 60.')).toBeTruthy());
    expect(onSave).not.toHaveBeenCalled();
    fireEvent.input(screen.getByLabelText('Binding period in months (0 for none)'), { target: { value: '6' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save terms' }));
    await waitFor(() => expect(onSave).toHaveBeenCalled());
    expect(onSave.mock.calls[0]?.[0]).toMatchObject({ bindingMonths: 6, customerNumber: '4419027' });
  });

  it('has no accessibility problems', async () => {
    const s = signedUp();
    expect(
      await violations(
        <RightsPanel
          subscription={s}
          summary={rightsOf(s, 'DK', today)}
          proofs={[proof]}
          priceChecks={[]}
          lang="en"
          t={createTranslator('en')}
          locale="en-GB"
          today={today}
          onSaveTerms={async () => ({ ok: true })}
          onAnswerReminder={noop}
          onDeleteProof={noop}
        />,
      ),
    ).toEqual([]);
  });
});

describe('proof', () => {
  for (const lang of LANGS) {
    it(`${lang}: shows what the page said as text, never as HTML`, () => {
      const t = createTranslator(lang);
      const { container } = render(
        <ProofList proofs={[proof]} t={t} locale={LOCALES[lang]} onDelete={noop} onDownload={noop} />,
      );
      fireEvent.click(screen.getByRole('button', { name: t('rights.proofs.view') }));
      const viewer = screen.getByTestId('proof-viewer');
      expect((viewer.querySelector('textarea') as HTMLTextAreaElement).value).toContain('<img src=x onerror=alert(1)>');
      expect(container.querySelector('img')).toBeNull();
      expect(textOf(viewer)).toContain('https://madkassen.dk/bestil/betaling');
      expect(textOf(viewer)).toContain(t('rights.found.binding'));
    });
  }

  for (const lang of LANGS) {
    it(`${lang}: a cancellation mail's proof names its sender, day and subject, and has no page address`, () => {
      const t = createTranslator(lang);
      const { url: _page, ...rest } = proof;
      const mailProof: Proof = {
        ...rest,
        kind: 'cancellation',
        pageKind: 'account',
        title: 'Dit abonnement er opsagt',
        text: 'Du har fortsat adgang indtil 22. december 2026.',
        terms: { cancelled: true, accessUntil: '2026-12-22' },
        mail: {
          from: 'kundeservice@madkassen.dk',
          name: 'Madkassen',
          subject: 'Dit abonnement er opsagt',
          sent: '2026-11-23',
          via: 'file',
        },
      };
      render(<ProofList proofs={[mailProof]} t={t} locale={LOCALES[lang]} onDelete={noop} />);
      const item = screen.getByRole('listitem');
      expect(textOf(item)).toContain(t('rights.proofs.cancellationMail'));
      expect(textOf(item)).toContain('Madkassen');
      fireEvent.click(screen.getByRole('button', { name: t('rights.proofs.view') }));
      const viewer = screen.getByTestId('proof-viewer');
      expect(textOf(viewer)).toContain('Madkassen <kundeservice@madkassen.dk>');
      expect(textOf(viewer)).toContain(t('rights.proofs.mailSent'));
      expect(textOf(viewer)).toContain(t('rights.proofs.mailSubject'));
      expect(textOf(viewer)).not.toContain(t('rights.proofs.url'));
      expect(screen.getByRole('textbox', { name: t('rights.proofs.mailText') })).toBeTruthy();
      expect(textOf(viewer)).toContain(t('rights.found.accessUntil'));
    });
  }

  it('names a sign-up mail’s proof as such, in four languages', () => {
    for (const lang of LANGS) {
      const t = createTranslator(lang);
      const { url: _page, ...rest } = proof;
      const signupMail: Proof = {
        ...rest,
        mail: { from: 'hej@madkassen.dk', name: 'Madkassen', subject: 'Ordrebekræftelse', via: 'webmail' },
      };
      const { unmount } = render(<ProofList proofs={[signupMail]} t={t} locale={LOCALES[lang]} onDelete={noop} />);
      expect(textOf(screen.getByRole('listitem'))).toContain(t('rights.proofs.signupMail'));
      expect(t('rights.proofs.signupMail')).not.toBe('rights.proofs.signupMail');
      unmount();
    }
  });

  it('says when there is none, and deletes only after asking', () => {
    const onDelete = vi.fn();
    const t = createTranslator('en');
    const { rerender } = render(<ProofList proofs={[]} t={t} locale="en-GB" onDelete={onDelete} />);
    expect(screen.getByText(/No proof yet/)).toBeTruthy();
    rerender(<ProofList proofs={[proof]} t={t} locale="en-GB" onDelete={onDelete} />);
    fireEvent.click(screen.getByRole('button', { name: 'Delete' }));
    expect(onDelete).not.toHaveBeenCalled();
    fireEvent.click(screen.getAllByRole('button', { name: 'Delete' }).at(-1)!);
    expect(onDelete).toHaveBeenCalledWith('p1');
  });
});

describe('overview, popup and settings cards, in four languages', () => {
  for (const lang of LANGS) {
    const t = createTranslator(lang);
    const locale = LOCALES[lang];

    it(`${lang}: charged after cancelling, and cost per use`, () => {
      const cancelled = signedUp({ status: 'cancelled', cancelledOn: '2026-03-11' });
      const onOpen = vi.fn();
      render(
        <AfterCancelList
          items={[
            {
              subscription: cancelled,
              since: '2026-03-11',
              charges: [makeCharge({ id: 'c1', subscriptionId: 's1', date: '2026-04-01', currency: 'DKK' })],
            },
          ]}
          t={t}
          locale={locale}
          onOpen={onOpen}
          onDismiss={noop}
        />,
      );
      expect(textOf(screen.getByTestId('after-cancel-list'))).toContain(t('rights.after.title'));
      fireEvent.click(screen.getByRole('button', { name: 'Madkassen' }));
      expect(onOpen).toHaveBeenCalledWith('s1');

      const used = signedUp({
        id: 'u1',
        service: 'Strimla',
        amountMinor: 15000,
        period: 'P1M',
        startDate: '2026-01-01',
      });
      const idle = signedUp({ id: 'u2', service: 'Lydhylla', startDate: '2026-01-01' });
      render(
        <UsageCard
          usage={[
            usageOf(used, ['2026-03-01', '2026-03-05', '2026-03-10'], '2026-03-12', '2026-01-01'),
            usageOf(idle, ['2026-01-20'], '2026-03-12', '2026-01-01'),
          ]}
          since="2026-01-01"
          enabled
          t={t}
          locale={locale}
          onOpen={noop}
        />,
      );
      expect(textOf(screen.getByTestId('usage-idle'))).toContain('Lydhylla');
      expect(textOf(screen.getByTestId('usage-idle'))).toContain(t('rights.usage.idle'));
      expect(textOf(screen.getByTestId('usage-used'))).toMatch(/50[.,]00/);
      expect(textOf(screen.getByTestId('usage-used'))).toContain(t('rights.usage.days', { n: 3 }));
    });

    it(`${lang}: the popup warns before paying twice and counts down withdrawal periods`, () => {
      const s = signedUp();
      render(
        <PopupRights
          tab={{ hostname: 'madkassen.dk', subscriptionId: 's1', via: 'tracked', at: '2026-03-12T10:00:00.000Z' }}
          tabSubscription={s}
          afterCancel={[]}
          withdrawals={[{ subscription: s, daysLeft: 2, url: 'https://madkassen.dk/fortryd' }]}
          t={t}
          onOpen={noop}
        />,
      );
      expect(textOf(screen.getByTestId('pay-twice'))).toContain(t('rights.popup.payTwice', { service: 'Madkassen' }));
      expect(textOf(screen.getByTestId('popup-withdrawals'))).toContain(t('common.inDays', { n: 2 }));
      const link = screen.getByRole('link', { name: t('rights.popup.withdraw') });
      expect(link.getAttribute('href')).toBe('https://madkassen.dk/fortryd');
    });

    it(`${lang}: a bank statement's payments after cancelling, recorded on request`, async () => {
      const onRecord = vi.fn(async () => {});
      const s = signedUp({ status: 'cancelled', cancelledOn: '2026-03-11' });
      const row = { date: '2026-04-01', amountMinor: 64900, currency: 'DKK', description: 'MADKASSEN APS' };
      render(<StatementAfterCancel hits={[{ subscription: s, row }]} t={t} locale={locale} onRecord={onRecord} />);
      const card = screen.getByTestId('statement-after-cancel');
      expect(textOf(card)).toContain(t('rights.after.statement'));
      expect(card.querySelector('a')?.getAttribute('href')).toBe('#/subscription/s1');
      fireEvent.click(screen.getByRole('button', { name: t('rights.after.record') }));
      await waitFor(() => expect(screen.getByText(t('rights.after.recorded'))).toBeTruthy());
      expect(onRecord).toHaveBeenCalledWith([{ subscription: s, row }]);
    });

    it(`${lang}: settings choose the country and turn counting on`, () => {
      const onChange = vi.fn();
      render(<RightsSettings value={{ country: 'auto', usage: false }} auto="NO" t={t} onChange={onChange} />);
      const select = screen.getByLabelText(t('rights.settings.country')) as HTMLSelectElement;
      expect(select.options[0]?.textContent).toBe(t('rights.settings.auto', { country: t('rights.country.NO') }));
      fireEvent.change(select, { target: { value: 'SE' } });
      expect(onChange).toHaveBeenCalledWith({ country: 'SE', usage: false });
      fireEvent.click(screen.getByLabelText(t('rights.settings.usage')));
      expect(onChange).toHaveBeenLastCalledWith({ country: 'auto', usage: true });
      expect(screen.queryByTestId('rights-usage-refused')).toBeNull();
    });

    it(`${lang}: says why counting stayed off when the browser's access was refused`, () => {
      const t = createTranslator(lang);
      render(<RightsSettings value={{ country: 'auto', usage: false }} t={t} onChange={noop} refused />);
      expect(screen.getByRole('alert').textContent).toBe(t('rights.usage.refused'));
      expect((screen.getByLabelText(t('rights.settings.usage')) as HTMLInputElement).checked).toBe(false);
    });
  }

  it('the bundle warning names what includes it', () => {
    const t = createTranslator('en');
    const prime = makeSub({ id: 'p', service: 'Amazon Prime' });
    render(
      <PopupRights
        tab={{ hostname: 'primevideo.com', subscriptionId: 'p', via: 'bundle', bundleId: 'amazon-prime', at: 'x' }}
        tabSubscription={prime}
        afterCancel={[]}
        withdrawals={[]}
        t={t}
        onOpen={noop}
      />,
    );
    expect(textOf(screen.getByTestId('pay-twice'))).toContain('included in your Amazon Prime');
  });
});
