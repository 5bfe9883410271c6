import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { RightsPanel } from '../../components/rights/RightsPanel';
import { RightsSettings } from '../../components/rights/RightsSettings';
import type { Store } from '../../lib/app/store';
import type { Translate } from '../../lib/i18n';
import type { Language, Proof, Subscription, Terms } from '../../lib/model';
import { countryOf } from '../../lib/rights/country';
import { rightsOf } from '../../lib/rights/index';
import { priceCheckOf } from '../../lib/rights/prices';
import { proofText } from '../../lib/rights/proof';
import { visitPermissions } from '../../lib/rights/visit-script';
import type { Platform } from './platform';
import { rightsOfStore } from './rights-state';

/**
 * The dashboard's wiring of the rights views (issue 14) to the store and the rights state (lib/app/rights): the
 * detail view's panel and the settings section (the overview's cards are in ./rights-overview.tsx).
 */

function country(store: Store, lang: Language) {
  const s = store.settings.value;
  return countryOf(s.rights, s.baseCurrency, lang);
}

/** The detail view's rights panel for one subscription. */
export function RightsDetail(props: {
  store: Store;
  platform: Platform;
  subscription: Subscription;
  t: Translate;
  lang: Language;
  locale: string;
}) {
  const { store, subscription: sub, t, locale, lang } = props;
  const rights = rightsOfStore(store);
  const today = store.ctx.value.today;
  const where = country(store, lang);
  useEffect(() => {
    void rights.loadProofs(sub.id);
    void rights.loadAfterCancel(store.subscriptions.value);
  }, [sub.id, sub.status]);
  const priceChecks = store.priceChanges.value
    .filter((c) => c.subscriptionId === sub.id)
    .sort((a, b) => (a.date < b.date ? 1 : -1))
    .flatMap((change) => {
      const check = priceCheckOf(change, sub, where);
      return check ? [{ change, check }] : [];
    });
  const saveTerms = async (terms: Terms) => {
    const r = await store.save({ id: sub.id, terms }, { base: sub });
    return r.ok ? ({ ok: true } as const) : { ok: false as const, errors: r.errors };
  };
  return (
    <RightsPanel
      subscription={sub}
      summary={rightsOf(sub, where, today)}
      proofs={rights.proofs.value.get(sub.id)}
      {...(() => {
        const item = rights.afterCancel.value.find((a) => a.subscription.id === sub.id);
        return item ? { afterCancel: item } : {};
      })()}
      priceChecks={priceChecks}
      lang={lang}
      t={t}
      locale={locale}
      today={today}
      onSaveTerms={saveTerms}
      onAnswerReminder={(renewal, received) => {
        const answers = (sub.terms?.renewalReminders ?? []).filter((a) => a.renewal !== renewal);
        void saveTerms({ ...sub.terms, renewalReminders: [...answers, { renewal, received }] });
      }}
      onDeleteProof={(id) => void rights.removeProof(sub.id, id)}
      onDownloadProof={(p: Proof) =>
        props.platform.download(
          `subkeeper-proof-${p.seenAt.slice(0, 10)}.txt`,
          'text/plain;charset=utf-8',
          proofText(p),
        )
      }
      onCopy={async (text) => {
        try {
          await navigator.clipboard.writeText(text);
          return true;
        } catch {
          return false;
        }
      }}
      onDismissCharges={(keys) => void rights.dismiss(store.subscriptions.value, keys)}
    />
  );
}

/**
 * The settings section: whose law applies, and counting days of use (off forgets what was counted). Turning counting
 * on first asks the browser for what it needs (lib/rights/visit-script.ts), in the click; refused, it stays off and
 * says why. Turning it off gives that back.
 */
export function RightsSettingsSection(props: { store: Store; t: Translate; lang: Language }) {
  const { store, t } = props;
  const settings = store.settings.value;
  const auto = countryOf({ country: 'auto', usage: false }, settings.baseCurrency, props.lang);
  // How often the browser's access was refused since counting was last on or off: the message shows while counting
  // stays off, and each refusal remounts the checkbox so it shows unchecked again.
  const [refusals, setRefusals] = useState(0);
  return (
    <RightsSettings
      key={refusals}
      value={settings.rights}
      {...(auto ? { auto } : {})}
      refused={refusals > 0 && !settings.rights.usage}
      t={t}
      onChange={async (next) => {
        if (next.usage && !settings.rights.usage) {
          const granted = await browser.permissions.request(visitPermissions()).catch(() => false);
          if (!granted) {
            setRefusals((n) => n + 1);
            return;
          }
        }
        const r = await store.updateSettings({ ...store.settings.value, rights: next });
        if (!r.ok || next.usage === settings.rights.usage) return;
        await rightsOfStore(store).setCounting(next.usage);
        if (!next.usage) {
          setRefusals(0);
          await browser.permissions.remove(visitPermissions()).catch(() => false);
        }
      }}
    />
  );
}
