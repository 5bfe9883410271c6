import type { Translate } from '../lib/i18n';

/** Settings → About: the version, what happens to your data in one sentence, and the privacy policy. */
export function AboutCard(props: { t: Translate; version: string; privacyUrl: string }) {
  const { t } = props;
  return (
    <section class="card about-card" aria-labelledby="about-title">
      <h2 id="about-title">{t('about.title')}</h2>
      <p>{t('about.version', { version: props.version })}</p>
      <p>{t('about.privacy')}</p>
      <p>
        <a href={props.privacyUrl} target="_blank" rel="noopener">
          {t('about.privacyLink')}
        </a>
      </p>
      <p class="muted">{t('about.licence')}</p>
    </section>
  );
}
