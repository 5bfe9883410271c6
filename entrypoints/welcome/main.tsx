import { render } from 'preact';
import { browser } from 'wxt/browser';
import { Welcome } from '../../components/Welcome';
import { createStore } from '../../lib/app/store';
import { getDb } from '../../lib/db';
import { createTranslator, LOCALES, resolveLanguage } from '../../lib/i18n';
import { bundledRates } from '../../lib/money';
import '../../components/styles.css';

/**
 * The first-run page (opened by the background when the extension is installed, and from the dashboard until the
 * settings are saved): wires the store to components/Welcome.
 */
const store = createStore({
  db: getDb(),
  now: () => new Date(),
  notifyChanged: () => void browser.runtime.sendMessage({ type: 'data-changed' }).catch(() => {}),
  languages: navigator.languages,
});
const dashboard = browser.runtime.getURL('/options.html');
const links = {
  add: `${dashboard}#/add`,
  statement: `${dashboard}#/data/statement`,
  mail: `${dashboard}#/data/mail`,
  backup: `${dashboard}#/data/backup`,
  dashboard: `${dashboard}#/overview`,
};

const root = document.getElementById('root')!;
const draw = () => {
  const lang = resolveLanguage(store.settings.value.language, navigator.languages);
  document.documentElement.lang = LOCALES[lang];
  render(
    <Welcome
      settings={store.settings.value}
      saved={store.settingsSaved.value}
      browserLanguages={navigator.languages}
      currencies={Object.keys(bundledRates.perEur)}
      translator={createTranslator}
      onLanguage={(locale) => {
        document.documentElement.lang = locale;
      }}
      onSave={async (s) => {
        const r = await store.updateSettings(s);
        return { ok: r.ok };
      }}
      links={links}
    />,
    root,
  );
  performance.mark('subkeeper:ready');
};
void store.load().then(draw);
