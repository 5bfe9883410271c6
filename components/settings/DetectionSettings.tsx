import { useState } from 'preact/hooks';
import { normaliseSite } from '../views/settingsForm';
import { Check, describedBy, FieldError, type SectionProps } from './fields';

/** Detection on or off, only known services, and the sites it never reads (added here, saved with the form). */
export function DetectionSettings({ draft, update, err, t }: SectionProps) {
  const [siteText, setSiteText] = useState('');
  const [siteError, setSiteError] = useState('');

  function addSite() {
    const site = normaliseSite(siteText);
    if (!site) {
      setSiteError(t('views.settings.error.hostname'));
      return;
    }
    if (draft.neverSites.includes(site)) {
      setSiteError(t('views.settings.error.hostnameTwice', { site }));
      return;
    }
    update({ neverSites: [...draft.neverSites, site].sort() });
    setSiteText('');
    setSiteError('');
  }

  return (
    <fieldset class="card">
      <legend>{t('views.settings.detection')}</legend>
      <Check
        id="settings-detection-on"
        label={t('views.settings.detectionEnabled')}
        hint={t('views.settings.detectionHint')}
        checked={draft.detectionEnabled}
        onChange={(v) => update({ detectionEnabled: v })}
      />
      <Check
        id="settings-known-only"
        label={t('views.settings.onlyKnownServices')}
        hint={t('views.settings.onlyKnownServicesHint')}
        checked={draft.onlyKnownServices}
        onChange={(v) => update({ onlyKnownServices: v })}
      />
      <h3 class="fieldset-heading" id="settings-never-title">
        {t('views.settings.neverSites')}
      </h3>
      {draft.neverSites.length === 0 ? (
        <p class="muted">{t('views.settings.noNeverSites')}</p>
      ) : (
        <ul class="site-list" aria-labelledby="settings-never-title">
          {draft.neverSites.map((site) => (
            <li key={site}>
              <span class="site-name">{site}</span>
              <button
                type="button"
                class="link-button"
                aria-label={t('views.settings.removeSiteNamed', { site })}
                onClick={() => update({ neverSites: draft.neverSites.filter((s) => s !== site) })}
              >
                {t('views.settings.remove')}
              </button>
            </li>
          ))}
        </ul>
      )}
      <FieldError id="settings-never-error" messages={err('detection.neverSites')} />
      <div class="field field-inline">
        <label for="settings-add-site">{t('views.settings.addSite')}</label>
        <input
          id="settings-add-site"
          type="text"
          autoComplete="off"
          spellcheck={false}
          placeholder="example.com"
          value={siteText}
          aria-invalid={siteError ? true : undefined}
          aria-describedby={describedBy(siteError && 'settings-add-site-error')}
          onInput={(e) => {
            setSiteText(e.currentTarget.value);
            setSiteError('');
          }}
          onKeyDown={(e) => {
            if (e.key === 'Enter') {
              e.preventDefault();
              addSite();
            }
          }}
        />
        <button type="button" onClick={addSite}>
          {t('views.settings.add')}
        </button>
        {siteError && (
          <p id="settings-add-site-error" class="field-error">
            {siteError}
          </p>
        )}
      </div>
    </fieldset>
  );
}
