import { useEffect } from 'preact/hooks';
import { RemindersView } from '../../components/views/RemindersView';
import type { Route } from '../../lib/app/route';
import type { Store } from '../../lib/app/store';
import type { Translate } from '../../lib/i18n';
import { COMING_DAYS, comingReminders } from '../../lib/reminders';

/** The reminders view, wired to the store: the plan from the same logs the background uses. */
export function Reminders(props: { store: Store; t: Translate; locale: string; go: (r: Route) => void }) {
  const { store, t, locale } = props;
  useEffect(() => {
    void store.loadReminderLogs();
  }, []);
  const logs = store.reminderLogs.value;
  const subs = store.subscriptions.value;
  const today = store.today.value;
  const settings = store.settings.value;
  const coming = logs
    ? comingReminders({
        subscriptions: subs,
        priceChanges: store.priceChanges.value,
        settings,
        today,
        fired: logs.fired,
        snoozed: logs.snoozed,
        t,
        locale,
      })
    : [];
  return (
    <RemindersView
      coming={coming}
      days={COMING_DAYS}
      history={logs?.history ?? []}
      off={subs.filter((s) => s.remindersOff === true)}
      enabled={settings.reminders.enabled}
      canAct={store.canActOnReminders}
      today={today}
      t={t}
      locale={locale}
      onSnooze={(id, days) => void store.reminderAction({ type: 'reminder-snooze', id, days })}
      onSkip={(c) =>
        void store.reminderAction({ type: 'reminder-skip', id: c.reminder.id, eventDate: c.reminder.eventDate })
      }
      onTurnOff={(id) => void store.setRemindersOff(id, true)}
      onTurnOn={(id) => void store.setRemindersOff(id, false)}
      onOpen={(id) => props.go({ view: 'subscription', id })}
    />
  );
}
