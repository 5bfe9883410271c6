import { describe, expect, it } from 'vitest';
import {
  EMPTY_FORM,
  editInput,
  parseAmountInput,
  readForm,
  rebaseValues,
  valuesForNew,
  valuesFrom,
} from '../../../lib/app/form';
import { sub } from '../../helpers';

const err = (code: string) => `E:${code}`;

describe('add/edit form', () => {
  it('reads amounts as people type them', () => {
    expect(parseAmountInput('129')).toBe('129');
    expect(parseAmountInput('129,50')).toBe('129.50');
    expect(parseAmountInput('1 299,00')).toBe('1299.00');
    expect(parseAmountInput('1\u00a0299')).toBe('1299');
    expect(parseAmountInput('1,299.00')).toBe('1299.00');
    expect(parseAmountInput('1.299')).toBe('1299');
    expect(parseAmountInput('9.99')).toBe('9.99');
    expect(parseAmountInput('twelve')).toBeNull();
    expect(parseAmountInput('')).toBeNull();
  });

  it('puts a message beside each wrong field', () => {
    const r = readForm({ ...EMPTY_FORM, amount: 'abc', reminderDays: 'x' }, undefined, err);
    expect(r).toEqual({
      ok: false,
      errors: { service: 'E:required', amount: 'E:amount', nextRenewal: 'E:required', reminderDays: 'E:number' },
    });
  });

  it('rejects a non-http link beside its field', () => {
    const r = readForm(
      { ...EMPTY_FORM, service: 'X', amount: '10', nextRenewal: '2026-12-01', cancel: 'javascript:alert(1)' },
      undefined,
      err,
    );
    expect(r).toEqual({ ok: false, errors: { cancel: 'E:link' } });
  });

  it('turns valid values into a subscription input in minor units', () => {
    const r = readForm(
      {
        ...EMPTY_FORM,
        service: ' Viaplay ',
        amount: '129,00',
        nextRenewal: '2026-12-23',
        cancel: 'https://viaplay.no/si-opp',
      },
      undefined,
      err,
    );
    expect(r.ok).toBe(true);
    if (r.ok) {
      expect(r.input).toMatchObject({
        service: 'Viaplay',
        amountMinor: 12900,
        currency: 'NOK',
        billingAnchor: '2026-12-23',
      });
      expect(r.input.links).toEqual({ cancel: { url: 'https://viaplay.no/si-opp', source: 'user' } });
    }
  });

  it('round-trips an existing subscription and keeps a link’s source when unchanged', () => {
    const s = sub({ links: { cancel: { url: 'https://www.netflix.com/cancelplan', source: 'directory' } } });
    const r = readForm(valuesFrom(s), s, err);
    expect(r.ok && r.input).toMatchObject({
      id: s.id,
      amountMinor: s.amountMinor,
      links: { cancel: { source: 'directory' } },
    });
  });
});

describe('a new form from a detection', () => {
  it('uses the detected currency’s minor units and the page’s renewal day', () => {
    const detected = {
      kind: 'signup' as const,
      service: { name: 'Nintendo Online', domain: 'nintendo.co.jp' },
      subscription: { amountMinor: 306, currency: 'JPY', period: 'P1M', nextRenewal: '2026-12-01' },
      charges: [],
      links: {},
    };
    expect(valuesForNew(detected, 'NOK', '2026-11-23')).toMatchObject({
      service: 'Nintendo Online',
      amount: '306',
      currency: 'JPY',
      nextRenewal: '2026-12-01',
    });
    expect(valuesForNew(undefined, 'SEK', '2026-11-23')).toMatchObject({
      service: '',
      currency: 'SEK',
      nextRenewal: '2026-11-23',
    });
  });
});

describe('editInput: an edit saves only what the user changed', () => {
  const code = (c: string) => c;
  it('sends the id and the changed fields only, in model terms', () => {
    const base = sub({ id: 's1', amountMinor: 17900, notes: 'a' });
    const start = valuesFrom(base);
    const r = editInput({ ...start, amount: '199,00', notes: 'b' }, start, base, code);
    expect(r).toEqual({ ok: true, input: { id: 's1', amountMinor: 19900, notes: 'b' } });
  });
  it('sees no change in a price written another way', () => {
    const base = sub({ id: 's1', amountMinor: 17900 });
    const start = valuesFrom(base);
    expect(editInput({ ...start, amount: '179,00' }, start, base, code)).toEqual({ ok: true, input: { id: 's1' } });
  });
  it('confirms a found subscription the user edits', () => {
    const base = sub({ id: 's1', confirmed: false, source: 'detected' });
    const start = valuesFrom(base);
    expect(editInput(start, start, base, code)).toEqual({ ok: true, input: { id: 's1', confirmed: true } });
  });
  it('is the whole input for a new subscription', () => {
    const values = { ...EMPTY_FORM, service: 'X', amount: '10', nextRenewal: '2026-12-01' };
    expect(editInput(values, EMPTY_FORM, undefined, code)).toEqual(readForm(values, undefined, code));
  });
});

describe('rebaseValues', () => {
  it('takes the latest record and keeps the user’s changes outside the conflicting fields', () => {
    const start = valuesFrom(sub({ amountMinor: 17900 }));
    const latest = valuesFrom(sub({ amountMinor: 19900, notes: 'theirs' }));
    const mine = { ...start, amount: '189', paymentMethod: 'Visa' };
    const next = rebaseValues(mine, start, latest, ['amountMinor']);
    expect(next).toEqual({ ...latest, paymentMethod: 'Visa' });
  });
});
