import { useEffect, useMemo } from 'preact/hooks';
import { AfterCancelList, UsageCard } from '../../components/rights/OverviewRights';
import type { Store } from '../../lib/app/store';
import type { Translate } from '../../lib/i18n';
import { usageOf } from '../../lib/rights/usage';
import { rightsOfStore } from './rights-state';

/**
 * The overview's cards: charges after cancelling (`part="warnings"`, near the top), and cost per use when counted
 * (`part="usage"`, at the end).
 */
export function RightsOverview(props: {
  store: Store;
  t: Translate;
  locale: string;
  onOpen: (id: string) => void;
  part: 'warnings' | 'usage';
}) {
  const { store, t, locale } = props;
  const rights = rightsOfStore(store);
  const subs = store.subscriptions.value;
  const counting = store.settings.value.rights.usage;
  useEffect(() => {
    if (props.part === 'warnings') void rights.loadAfterCancel(subs);
    else if (counting) void rights.loadUsage();
  }, [props.part, counting, subs]);
  const today = store.ctx.value.today;
  const { days, since } = rights.usage.value;
  const usage = useMemo(
    () =>
      subs
        .filter((s) => s.status === 'active' || s.status === 'trial')
        .map((s) => usageOf(s, days.get(s.id) ?? [], today, since)),
    [subs, days, since, today],
  );
  if (props.part === 'warnings') {
    return (
      <AfterCancelList
        items={rights.afterCancel.value}
        t={t}
        locale={locale}
        onOpen={props.onOpen}
        onDismiss={(keys) => void rights.dismiss(subs, keys)}
      />
    );
  }
  return (
    <UsageCard
      usage={usage}
      enabled={counting}
      {...(since ? { since } : {})}
      t={t}
      locale={locale}
      onOpen={props.onOpen}
    />
  );
}
