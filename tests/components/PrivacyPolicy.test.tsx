import { cleanup, render, screen, within } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import { AboutCard } from '../../components/AboutCard';
import { PrivacyPolicy } from '../../components/PrivacyPolicy';
import { createTranslator, LANGUAGES } from '../../lib/i18n';
import { POLICIES, type Policy, updatedLine } from '../../lib/privacy';

afterEach(cleanup);

const languages = (current: string) =>
  LANGUAGES.map((l) => ({ lang: l, name: POLICIES[l].languageName, href: `?lang=${l}`, current: l === current }));

describe('PrivacyPolicy', () => {
  for (const lang of LANGUAGES) {
    it(`${lang}: shows every section, every permission with its reason, and links to the other languages`, () => {
      const policy = POLICIES[lang];
      render(
        <PrivacyPolicy
          policy={policy}
          updated={updatedLine(lang)}
          version="1.2.3"
          languages={languages(lang)}
          languagesLabel="Languages"
        />,
      );
      expect(screen.getByRole('heading', { level: 1 }).textContent).toBe(policy.title);
      expect(screen.getAllByRole('heading', { level: 2 }).map((h) => h.textContent)).toEqual(
        policy.sections.map((s) => s.heading),
      );
      expect(screen.getByText(policy.summary)).toBeTruthy();
      expect(document.body.textContent).toContain('Subkeeper 1.2.3');
      const perms = [...document.querySelectorAll('[data-permission]')].map((el) => el.getAttribute('data-permission'));
      expect(perms).toEqual(['host', 'alarms', 'notifications', 'activeTab', 'storage']);
      const nav = screen.getByRole('navigation', { name: 'Languages' });
      const links = within(nav).getAllByRole('link');
      expect(links.map((a) => a.getAttribute('href'))).toEqual(['?lang=en', '?lang=nb', '?lang=sv', '?lang=da']);
      expect(links.find((a) => a.getAttribute('aria-current') === 'page')?.getAttribute('hreflang')).toBe(lang);
    });
  }

  it('renders the texts as text, never as HTML', () => {
    const hostile: Policy = {
      ...POLICIES.en,
      summary: '<img src=x onerror="alert(1)">',
      sections: [{ id: 's', heading: '<b>h</b>', blocks: [{ list: ['<script>x</script>'] }] }],
    };
    render(<PrivacyPolicy policy={hostile} updated="u" languages={[]} languagesLabel="L" />);
    expect(document.querySelector('img, b, script')).toBeNull();
    expect(screen.getByText('<img src=x onerror="alert(1)">')).toBeTruthy();
  });
});

describe('AboutCard', () => {
  it('shows the version, the privacy promise and a link to the privacy page, in the UI language', () => {
    render(
      <AboutCard t={createTranslator('sv')} version="0.4.0" privacyUrl="chrome-extension://id/privacy.html?lang=sv" />,
    );
    expect(screen.getByRole('heading', { name: 'Om Subkeeper' })).toBeTruthy();
    expect(screen.getByText('Version 0.4.0')).toBeTruthy();
    const link = screen.getByRole('link', { name: 'Integritetspolicy' });
    expect(link.getAttribute('href')).toBe('chrome-extension://id/privacy.html?lang=sv');
  });
});
