import { isValidYmd, parseIsoDate, toIsoDate, type Ymd } from './calendar';
import monthData from './months.json';

/** Context for reading dates off a page: its language (e.g. `nb`, `en-US`) and today's date. */
export type DateContext = { lang?: string; now: string };

/** A date found in a longer text. */
export type DateMatch = { index: number; length: number; date: string };

/** Longest text looked at, and most matches returned, so page text cannot make parsing slow. */
export const MAX_DATE_TEXT = 20_000;
export const MAX_DATE_MATCHES = 200;

type LangData = { months: string[][]; weekdays: string[][] };
const languages = monthData.languages as Record<string, LangData>;
const monthFirstLangs = new Set(monthData.monthFirstLangs.map((l) => l.toLowerCase()));

/** Month number (1–12) for every month name and abbreviation in every language. */
const MONTH_BY_NAME = new Map<string, number>();
const WEEKDAY_NAMES = new Set<string>();
for (const lang of Object.values(languages)) {
  lang.months.forEach((names, i) => {
    for (const n of names) MONTH_BY_NAME.set(n.toLowerCase(), i + 1);
  });
  for (const names of lang.weekdays) for (const n of names) WEEKDAY_NAMES.add(n.toLowerCase());
}

/**
 * Month names and weekdays are matched as any word (`\p{L}+`) and then looked up in the data, which keeps the
 * patterns small and fast; a word before the day that is not a weekday is trimmed off the match.
 */
const WORD_BEFORE = String.raw`(?<![\p{L}\p{N}.,])((\p{L}+)\.?,?\s+)?`;
const YEAR = String.raw`(?:,?\s*(\d{4})(?![\d.,]\d))?`;

type Resolved = { now: Ymd | null; monthFirst: boolean };
type Read = { date: string; trim: number } | null;
type Pattern = { re: RegExp; read: (m: RegExpExecArray, ctx: Resolved) => Read };

/** `23. desember 2026`, `23 Dec 2026`, `mandag 23. des.`, `23rd of December` */
const DAY_MONTH = new RegExp(
  String.raw`${WORD_BEFORE}(\d{1,2})(?:\.|st|nd|rd|th)?\s*(?:of\s+)?(\p{L}+)\.?${YEAR}`,
  'gu',
);
/** `December 23, 2026`, `Dec 23`, `Monday, December 23` */
const MONTH_DAY = new RegExp(
  String.raw`${WORD_BEFORE}(?<![\p{L}\p{N}])(\p{L}+)\.?\s*(\d{1,2})(?:st|nd|rd|th)?(?!\d)(?![:.,]\d)${YEAR}`,
  'gu',
);
/** `2026-12-23` */
const ISO = /(?<![\d./-])(\d{4})-(\d{1,2})-(\d{1,2})(?![\d])/g;
/** `23.12.2026`, `23.12.26` (always day first) */
const DOTTED = /(?<![\d.,])(\d{1,2})\. ?(\d{1,2})\. ?(\d{4}|\d{2})(?![\d]|[.,]\d)/g;
/** `23/12/2026`, `12/23/2026`, `23-12-2026` */
const SLASHED = /(?<![\d/-])(\d{1,2})([/-])(\d{1,2})\2(\d{4}|\d{2})(?![\d/]|-\d)/g;

const MIN_YEAR = 1900;
const MAX_YEAR = 2199;

function fullYear(text: string, ctx: Resolved): number {
  const n = Number(text);
  if (text.length === 4) return n;
  const nowYear = ctx.now?.y ?? 2000;
  const y = 2000 + n;
  return y > nowYear + 50 ? y - 100 : y;
}

function dated(y: number, m: number, d: number): string | null {
  return y >= MIN_YEAR && y <= MAX_YEAR && isValidYmd(y, m, d) ? toIsoDate(y, m, d) : null;
}

/** The first day/month on or after `now` (Feb 29 waits for the next leap year). */
function nextYearless(m: number, d: number, ctx: Resolved): string | null {
  const now = ctx.now;
  if (!now || m < 1 || m > 12 || d < 1 || d > 31) return null;
  const today = toIsoDate(now.y, now.m, now.d);
  for (let y = now.y; y <= now.y + 8; y++) {
    const iso = dated(y, m, d);
    if (iso && iso >= today) return iso;
  }
  return null;
}

function named(
  monthText: string | undefined,
  dayText: string | undefined,
  yearText: string | undefined,
  ctx: Resolved,
) {
  const m = MONTH_BY_NAME.get((monthText ?? '').toLowerCase());
  const d = Number(dayText);
  if (!m) return null;
  if (yearText) return dated(Number(yearText), m, d);
  return nextYearless(m, d, ctx);
}

/** Keeps a weekday in front of the date in the match; any other word is trimmed off. */
function withWordBefore(date: string | null, prefix: string | undefined, word: string | undefined): Read {
  if (!date) return null;
  const keep = word !== undefined && WEEKDAY_NAMES.has(word.toLowerCase());
  return { date, trim: keep ? 0 : (prefix?.length ?? 0) };
}

const whole = (date: string | null): Read => (date ? { date, trim: 0 } : null);

const PATTERNS: Pattern[] = [
  { re: ISO, read: (m) => whole(dated(Number(m[1]), Number(m[2]), Number(m[3]))) },
  { re: DOTTED, read: (m, ctx) => whole(dated(fullYear(m[3] ?? '', ctx), Number(m[2]), Number(m[1]))) },
  {
    re: SLASHED,
    read: (m, ctx) => {
      const a = Number(m[1]);
      const b = Number(m[3]);
      const y = fullYear(m[4] ?? '', ctx);
      const dayFirst = dated(y, b, a);
      const monthFirst = dated(y, a, b);
      return whole(ctx.monthFirst ? (monthFirst ?? dayFirst) : (dayFirst ?? monthFirst));
    },
  },
  { re: DAY_MONTH, read: (m, ctx) => withWordBefore(named(m[4], m[3], m[5], ctx), m[1], m[2]) },
  { re: MONTH_DAY, read: (m, ctx) => withWordBefore(named(m[3], m[4], m[5], ctx), m[1], m[2]) },
];

function resolve(ctx: DateContext | undefined): Resolved {
  const lang = typeof ctx?.lang === 'string' ? ctx.lang.toLowerCase().replace('_', '-') : '';
  return { now: parseIsoDate(ctx?.now ?? ''), monthFirst: monthFirstLangs.has(lang) };
}

/**
 * Every date in `text` (en/nb/sv/da month names, numeric forms, ISO), in reading order, without overlaps.
 * Dates without a year are the next such day on or after `ctx.now`. Impossible days (31.02.2026) are skipped.
 * Looks at the first {@link MAX_DATE_TEXT} characters and returns at most {@link MAX_DATE_MATCHES}. Never throws.
 */
export function findDates(text: string, ctx: DateContext): DateMatch[] {
  if (typeof text !== 'string' || text.length === 0) return [];
  const src = text.length > MAX_DATE_TEXT ? text.slice(0, MAX_DATE_TEXT) : text;
  const resolved = resolve(ctx);
  const found: DateMatch[] = [];
  for (const { re, read } of PATTERNS) {
    re.lastIndex = 0;
    // Every attempt moves forward by at least one character, so this only guards against mistakes.
    let budget = 2 * src.length + 10;
    let kept = 0;
    for (let m = re.exec(src); m && budget-- > 0 && kept < MAX_DATE_MATCHES; m = re.exec(src)) {
      if (m[0].length === 0) {
        re.lastIndex++;
        continue;
      }
      const r = read(m, resolved);
      if (r) {
        found.push({ index: m.index + r.trim, length: m[0].length - r.trim, date: r.date });
        kept++;
      }
      // Not a date: look again from the next character, so a real date inside this match is not skipped.
      else re.lastIndex = m.index + 1;
    }
  }
  found.sort((a, b) => a.index - b.index || b.length - a.length);
  const out: DateMatch[] = [];
  let end = -1;
  for (const f of found) {
    if (f.index < end) continue;
    out.push(f);
    end = f.index + f.length;
    if (out.length >= MAX_DATE_MATCHES) break;
  }
  return out;
}

/**
 * Reads the first date in `text` as `YYYY-MM-DD`: `23. desember 2026`, `23 dec. 2026`, `December 23, 2026`,
 * `23.12.2026`, `23.12.26`, `2026-12-23`, `23/12/2026` (day first unless `ctx.lang` is `en-US` or day-first is
 * impossible), `Dec 23` (next such day on or after `ctx.now`). Returns null when there is none. Never throws.
 */
export function parseLocalDate(text: string, ctx: DateContext): string | null {
  try {
    return findDates(text, ctx)[0]?.date ?? null;
  } catch {
    return null;
  }
}
