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

export const PageSnapshot = z.object({
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
});
export type PageSnapshot = z.infer<typeof PageSnapshot>;
