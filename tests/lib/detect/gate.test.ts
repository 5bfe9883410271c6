import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { type GateInput, gate } from '../../../lib/detect/gate';
import { collectGateInput } from '../../../lib/detect/gate-collect';
import { loadHtml } from '../../../lib/detect/load';
import { readCorpus } from '../../../scripts/corpus';

const corpus = readCorpus(join(process.cwd(), 'tests', 'fixtures', 'pages'));

function input(over: Partial<GateInput>): GateInput {
  return {
    url: 'https://www.example.com/',
    title: '',
    textSample: '',
    hasStructuredOffer: false,
    hasPaymentField: false,
    hasPaymentFrame: false,
    knownHost: false,
    ...over,
  };
}

async function gateOf(html: string, url: string): Promise<boolean> {
  const { document: doc, close } = loadHtml(html);
  const u = new URL(url);
  const result = gate(collectGateInput(doc, { href: u.href, hostname: u.hostname }));
  await close();
  return result;
}

describe('gate', () => {
  it('fires on payment fields and frames alone', () => {
    expect(gate(input({ hasPaymentField: true }))).toBe(true);
    expect(gate(input({ hasPaymentFrame: true }))).toBe(true);
  });

  it('needs two agreeing cues otherwise', () => {
    expect(gate(input({ url: 'https://x.no/min-side/abonnement' }))).toBe(false);
    expect(gate(input({ url: 'https://x.no/min-side', textSample: 'Ditt abonnement fornyes 3. desember' }))).toBe(true);
    expect(gate(input({ title: 'Mitt abonnement', textSample: 'Premium 129 kr/mnd' }))).toBe(true);
    expect(gate(input({ textSample: 'Premium 129 kr/mnd' }))).toBe(false);
    expect(gate(input({ textSample: 'Premium 129 kr/mnd', knownHost: true }))).toBe(true);
    expect(gate(input({ title: 'Kvitto', hasStructuredOffer: true }))).toBe(true);
  });

  it('reads the page text only when the address, title, structured data or host already point at a subscription', () => {
    let read = 0;
    const counting = (over: Partial<GateInput>): GateInput => {
      const base = input(over);
      return Object.defineProperty(base, 'textSample', {
        get() {
          read++;
          return 'Premium 129 kr/mnd. Neste trekk 3. desember';
        },
      });
    };
    // Text alone (an article about a price rise has these words too) is not enough, and is not even read.
    expect(gate(counting({ url: 'https://avis.example/nyheter/strompris', title: 'Strømprisen stiger' }))).toBe(false);
    expect(read).toBe(0);
    expect(gate(counting({ url: 'https://avis.example/kampanje' }))).toBe(true);
    expect(gate(counting({ title: 'Velg abonnement' }))).toBe(true);
    expect(gate(counting({ knownHost: true }))).toBe(true);
    expect(gate(counting({ hasStructuredOffer: true }))).toBe(true);
    expect(read).toBe(4);
  });

  for (const fx of corpus.filter((f) => f.expected.subscription !== null)) {
    it(`fires on ${fx.name}`, async () => {
      expect(await gateOf(fx.html, fx.url)).toBe(true);
    });
  }

  it('stays quiet on a large article page without subscriptions', async () => {
    const para =
      '<p>Vi gikk fra parkeringsplassen ved sjøen tidlig om morgenen. Stien følger bekken opp gjennom bjørkeskogen, og etter to timer står du på toppen med utsikt over hele fjorden.</p>';
    const html = `<html lang="nb"><head><title>Fem fine fjellturer i høst | Turbloggen</title></head><body><article><h1>Fem fine fjellturer i høst</h1>${para.repeat(3000)}</article></body></html>`;
    expect(html.length).toBeGreaterThan(400_000);
    expect(await gateOf(html, 'https://www.turbloggen.no/artikler/fjellturer-i-host')).toBe(false);
  });

  it('ships little: the gate and its word list are small', () => {
    const words = readFileSync(join(process.cwd(), 'lib', 'detect', 'gate-words.json'), 'utf8');
    const code = readFileSync(join(process.cwd(), 'lib', 'detect', 'gate.ts'), 'utf8').replace(
      /\/\*\*[\s\S]*?\*\//g,
      '',
    );
    expect(JSON.stringify(JSON.parse(words)).length + code.length).toBeLessThan(4500);
  });
});
