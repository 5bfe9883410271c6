import { formatDate } from '../dates';
import { createTranslator, LOCALES } from '../i18n';
import { Email, type Language } from '../model';

/**
 * Pre-filled cancellation and withdrawal messages (issue 14 item 6) in Norwegian, Swedish, Danish or English —
 * chosen apart from the UI language, since the service may be in another country. The words are i18n text
 * (lib/i18n/locales/<lang>/rights.json, `rights.letter.*`); the user copies the message or opens it in their mail
 * program through a `mailto:` link (the only non-http link Subkeeper ever opens).
 */

export type LetterKind = 'cancel' | 'withdraw';

export interface LetterFacts {
  kind: LetterKind;
  lang: Language;
  /** The user's name (typed in the letter view). */
  name?: string;
  service: string;
  customerNumber?: string;
  /** The day the contract was concluded (a withdrawal names it). */
  contractDate?: string;
  /** The rule the letter invokes (`angrerettloven §§ 20–22`, `forbrugeraftaleloven § 28`). */
  citation?: string;
  /** The day the contract should end, when a rule or the terms say. */
  endsOn?: string;
  /** The service's own address, when the page gave one. */
  email?: string;
  today: string;
}

export interface Letter {
  subject: string;
  body: string;
  /** `mailto:` with the subject and body filled in (and the service's address, when known and valid). */
  mailto: string;
}

export function letter(f: LetterFacts): Letter {
  const t = createTranslator(f.lang);
  const locale = LOCALES[f.lang];
  const date = (d: string) => formatDate(d, locale, 'long');
  const p = {
    service: f.service,
    customer: f.customerNumber ?? '',
    contractDate: f.contractDate ? date(f.contractDate) : '',
    citation: f.citation ?? '',
    endsOn: f.endsOn ? date(f.endsOn) : '',
  };
  const k = `rights.letter.${f.kind}`;
  const lines: string[] = [t('rights.letter.greeting'), ''];
  let first = t(f.customerNumber ? `${k}.bodyCustomer` : `${k}.body`, p);
  if (f.kind === 'withdraw' && f.contractDate) first = `${first} ${t(`${k}.concluded`, p)}`;
  lines.push(first);
  if (f.citation) lines.push(t(`${k}.rule`, p));
  lines.push(t(f.endsOn ? `${k}.askEnds` : `${k}.ask`, p));
  lines.push('', t('rights.letter.regards'), f.name?.trim() || t('rights.letter.namePlaceholder'), date(f.today));
  const subject = t(`${k}.subject`, p);
  const body = lines.join('\n');
  const to = f.email && Email.safeParse(f.email).success ? f.email : '';
  const mailto = `mailto:${to}?subject=${encodeURIComponent(subject)}&body=${encodeURIComponent(body)}`;
  return { subject, body, mailto };
}
