import { detectPage } from '../../../lib/detect';
import type { Line } from '../../../lib/detect/dom';
import { loadHtml } from '../../../lib/detect/load';
import { DIRECTORY_OPTIONS } from '../../../lib/directory';
import type { PageDetection } from '../../../lib/model';

/** Plain lines (no headings, no sections) for testing the text readers directly. */
export function linesOf(texts: string[]): Line[] {
  return texts.map((text) => ({
    text,
    groups: [],
    heading: 0,
    section: -1,
    button: false,
    selected: false,
  }));
}

/** Runs the detector on an HTML string. */
export async function detectHtml(html: string, url: string, now = '2026-11-23'): Promise<PageDetection> {
  const { document: doc, close } = loadHtml(html);
  try {
    return detectPage(doc, url, now, DIRECTORY_OPTIONS);
  } finally {
    await close();
  }
}
