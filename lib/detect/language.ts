import { LANGUAGES, type LangData } from './lang';

/** The page language: a registered language's data, and the tag to give date/price parsers (`en-US`, `nb`). */
export interface PageLanguage {
  lang: LangData;
  /** The html lang tag when it names this language (keeps regions such as en-US), else the language code. */
  tag: string;
}

const STOPWORDS = LANGUAGES.map((l) => new Set(l.stopwords.map((w) => w.toLowerCase())));

function byHtmlLang(htmlLang: string): LangData | undefined {
  const primary = htmlLang.toLowerCase().split(/[-_]/)[0] ?? '';
  if (!primary) return undefined;
  return LANGUAGES.find((l) => l.htmlLang.includes(primary));
}

function byTld(hostname: string): LangData | undefined {
  const tld = hostname.toLowerCase().split('.').pop() ?? '';
  return LANGUAGES.find((l) => l.tlds.includes(tld));
}

/** Counts each language's stop words in a sample of the text; the clear winner, if any. */
function byWords(sample: string): LangData | undefined {
  const counts = LANGUAGES.map(() => 0);
  const words = sample.toLowerCase().match(/\p{L}+/gu) ?? [];
  for (let i = 0; i < words.length && i < 3000; i++) {
    const w = words[i] as string;
    STOPWORDS.forEach((set, li) => {
      if (set.has(w)) counts[li] = (counts[li] ?? 0) + 1;
    });
  }
  let best = -1;
  let bestCount = 2;
  counts.forEach((c, i) => {
    if (c > bestCount) {
      best = i;
      bestCount = c;
    }
  });
  if (best >= 0) return LANGUAGES[best];
  // A short text (a receipt of labels and values) with Nordic letters: the Nordic language with most of its words,
  // even one; `ä`/`ö` say Swedish when the words do not tell.
  if (!/[æøåäö]/i.test(sample)) return undefined;
  const nordic = LANGUAGES.map((l, i) => ({ l, c: counts[i] ?? 0 })).filter((x) => x.l.code !== 'en');
  nordic.sort((a, b) => b.c - a.c);
  const [first, second] = nordic;
  if (first && first.c > 0 && first.c > (second?.c ?? 0)) return first.l;
  if (/[äö]/i.test(sample) && !/[æø]/i.test(sample)) return LANGUAGES.find((l) => l.code === 'sv');
  return undefined;
}

/**
 * Tells the page language: from `<html lang>`, else the hostname's country domain, else word statistics over a
 * text sample; English when nothing tells.
 */
export function detectLanguage(htmlLang: string, hostname: string, textSample: string): PageLanguage {
  const fromHtml = byHtmlLang(htmlLang);
  if (fromHtml) return { lang: fromHtml, tag: htmlLang.trim() || fromHtml.code };
  const lang = byTld(hostname) ?? byWords(textSample) ?? (LANGUAGES[0] as LangData);
  return { lang, tag: lang.code };
}
