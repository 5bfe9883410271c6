import { Check, DaysField, describedBy, FieldError, type SectionProps } from './fields';

/** Reminder defaults: renewals, yearly renewals, trials, intro prices ending, price rises, the weekly digest. */
export function ReminderSettings({ draft, update, err, invalid, t }: SectionProps) {
  return (
    <fieldset class="card">
      <legend>{t('views.settings.reminders')}</legend>
      <Check
        id="settings-reminders-on"
        label={t('views.settings.remindersEnabled')}
        checked={draft.remindersEnabled}
        onChange={(v) => update({ remindersEnabled: v })}
      />
      <DaysField
        id="settings-renewal-days"
        label={t('views.settings.renewalDays')}
        hint={t('views.settings.renewalDaysHint')}
        value={draft.renewalDays}
        max={90}
        errors={err('reminders.renewalDays')}
        onInput={(v) => update({ renewalDays: v })}
      />
      <DaysField
        id="settings-yearly-days"
        label={t('views.settings.yearlyRenewalDays')}
        hint={t('views.settings.yearlyRenewalDaysHint')}
        value={draft.yearlyRenewalDays}
        max={90}
        errors={err('reminders.yearlyRenewalDays')}
        onInput={(v) => update({ yearlyRenewalDays: v })}
      />
      <div class="field">
        <label for="settings-trial-days">{t('views.settings.trialDays')}</label>
        <input
          id="settings-trial-days"
          type="text"
          inputMode="numeric"
          value={draft.trialDays}
          aria-invalid={invalid('reminders.trialDays')}
          aria-describedby={describedBy(
            'settings-trial-days-hint',
            invalid('reminders.trialDays') && 'settings-trial-days-error',
          )}
          onInput={(e) => update({ trialDays: e.currentTarget.value })}
        />
        <p id="settings-trial-days-hint" class="hint">
          {t('views.settings.trialDaysHint')}
        </p>
        <FieldError id="settings-trial-days-error" messages={err('reminders.trialDays')} />
      </div>
      <Check
        id="settings-intro-end"
        label={t('views.settings.introEnd')}
        checked={draft.introEnd}
        onChange={(v) => update({ introEnd: v })}
      />
      <Check
        id="settings-price-increase"
        label={t('views.settings.priceIncrease')}
        checked={draft.priceIncrease}
        onChange={(v) => update({ priceIncrease: v })}
      />
      <Check
        id="settings-digest"
        label={t('views.settings.weeklyDigest')}
        checked={draft.weeklyDigest}
        onChange={(v) => update({ weeklyDigest: v })}
      />
    </fieldset>
  );
}
