import { useState } from 'preact/hooks';
import type { Translate } from '../../lib/i18n';
import { LANGUAGES } from '../../lib/i18n/translate';
import type { Language } from '../../lib/model';
import { type LetterFacts, type LetterKind, letter } from '../../lib/rights/letters';

const LANGUAGE_NAMES: Record<Language, string> = { en: 'English', nb: 'Norsk bokmål', sv: 'Svenska', da: 'Dansk' };

/**
 * A pre-filled cancellation or withdrawal message (lib/rights/letters), in the language the user picks: shown as
 * text, to copy, or to open in the mail program through a `mailto:` link (never anything else).
 */
export function LetterView(props: {
  kind: LetterKind;
  /** Everything but the language and the name, which the user picks here. */
  facts: Omit<LetterFacts, 'kind' | 'lang' | 'name'>;
  lang: Language;
  name?: string;
  t: Translate;
  onCopy?: (text: string) => Promise<boolean>;
  onClose: () => void;
}) {
  const { t } = props;
  const [lang, setLang] = useState<Language>(props.lang);
  const [name, setName] = useState(props.name ?? '');
  const [copied, setCopied] = useState(false);
  const l = letter({ ...props.facts, kind: props.kind, lang, name });
  const id = `letter-${props.kind}`;
  return (
    <section class="letter card" aria-labelledby={`${id}-h`} data-testid={id}>
      <h4 id={`${id}-h`}>{t(props.kind === 'cancel' ? 'rights.letters.cancel' : 'rights.letters.withdraw')}</h4>
      <div class="field">
        <label for={`${id}-lang`}>{t('rights.letters.language')}</label>
        <select id={`${id}-lang`} value={lang} onChange={(e) => setLang(e.currentTarget.value as Language)}>
          {LANGUAGES.map((code) => (
            <option key={code} value={code} lang={code}>
              {LANGUAGE_NAMES[code]}
            </option>
          ))}
        </select>
      </div>
      <div class="field">
        <label for={`${id}-name`}>{t('rights.letters.name')}</label>
        <input id={`${id}-name`} value={name} autocomplete="name" onInput={(e) => setName(e.currentTarget.value)} />
      </div>
      <p class="small">
        {props.facts.email ? t('rights.letters.to', { email: props.facts.email }) : t('rights.letters.noEmail')}
      </p>
      <p class="letter-subject">
        <strong>{t('rights.letters.subject')}:</strong> <span lang={lang}>{l.subject}</span>
      </p>
      <textarea
        class="letter-body"
        lang={lang}
        readOnly
        rows={12}
        aria-label={t('rights.letters.body')}
        value={l.body}
      />
      <div class="button-row">
        {props.onCopy && (
          <button type="button" onClick={async () => setCopied(await props.onCopy!(`${l.subject}\n\n${l.body}`))}>
            {copied ? t('rights.letters.copied') : t('rights.letters.copy')}
          </button>
        )}
        <a class="button primary" href={l.mailto}>
          {t('rights.letters.mail')}
        </a>
        <button type="button" onClick={props.onClose}>
          {t('rights.letters.close')}
        </button>
      </div>
    </section>
  );
}
