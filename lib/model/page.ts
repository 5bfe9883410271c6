import { z } from 'zod';

/*
 * What a content script sends about the page it runs in: the plain data lib/detect/dom.ts reads off the document
 * (visible text as lines, links, metadata, structured data). The detection itself runs in the background on this
 * data. Every field is bounded; the bounds sit at or above the reader's own limits (lib/detect/dom.ts LIMITS, a
 * test checks), so a real page always fits and a forged message cannot grow without limit.
 */

const str = (max: number) => z.string().max(max);
const count = z.number().int().min(0).max(1_000_000);

export const PageLine = z.object({
  text: str(10_000),
  groups: z.array(z.tuple([count, count]).nullable()).max(4),
  heading: z.number().int().min(0).max(6),
  section: z.number().int().min(-1).max(1_000_000),
  button: z.boolean(),
  selected: z.boolean(),
});

export const PageLink = z.object({ href: str(4096), text: str(300), line: count });

/**
 * All the text of all lines: the reader stops at 15,000 characters of page text (lib/detect/dom.ts LIMITS.textChars);
 * with the spaces and tabs it puts between elements a line can at most double that.
 */
export const MAX_SNAPSHOT_TEXT = 40_000;
/** All JSON-LD together (the reader's own limit: three times one script's). */
export const MAX_SNAPSHOT_JSON_LD = 600_000;

const total = (xs: readonly string[]) => xs.reduce((n, x) => n + x.length, 0);

export const PageSnapshot = z
  .object({
    title: str(500),
    htmlLang: str(20),
    meta: z.array(z.tuple([str(200), str(500)])).max(300),
    canonical: str(2048),
    baseHref: str(2048),
    jsonLd: z.array(str(200_000)).max(30),
    microdata: z.array(str(100_000)).max(300),
    lines: z.array(PageLine).max(1_500),
    links: z.array(PageLink).max(500),
    hasPaymentField: z.boolean(),
    hasPaymentFrame: z.boolean(),
    truncated: z.boolean(),
  })
  // A forged message cannot make the detector read more than a real page can give it.
  .refine((p) => total(p.lines.map((l) => l.text)) <= MAX_SNAPSHOT_TEXT, 'too much text')
  .refine((p) => total(p.jsonLd) <= MAX_SNAPSHOT_JSON_LD, 'too much structured data');
export type PageSnapshot = z.infer<typeof PageSnapshot>;
