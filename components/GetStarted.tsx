import type { Translate } from '../lib/i18n';

/** Where each first step leads (dashboard routes; from the first-run page, `options.html#/…`). */
export interface StartLinks {
  add: string;
  statement: string;
  mail: string;
  backup: string;
}

const STEPS = ['add', 'statement', 'mail', 'backup'] as const;

/**
 * The four ways to start: add one by hand, import a bank statement, import mail receipts, restore a backup. Shown on
 * the first-run page and wherever the dashboard has nothing to show yet.
 */
export function GetStarted(props: { links: StartLinks; t: Translate }) {
  const { t } = props;
  return (
    <ul class="get-started">
      {STEPS.map((step) => (
        <li key={step}>
          <a class={`tile${step === 'add' ? ' primary-tile' : ''}`} href={props.links[step]}>
            <strong>{t(`welcome.start.${step}`)}</strong>
            <span class="muted small">{t(`welcome.start.${step}Hint`)}</span>
          </a>
        </li>
      ))}
    </ul>
  );
}

/** The dashboard's own links to the first steps. */
export const DASHBOARD_START: StartLinks = {
  add: '#/add',
  statement: '#/data/statement',
  mail: '#/data/mail',
  backup: '#/data/backup',
};
