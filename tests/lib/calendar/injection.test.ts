import { afterEach, describe, expect, it } from 'vitest';
import { EMPTY_FORM, readForm } from '../../../lib/app/form';
import { exportIcs } from '../../../lib/calendar';
import { saveSubscription } from '../../../lib/db';
import { parseBackup, serializeBackup } from '../../../lib/io/backup';
import { parseHouseholdFile } from '../../../lib/io/household';
import { acceptContentMessage } from '../../../lib/messages';
import { BACKUP_FORMAT, PageDetection, type Subscription } from '../../../lib/model';
import { dropDb, freshDb, sub } from '../../helpers';

/**
 * Calendar injection (issue 15, item 4): a link with CR/LF passed validation (`new URL()` strips them, but the raw
 * string was stored) and wrote real `ATTACH:` lines into the exported .ics. Every way a link comes in must refuse
 * it, and the .ics writer must never emit a raw line break inside a value whatever it is given.
 */
const EVIL = 'https://evil.example/x\r\nATTACH:https://evil.example/payload.exe\r\nX-Y:z';
const NOW = '2026-01-01T00:00:00.000Z';

/** Every content line of the file, unfolded (RFC 5545 §3.1), and the raw text. */
function contentLines(ics: string): string[] {
  return ics.replace(/\r\n[ \t]/g, '').split('\r\n');
}

function expectClean(ics: string) {
  // No line starts with an injected property; the only line ends are the CRLFs that end content lines.
  expect(contentLines(ics).some((l) => /^ATTACH|^X-Y/i.test(l))).toBe(false);
  expect(ics.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
}

const withLink = (url: string): Subscription =>
  ({ ...sub({ id: 's-evil', service: 'Evil' }), links: { cancel: { url, source: 'user' } } }) as Subscription;

describe('a link with CR/LF cannot reach an exported .ics', () => {
  it('the .ics writer escapes a raw line break in any value (records stored before the fix)', () => {
    const stored = withLink(EVIL);
    const evilName = { ...sub({ id: 's2' }), service: 'Netflix\r\nATTACH:https://evil.example/p' } as Subscription;
    const ics = exportIcs([stored, evilName], { now: NOW });
    expectClean(ics);
    expect(ics).toContain('BEGIN:VEVENT');
  });

  it('the form refuses it beside the field', () => {
    const r = readForm(
      { ...EMPTY_FORM, service: 'Evil', amount: '10', nextRenewal: '2026-02-01', cancel: EVIL },
      undefined,
      (code) => code,
    );
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.errors.cancel).toBe('link');
  });

  describe('the database', () => {
    const db = freshDb();
    afterEach(() => dropDb(db));
    it('refuses to save it and stores links normalised', async () => {
      const { id: _id, ...evil } = withLink(EVIL);
      const bad = await saveSubscription(db, evil, NOW);
      expect(bad.ok).toBe(false);
      const { id: _id2, ...fine } = withLink('https://Example.com/cancel plan');
      const good = await saveSubscription(db, fine, NOW);
      expect(good.ok && good.value.links.cancel?.url).toBe('https://example.com/cancel%20plan');
      const stored = good.ok ? await db.subscriptions.get(good.value.id) : undefined;
      expect(stored?.links.cancel?.url).toBe('https://example.com/cancel%20plan');
      // An edit with a link like it is refused too.
      const edit = good.ok ? await saveSubscription(db, { id: good.value.id, links: evil.links }, NOW) : undefined;
      expect(edit?.ok).toBe(false);
    });
  });

  it('a backup and a household file with it are refused, naming the entry', () => {
    const backup = {
      format: BACKUP_FORMAT,
      version: 1,
      exportedAt: NOW,
      subscriptions: [withLink(EVIL)],
    };
    const text = serializeBackup(backup as never);
    const r = parseBackup(text);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error).toMatch(/subscriptions\[0\]\.links\.cancel\.url: .*control character/);
    const household = JSON.stringify({ ...backup, household: { member: { id: 'm', name: 'Kari', color: '#123456' } } });
    const h = parseHouseholdFile(household);
    expect(h.ok).toBe(false);
  });

  it('a page cannot send it: the detection and the message schema refuse it', () => {
    const detection = {
      kind: 'account',
      service: null,
      subscription: null,
      charges: [],
      links: { cancel: EVIL },
    };
    expect(PageDetection.safeParse(detection).success).toBe(false);
    const msg = acceptContentMessage(
      { type: 'page-seen', url: 'https://evil.example/\r\nATTACH:x', page: {} },
      { id: 'me', url: 'https://evil.example/', tab: { id: 1 } },
      'me',
    );
    expect(msg.ok).toBe(false);
  });
});
