import { render } from 'preact';
import { browser } from 'wxt/browser';
import { PrivacyPolicy } from '../../components/PrivacyPolicy';
import { LANGUAGES, LOCALES, resolveLanguage } from '../../lib/i18n/translate';
import type { Language } from '../../lib/model';
import { POLICIES, updatedLine } from '../../lib/privacy';
import '../../components/styles.css';
import '../../components/privacy.css';

/**
 * The privacy policy page (privacy.html). `?lang=nb` picks the language (the dashboard links with its own);
 * without it, the browser's languages decide.
 */
const LABEL: Record<Language, string> = { en: 'Languages', nb: 'Språk', sv: 'Språk', da: 'Sprog' };

const asked = new URLSearchParams(location.search).get('lang');
const lang: Language = (LANGUAGES as readonly string[]).includes(asked ?? '')
  ? (asked as Language)
  : resolveLanguage('auto', navigator.languages);
const policy = POLICIES[lang];
document.documentElement.lang = LOCALES[lang];
document.title = `${policy.title}`;

render(
  <PrivacyPolicy
    policy={policy}
    updated={updatedLine(lang)}
    version={browser.runtime.getManifest().version}
    languagesLabel={LABEL[lang]}
    languages={LANGUAGES.map((l) => ({
      lang: l,
      name: POLICIES[l].languageName,
      href: `?lang=${l}`,
      current: l === lang,
    }))}
  />,
  document.getElementById('root')!,
);
