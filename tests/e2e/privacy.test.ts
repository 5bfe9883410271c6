import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LOCALES } from '../../lib/i18n';
import { DEFAULT_SETTINGS, type Language } from '../../lib/model';
import { POLICIES } from '../../lib/privacy';
import { seriousViolations } from './axe';
import { type Launched, launchExtension } from './harness';

type Db = { settings: { put(x: unknown): Promise<unknown> } };

/** The privacy policy page, reached as a user reaches it: Settings → About → the policy link, in four languages. */
describe('privacy policy page', () => {
  let ext: Launched;
  beforeAll(async () => {
    ext = await launchExtension({ locale: 'en-GB' });
  });
  afterAll(async () => {
    await ext?.close();
  });

  const LINK: Record<Language, string> = {
    en: 'Privacy policy',
    nb: 'Personvernerklæring',
    sv: 'Integritetspolicy',
    da: 'Privatlivspolitik',
  };

  for (const lang of ['en', 'nb', 'sv', 'da'] as const) {
    it(`${lang}: Settings → About links to the policy in the same language; it passes axe`, async () => {
      await ext.sw.evaluate(
        async ({ l, defaults }) => {
          const db = (globalThis as unknown as { subkeeper: { db: Db } }).subkeeper.db;
          await db.settings.put({ key: 'settings', value: { ...defaults, language: l } });
        },
        { l: lang, defaults: DEFAULT_SETTINGS },
      );
      const settings = await ext.openPage('options.html#/settings');
      const link = settings.getByRole('link', { name: LINK[lang] });
      await link.waitFor();
      expect(await settings.getByText(/^(Version|Versjon) \d+\.\d+\.\d+$/).count()).toBe(1);
      const [policy] = await Promise.all([ext.context.waitForEvent('page'), link.click()]);
      await policy.waitForLoadState();
      expect(new URL(policy.url()).pathname).toBe('/privacy.html');
      expect(new URL(policy.url()).searchParams.get('lang')).toBe(lang);
      await policy.getByRole('heading', { level: 1 }).waitFor();
      expect(await policy.getByRole('heading', { level: 1 }).textContent()).toBe(POLICIES[lang].title);
      expect(await policy.evaluate(() => document.documentElement.lang)).toBe(LOCALES[lang]);
      expect(await policy.title()).toBe(POLICIES[lang].title);
      expect(await seriousViolations(policy)).toEqual([]);
      await policy.close();
      await settings.close();
    });
  }

  it('without ?lang follows the browser language, and switches language from its own links', async () => {
    const page = await ext.openPage('privacy.html');
    await page.getByRole('heading', { level: 1 }).waitFor();
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe(POLICIES.en.title);
    await page.getByRole('link', { name: 'Dansk' }).click();
    await page.waitForURL(/lang=da/);
    await page.getByRole('heading', { level: 1, name: POLICIES.da.title }).waitFor();
    await page.close();
  });
});
