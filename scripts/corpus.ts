/**
 * The fixture corpus (tests/fixtures/pages): each page with its expected report, and a per-field comparison used
 * by the fixture test and the evaluation script. Node-only (reads files).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { DetectReport } from '../lib/detect/report';

export interface Fixture {
  name: string;
  html: string;
  url: string;
  now: string;
  expected: DetectReport;
}

/** Reads every `<name>.html` with its `<name>.meta.json` ({url, now}) and `<name>.expected.json`. */
export function readCorpus(dir: string): Fixture[] {
  return readdirSync(dir)
    .filter((f) => f.endsWith('.html'))
    .sort()
    .map((f) => {
      const name = f.slice(0, -'.html'.length);
      const meta = JSON.parse(readFileSync(join(dir, `${name}.meta.json`), 'utf8')) as { url: string; now: string };
      const expected = JSON.parse(readFileSync(join(dir, `${name}.expected.json`), 'utf8')) as DetectReport;
      return { name, html: readFileSync(join(dir, f), 'utf8'), url: meta.url, now: meta.now, expected };
    });
}

/** One fixture e-mail: its raw bytes, the day it is run as of, and its expected report. */
export interface MailFixture {
  name: string;
  raw: Uint8Array;
  now: string;
  expected: DetectReport;
}

/** Reads every `<name>.eml` with its `<name>.meta.json` ({now}) and `<name>.expected.json`. */
export function readMailCorpus(dir: string): MailFixture[] {
  return readdirSync(dir)
    .filter((f) => f.endsWith('.eml'))
    .sort()
    .map((f) => {
      const name = f.slice(0, -'.eml'.length);
      const meta = JSON.parse(readFileSync(join(dir, `${name}.meta.json`), 'utf8')) as { now: string };
      const expected = JSON.parse(readFileSync(join(dir, `${name}.expected.json`), 'utf8')) as DetectReport;
      return { name, raw: new Uint8Array(readFileSync(join(dir, f))), now: meta.now, expected };
    });
}

/** The fields scored by the evaluation, each read off a report. */
export const FIELDS: Record<string, (r: DetectReport) => unknown> = {
  kind: (r) => r.kind,
  service: (r) => r.service,
  amount: (r) => r.subscription?.amount ?? null,
  currency: (r) => r.subscription?.currency ?? null,
  period: (r) => r.subscription?.period ?? null,
  trialDays: (r) => r.subscription?.trialDays ?? null,
  intro: (r) => [r.subscription?.introAmount ?? null, r.subscription?.introPeriods ?? null],
  nextRenewal: (r) => r.subscription?.nextRenewal ?? null,
  priceChange: (r) => r.subscription?.priceChange ?? null,
  charges: (r) => r.charges,
  links: (r) => r.links,
  event: (r) => r.event ?? null,
};

/** Stable JSON (sorted keys) for comparing reports. */
export function canonical(v: unknown): string {
  return JSON.stringify(v, (_k, val) =>
    val && typeof val === 'object' && !Array.isArray(val)
      ? Object.fromEntries(Object.entries(val as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : 1)))
      : val,
  );
}

/** Names of the fields where `actual` differs from `expected`. */
export function diffFields(expected: DetectReport, actual: DetectReport): string[] {
  return Object.entries(FIELDS)
    .filter(([, read]) => canonical(read(expected)) !== canonical(read(actual)))
    .map(([name]) => name);
}
