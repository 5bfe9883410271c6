import { EMPTY_FORM } from '../lib/app/form';
import type { Translate } from '../lib/i18n';
import type { FieldErrors, Member } from '../lib/model';
import { SubscriptionForm } from './SubscriptionForm';

export interface QuickAddProps {
  base: string;
  /** What a bare `kr` means to the user. */
  krone: string;
  locale: string;
  today: string;
  members: readonly Member[];
  t: Translate;
  onSave: (input: Record<string, unknown>) => Promise<{ ok: true } | { ok: false; errors: FieldErrors }>;
  onCancel: () => void;
}

/** The popup's quick add: the subscription form, starting in the base currency and renewing today. */
export function QuickAdd(props: QuickAddProps) {
  return (
    <SubscriptionForm
      initial={{ ...EMPTY_FORM, currency: props.base, nextRenewal: props.today }}
      members={props.members}
      today={props.today}
      compact
      priceContext={{ lang: props.locale, prefer: [props.krone, props.base] }}
      t={props.t}
      onSave={props.onSave}
      onCancel={props.onCancel}
    />
  );
}
