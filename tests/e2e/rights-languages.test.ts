import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTranslator } from '../../lib/i18n';
import type { Language } from '../../lib/model';
import { seriousViolations } from './axe';
import { dayIn, iso } from './days';
import { type FixtureServer, type Launched, launchExtension, ROOT, startServer } from './harness';

/**
 * Rights end to end in Swedish, Danish and English (rights.test.ts does Norwegian in depth): for each, in real
 * Chromium with the dashboard in that language, a sign-up page at the service's own host proposes the subscription
 * with the terms it stated and a proof; accepted, the detail view counts the withdrawal period down, says until when
 * it is bound and writes a withdrawal letter in that language; the popup counts down and links to the site's own
 * withdrawal function where the page had one; the service's cancellation page proposes it as cancelled with the last
 * day of access and a proof, and accepting cancels it.
 */
const SHOTS = path.join(ROOT, 'test-results/screenshots');
const shot = async (page: Page, name: string) => {
  mkdirSync(SHOTS, { recursive: true });
  writeFileSync(path.join(SHOTS, name), await page.screenshot({ fullPage: true }));
};
const fixture = (name: string) => readFileSync(path.join(ROOT, 'tests/fixtures/rights', name), 'utf8');

const until = dayIn(25);
const EN_MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];

interface Case {
  lang: Language;
  currency: string;
  service: string;
  host: string;
  signupPath: string;
  signupHtml: string;
  cancelPath: string;
  /** A cancellation confirmation of the same service, its last day of access moved to {@link until}. */
  cancelHtml: string;
  binding: number;
  withdrawalUrl?: string;
}

const CASES: Case[] = [
  {
    lang: 'sv',
    currency: 'SEK',
    service: 'Ljudboksklubben',
    host: 'www.ljudboksklubben.se',
    signupPath: '/kassa',
    signupHtml: fixture('sv-ljudbok-signup.html'),
    cancelPath: '/konto',
    cancelHtml: fixture('sv-ljudbok-cancelled.html').replace('2026-04-14', iso(until)),
    binding: 12,
    withdrawalUrl: 'https://www.ljudboksklubben.se/konto/angra',
  },
  {
    lang: 'da',
    currency: 'DKK',
    service: 'Madkassen',
    host: 'madkassen.dk',
    signupPath: '/bestil/betaling',
    signupHtml: fixture('da-madkassen-signup.html'),
    cancelPath: '/konto/opsigelse',
    cancelHtml: fixture('da-vinklub-cancelled.html')
      .replaceAll('Vinklubben', 'Madkassen')
      .replace(
        '31.03.2026',
        `${String(until.getDate()).padStart(2, '0')}.${String(until.getMonth() + 1).padStart(2, '0')}.${until.getFullYear()}`,
      ),
    binding: 6,
  },
  {
    lang: 'en',
    currency: 'GBP',
    service: 'The Newsly',
    host: 'www.thenewsly.co.uk',
    signupPath: '/checkout',
    signupHtml: fixture('en-newsly-signup.html'),
    cancelPath: '/account/cancel/done',
    cancelHtml: fixture('en-cloudbox-cancelled.html')
      .replaceAll('Cloudbox Plus', 'The Newsly Digital')
      .replaceAll('Cloudbox', 'The Newsly')
      .replace('April 2, 2026', `${EN_MONTHS[until.getMonth()]} ${until.getDate()}, ${until.getFullYear()}`),
    binding: 12,
    withdrawalUrl: 'https://www.thenewsly.co.uk/account/withdraw',
  },
];

type Row = Record<string, unknown>;
type Db = Record<string, { toArray(): Promise<Row[]>; put(r: unknown): Promise<unknown> }>;

describe('rights end to end in Swedish, Danish and English', () => {
  let ext: Launched;
  let server: FixtureServer;
  const table = async (name: string) =>
    ext.sw.evaluate((t) => (globalThis as unknown as { subkeeper: { db: Db } }).subkeeper.db[t]!.toArray(), name);

  beforeAll(async () => {
    server = await startServer((host, pathname) => {
      const c = CASES.find((x) => x.host === host);
      if (!c) return undefined;
      if (pathname === c.signupPath) return c.signupHtml;
      if (pathname === c.cancelPath) return c.cancelHtml;
      return undefined;
    });
    ext = await launchExtension({ mapAllHostsToPort: server.port });
  });
  afterAll(async () => {
    await ext?.close();
    await server?.close();
  });

  for (const c of CASES) {
    it(`${c.lang}: sign-up with terms and proof, countdown, letter, popup, paying twice, cancellation with proof`, async () => {
      const t = createTranslator(c.lang);
      const hostname = c.host.replace(/^www\./, '');
      await ext.sw.evaluate(
        async ([lang, currency]) => {
          const db = (globalThis as unknown as { subkeeper: { db: Db } }).subkeeper.db;
          await db.settings!.put({ key: 'settings', value: { language: lang, baseCurrency: currency } });
        },
        [c.lang, c.currency] as const,
      );
      const mine = async () => (await table('detections')).filter((d) => d.hostname === hostname);
      const pendingHere = async () => (await mine()).filter((d) => d.status === 'pending');

      // The sign-up page: a proposal with the terms it stated, and a proof of the page.
      const page = await ext.context.newPage();
      await page.goto(`https://${c.host}${c.signupPath}`);
      await expect.poll(async () => (await pendingHere()).length, { timeout: 20000 }).toBe(1);
      const [find] = await pendingHere();
      expect(find?.proposal).toMatchObject({
        type: 'new',
        subscription: {
          service: c.service,
          terms: {
            contractDate: iso(new Date()),
            withdrawal: 'stated',
            bindingMonths: c.binding,
            ...(c.withdrawalUrl ? { withdrawalUrl: c.withdrawalUrl } : {}),
          },
        },
      });
      const signupProof = (await table('proofs')).find((p) => p.detectionId === find?.id);
      expect(signupProof).toMatchObject({ kind: 'signup', url: `https://${c.host}${c.signupPath}` });
      await page.close();

      // Accepted in the inbox (in this language).
      const dash = await ext.openPage('options.html#/overview');
      const item = dash.locator('.inbox-item', { hasText: c.service }).first();
      await item.waitFor({ timeout: 15000 });
      await item.locator('button.primary').click();
      await expect.poll(async () => (await pendingHere()).length, { timeout: 10000 }).toBe(0);
      await dash.close();
      const sub = (await table('subscriptions')).find((s) => s.service === c.service);
      expect(sub).toMatchObject({ terms: { bindingMonths: c.binding } });

      // The detail view: countdown, bound until, a withdrawal letter in this language, the proof.
      const detail = await ext.openPage(`options.html#/subscription/${String(sub?.id)}`);
      const withdrawal = detail.getByTestId('withdrawal');
      await withdrawal.waitFor({ timeout: 15000 });
      expect(await withdrawal.textContent()).toContain(t('common.inDays', { n: 14 }));
      if (c.withdrawalUrl) {
        expect(await detail.getByTestId('withdrawal-link').getAttribute('href')).toBe(c.withdrawalUrl);
      }
      if (c.lang === 'sv') {
        // A yearly plan that renews itself: the Swedish reminder rule is about the first renewal, a year on (the
        // day of sign-up is not a renewal).
        const renewal = new Date();
        renewal.setFullYear(renewal.getFullYear() + 1);
        const shown = new Intl.DateTimeFormat('sv-SE', { dateStyle: 'medium' }).format(renewal);
        expect(await detail.getByTestId('rule-se-reminder').textContent()).toContain(shown);
      }
      const boundWord = t('rights.terms.boundUntil', { date: '' }).trim();
      expect(await detail.getByTestId('terms').textContent()).toContain(boundWord);
      await detail.getByRole('button', { name: t('rights.letters.withdraw') }).click();
      const letter = detail.locator('textarea.letter-body');
      await letter.waitFor({ timeout: 10000 });
      const body = await letter.inputValue();
      expect(body).toContain(c.service);
      expect(body).toContain(t('rights.letter.greeting'));
      expect(await detail.locator('a[href^="mailto:"]').count()).toBeGreaterThan(0);
      expect(await seriousViolations(detail)).toEqual([]);
      await shot(detail, `${c.lang}-rights-detail.png`);
      await detail.close();

      // The popup counts down, with the site's own withdrawal function where the page had one.
      const popup = await ext.openPage('popup.html');
      const card = popup.getByTestId('popup-withdrawals');
      await card.waitFor({ timeout: 15000 });
      const row = card.locator('li', { hasText: c.service });
      expect(await row.textContent()).toContain(t('common.inDays', { n: 14 }));
      const link = row.getByRole('link', { name: t('rights.popup.withdraw') });
      if (c.withdrawalUrl) expect(await link.getAttribute('href')).toBe(c.withdrawalUrl);
      else expect(await link.count()).toBe(0);
      await popup.setViewportSize({ width: 380, height: 600 });
      await shot(popup, `${c.lang}-rights-popup.png`);
      await popup.close();

      // The same sign-up page again: the tab's badge warns before paying twice; nothing is proposed.
      const again = await ext.context.newPage();
      await again.goto(`https://${c.host}${c.signupPath}`);
      const warnedHere = () =>
        ext.sw.evaluate(async (h) => {
          const g = globalThis as unknown as {
            subkeeper: { db: { state: { get(k: string): Promise<{ value: unknown } | undefined> } } };
          };
          const tabs = ((await g.subkeeper.db.state.get('rights.tabs'))?.value ?? {}) as Record<string, Row>;
          return Object.values(tabs).filter((w) => w.hostname === h);
        }, hostname);
      await expect.poll(async () => (await warnedHere()).length, { timeout: 20000 }).toBe(1);
      expect((await warnedHere())[0]).toMatchObject({ subscriptionId: sub?.id, via: 'tracked' });
      expect(await pendingHere()).toEqual([]);
      await again.close();

      // The service's cancellation page: proposed as cancelled, with the last day of access and a proof.
      const cancel = await ext.context.newPage();
      await cancel.goto(`https://${c.host}${c.cancelPath}`);
      await expect.poll(async () => (await pendingHere()).length, { timeout: 20000 }).toBe(1);
      const [proposal] = await pendingHere();
      expect(proposal).toMatchObject({
        subscriptionId: sub?.id,
        proposal: { type: 'update', changes: { status: 'cancelled', statusFrom: iso(new Date()), endsOn: iso(until) } },
      });
      const cancelProof = (await table('proofs')).find((p) => p.detectionId === proposal?.id);
      expect(cancelProof).toMatchObject({ kind: 'cancellation', terms: { cancelled: true, accessUntil: iso(until) } });
      await cancel.close();
      const inbox = await ext.openPage('options.html#/overview');
      const cancelItem = inbox.locator('.inbox-item', { hasText: c.service }).first();
      await cancelItem.waitFor({ timeout: 15000 });
      const cancelledWord = t('rights.inbox.cancelledOn', { date: '' }).trim();
      expect(await cancelItem.textContent()).toContain(cancelledWord);
      await cancelItem.locator('button.primary').click();
      await expect
        .poll(async () => (await table('subscriptions')).find((s) => s.id === sub?.id)?.status, { timeout: 10000 })
        .toBe('cancelled');
      const after = (await table('subscriptions')).find((s) => s.id === sub?.id);
      expect(after).toMatchObject({ cancelledOn: iso(new Date()), endsOn: iso(until) });
      expect(
        (await table('proofs'))
          .filter((p) => p.subscriptionId === sub?.id)
          .map((p) => p.kind)
          .sort(),
      ).toEqual(['cancellation', 'signup']);
      await inbox.close();
    }, 240000);
  }
});
