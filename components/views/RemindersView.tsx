import { formatDate } from '../../lib/dates';
import type { Translate } from '../../lib/i18n';
import type { Subscription } from '../../lib/model';
import type { ComingReminder, HistoryEntry } from '../../lib/reminders';
import './views.css';

export interface RemindersViewProps {
  /** What will be shown, due first (lib/reminders `comingReminders`). */
  coming: readonly ComingReminder[];
  /** How many days ahead `coming` looks. */
  days: number;
  /** What was shown, newest first. */
  history: readonly HistoryEntry[];
  /** Subscriptions whose reminders are turned off. */
  off: readonly Subscription[];
  /** Whether reminders are on in the settings. */
  enabled: boolean;
  /** Whether reminders can be snoozed or skipped here (not in the static web app). */
  canAct: boolean;
  today: string;
  t: Translate;
  locale: string;
  onSnooze: (reminderId: string, days: number) => void;
  onSkip: (reminder: ComingReminder) => void;
  onTurnOff: (subscriptionId: string) => void;
  onTurnOn: (subscriptionId: string) => void;
  onOpen: (subscriptionId: string) => void;
}

/** "today", "tomorrow", or the date (with the weekday) a reminder shows. */
function whenLabel(date: string, today: string, t: Translate, locale: string): string {
  if (date <= today) return t('common.today');
  const days = Math.round((Date.parse(`${date}T00:00:00Z`) - Date.parse(`${today}T00:00:00Z`)) / 86_400_000);
  if (days === 1) return t('common.tomorrow');
  return formatDate(date, locale, 'medium');
}

/**
 * The reminders: what will be shown and when (grouped by day, each with snooze and turn-off), the subscriptions
 * whose reminders are off, and what was shown before. The words are the notifications' own.
 */
export function RemindersView(props: RemindersViewProps) {
  const { t, locale, today } = props;
  const groups: Array<{ day: string; items: ComingReminder[] }> = [];
  for (const c of props.coming) {
    const day = c.reminder.dueDate < today ? today : c.reminder.dueDate;
    const last = groups[groups.length - 1];
    if (last && last.day === day) last.items.push(c);
    else groups.push({ day, items: [c] });
  }
  return (
    <section class="view reminders-view" aria-labelledby="reminders-title">
      <h2 id="reminders-title">{t('views.reminders.title')}</h2>
      {!props.enabled ? (
        <p class="note">
          {t('views.reminders.disabled')} <a href="#/settings">{t('views.reminders.openSettings')}</a>
        </p>
      ) : (
        <p class="view-intro muted">{t('views.reminders.intro', { days: props.days })}</p>
      )}
      {!props.canAct && <p class="hint">{t('views.reminders.readOnly')}</p>}
      {props.enabled && props.coming.length === 0 && (
        <p class="view-empty">{t('views.reminders.none', { days: props.days })}</p>
      )}
      {groups.length > 0 && (
        <div class="card reminder-days">
          {groups.map((g) => (
            <section key={g.day} class="reminder-day" aria-labelledby={`rem-${g.day}`}>
              <h3 id={`rem-${g.day}`}>
                <time dateTime={g.day}>{t('views.reminders.shows', { when: whenLabel(g.day, today, t, locale) })}</time>
              </h3>
              <ul class="reminder-list">
                {g.items.map((c) => (
                  <li key={c.reminder.id} class={`reminder reminder-${c.reminder.kind}`}>
                    <div class="reminder-text">
                      <p class="reminder-title">
                        {c.subscription ? (
                          <button type="button" class="link-button" onClick={() => props.onOpen(c.subscription!.id)}>
                            {c.title}
                          </button>
                        ) : (
                          <strong>{c.title}</strong>
                        )}
                        {c.snoozed && <span class="badge">{t('views.reminders.snoozed')}</span>}
                      </p>
                      <p class="muted reminder-message">{c.message}</p>
                    </div>
                    {props.canAct && (
                      <details class="row-menu">
                        <summary aria-label={t('views.reminders.actionsFor', { title: c.title })}>
                          <span aria-hidden="true">⋯</span>
                        </summary>
                        <div class="row-menu-items">
                          <button type="button" onClick={() => props.onSnooze(c.reminder.id, 1)}>
                            {t('views.reminders.snoozeDay')}
                          </button>
                          <button type="button" onClick={() => props.onSnooze(c.reminder.id, 7)}>
                            {t('views.reminders.snoozeWeek')}
                          </button>
                          <button type="button" onClick={() => props.onSkip(c)}>
                            {t('views.reminders.skip')}
                          </button>
                          {c.subscription && (
                            <button type="button" onClick={() => props.onTurnOff(c.subscription!.id)}>
                              {t('views.reminders.turnOff', { service: c.subscription.service })}
                            </button>
                          )}
                        </div>
                      </details>
                    )}
                  </li>
                ))}
              </ul>
            </section>
          ))}
        </div>
      )}

      {props.off.length > 0 && (
        <section class="card" aria-labelledby="reminders-off-title">
          <h3 id="reminders-off-title">{t('views.reminders.offTitle')}</h3>
          <p class="hint">{t('views.reminders.offHint')}</p>
          <ul class="reminder-list">
            {props.off.map((s) => (
              <li key={s.id} class="reminder">
                <span class="reminder-text">{s.service}</span>
                <button
                  type="button"
                  aria-label={t('views.reminders.turnOnFor', { service: s.service })}
                  onClick={() => props.onTurnOn(s.id)}
                >
                  {t('views.reminders.turnOn')}
                </button>
              </li>
            ))}
          </ul>
        </section>
      )}

      <section class="card" aria-labelledby="reminders-history-title">
        <h3 id="reminders-history-title">{t('views.reminders.history')}</h3>
        {props.history.length === 0 ? (
          <p class="muted">{t('views.reminders.noHistory')}</p>
        ) : (
          <ul class="reminder-list history">
            {props.history.map((h) => (
              <li key={`${h.id}:${h.on}`} class="reminder">
                <time class="reminder-when muted" dateTime={h.on}>
                  {formatDate(h.on, locale, 'medium')}
                </time>
                <div class="reminder-text">
                  <p class="reminder-title">
                    {h.subscriptionId ? (
                      <button type="button" class="link-button" onClick={() => props.onOpen(h.subscriptionId!)}>
                        {h.title}
                      </button>
                    ) : (
                      <strong>{h.title}</strong>
                    )}
                  </p>
                  <p class="muted reminder-message">{h.message}</p>
                </div>
              </li>
            ))}
          </ul>
        )}
      </section>
    </section>
  );
}
