import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { detectMail } from '../../../lib/detect';
import { readMail } from '../../../lib/detect/mail-mime';
import { toReport } from '../../../lib/detect/report';
import { DIRECTORY_OPTIONS } from '../../../lib/directory';
import { DETECTION_EVENTS, PageDetection } from '../../../lib/model';
import { diffFields, readMailCorpus } from '../../../scripts/corpus';
import { KNOWN_MAIL_FAILURES as KNOWN_FAILURES } from './mail-known';

const corpus = readMailCorpus(join(process.cwd(), 'tests', 'fixtures', 'mails'));

describe('e-mail fixture corpus', () => {
  it('has at least 80 mails in all four languages, every event, one-off receipts and sellers', () => {
    expect(corpus.length).toBeGreaterThanOrEqual(80);
    for (const lang of ['en', 'nb', 'sv', 'da']) {
      expect(corpus.filter((f) => f.name.startsWith(`${lang}-`)).length).toBeGreaterThanOrEqual(20);
    }
    for (const event of DETECTION_EVENTS) {
      expect(corpus.filter((f) => f.expected.event === event).length, event).toBeGreaterThanOrEqual(4);
    }
    expect(corpus.filter((f) => f.expected.kind === 'receipt' && !f.expected.subscription).length).toBeGreaterThan(4);
    expect(corpus.filter((f) => f.expected.kind === 'none').length).toBeGreaterThan(4);
  });

  for (const fx of corpus) {
    it(fx.name, async () => {
      const result = detectMail(await readMail(fx.raw), fx.now, DIRECTORY_OPTIONS);
      expect(PageDetection.safeParse(result).success).toBe(true);
      const report = toReport(result);
      const known = KNOWN_FAILURES[fx.name];
      if (known) expect(diffFields(fx.expected, report)).toEqual(known);
      else expect(report).toEqual(fx.expected);
    });
  }
});
