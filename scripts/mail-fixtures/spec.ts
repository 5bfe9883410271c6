/**
 * How a fixture e-mail is written down: its headers, a layout (the structure real transactional mailers produce,
 * see layouts.ts), its content as blocks, and the expected detection written beside it before the engine runs.
 */
import type { DetectReport } from '../../lib/detect/report';
import type { Charset, TransferEncoding } from './mime';

/** Inline text: `[label](https://…)` is a link, `**text**` is bold. */
export type Inline = string;

export type Block =
  /** A large title-like line (a heading in some layouts, a big table cell in others). */
  | { h: Inline }
  /** A paragraph. */
  | { p: Inline }
  /** Small grey text. */
  | { small: Inline }
  /**
   * Labels and values. `side`: label cell and value cell in one row; `stacked`: label above value, each its own
   * row; `columns`: all labels in one row and all values in the next (Stripe's amount/date/method strip);
   * `inline`: `Label: value` lines in one paragraph separated by line breaks.
   */
  | { kv: Array<[Inline, Inline]>; style?: 'side' | 'stacked' | 'columns' | 'inline' }
  /** Line items: an optional header row, rows of description and amount, then summary rows (subtotal, VAT, total). */
  | { items: Array<[Inline, Inline]>; head?: [Inline, Inline]; sums?: Array<[Inline, Inline]> }
  /** A call-to-action button. */
  | { button: Inline; href: string }
  | { hr: true };

export type Layout = 'postmark' | 'stripe' | 'mjml' | 'nordic' | 'plain' | 'shopify' | 'simple';

export interface MailSpec {
  name: string;
  lang: 'en' | 'nb' | 'sv' | 'da';
  from: [string, string];
  replyTo?: string;
  to?: string;
  subject: string;
  /** RFC 5322 Date header. */
  date: string;
  /** The day the fixture is run as of (`--now`). */
  now: string;
  layout: Layout;
  brand: string;
  /** The brand shown as a logo image (its alt text) instead of a text masthead. */
  logo?: boolean;
  /** No masthead at all (the brand appears only in the footer). */
  noMasthead?: boolean;
  preheader?: string;
  blocks: Block[];
  footer: Inline[];
  mime?: {
    charset?: Charset;
    encoding?: TransferEncoding;
    /** Also a text/plain alternative (default true for HTML layouts). */
    text?: boolean;
    /** Subject as a base64 encoded word. */
    subjectB64?: boolean;
    /** A PDF attachment of this name (multipart/mixed). */
    attach?: string;
  };
  listUnsubscribe?: boolean;
  expected: DetectReport;
}
