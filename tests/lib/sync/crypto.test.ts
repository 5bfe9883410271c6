import { describe, expect, it } from 'vitest';
import { fromBase64Url, toBase64Url } from '../../../lib/sync/base64';
import {
  deriveHouseholdKeys,
  docIdFor,
  newDeviceKeyPair,
  newHouseholdKey,
  newPasscode,
  normalisePasscode,
  openDoc,
  openInvite,
  SealError,
  sealDoc,
  sealInvite,
  unwrapWith,
  wrapFor,
} from '../../../lib/sync/crypto';

const keysOf = (raw = newHouseholdKey(), epoch = 1) => deriveHouseholdKeys(raw, 'hh1', epoch);

async function reason(p: Promise<unknown>): Promise<string> {
  try {
    await p;
    return 'opened';
  } catch (e) {
    return e instanceof SealError ? e.reason : `other: ${String(e)}`;
  }
}

describe('document encryption', () => {
  it('round-trips and uses a fresh IV for every write', async () => {
    const keys = await keysOf();
    const payload = { t: 'subscriptions', id: 's1', s: { f: { service: 'Netflix' }, c: {}, b: {} } };
    const one = await sealDoc(keys, 'doc1', payload);
    const two = await sealDoc(keys, 'doc1', payload);
    expect(one.iv).not.toBe(two.iv);
    expect(one.ct).not.toBe(two.ct);
    expect(await openDoc(keys, 'doc1', one)).toEqual(payload);
    expect(JSON.stringify(one)).not.toContain('Netflix');
  });

  it('rejects tampered ciphertext, a wrong key, a moved document and another epoch', async () => {
    const raw = newHouseholdKey();
    const keys = await keysOf(raw);
    const env = await sealDoc(keys, 'doc1', { amount: 17900 });
    const bytes = fromBase64Url(env.ct);
    bytes[3] = (bytes[3] as number) ^ 1;
    expect(await reason(openDoc(keys, 'doc1', { ...env, ct: toBase64Url(bytes) }))).toBe('auth');
    const ivBytes = fromBase64Url(env.iv);
    ivBytes[0] = (ivBytes[0] as number) ^ 1;
    expect(await reason(openDoc(keys, 'doc1', { ...env, iv: toBase64Url(ivBytes) }))).toBe('auth');
    expect(await reason(openDoc(await keysOf(), 'doc1', env))).toBe('auth');
    expect(await reason(openDoc(keys, 'doc2', env))).toBe('auth');
    expect(await reason(openDoc(await deriveHouseholdKeys(raw, 'other-household', 1), 'doc1', env))).toBe('auth');
    expect(await reason(openDoc(await keysOf(raw, 2), 'doc1', env))).toBe('epoch');
    expect(await reason(openDoc(await keysOf(raw, 2), 'doc1', { ...env, e: 2 }))).toBe('auth');
  });

  it('reports garbage as not a document', async () => {
    const keys = await keysOf();
    expect(await reason(openDoc(keys, 'd', null))).toBe('format');
    expect(await reason(openDoc(keys, 'd', { v: 1, e: 1, iv: '***', ct: 'abc' }))).toBe('format');
    expect(await reason(openDoc(keys, 'd', { v: 1, e: 1, iv: 'AAAA', ct: 'abc' }))).toBe('format');
    expect(await reason(openDoc(keys, 'd', '<html>Bad gateway</html>'))).toBe('format');
  });

  it('gives document ids that are stable per record and reveal nothing', async () => {
    const raw = newHouseholdKey();
    const keys = await keysOf(raw);
    const id = await docIdFor(keys, 'subscriptions', 'netflix-1');
    expect(id).toMatch(/^d[A-Za-z0-9_-]{22}$/);
    expect(await docIdFor(await keysOf(raw), 'subscriptions', 'netflix-1')).toBe(id);
    expect(await docIdFor(keys, 'charges', 'netflix-1')).not.toBe(id);
    expect(await docIdFor(keys, 'subscriptions', 'netflix-2')).not.toBe(id);
    expect(await docIdFor(await keysOf(raw, 2), 'subscriptions', 'netflix-1')).not.toBe(id);
    expect(await docIdFor(await keysOf(), 'subscriptions', 'netflix-1')).not.toBe(id);
    expect(id.toLowerCase()).not.toContain('netflix');
  });
});

describe('key wrapping for devices', () => {
  it('opens only for the device it was sealed for, in its context', async () => {
    const anna = await newDeviceKeyPair();
    const ola = await newDeviceKeyPair();
    const secret = newHouseholdKey();
    const wrapped = await wrapFor(anna.publicJwk, secret, 'rotation hh1 epoch 2');
    expect(await unwrapWith(anna.privateKey, wrapped, 'rotation hh1 epoch 2')).toEqual(secret);
    expect(await reason(unwrapWith(ola.privateKey, wrapped, 'rotation hh1 epoch 2'))).toBe('auth');
    expect(await reason(unwrapWith(anna.privateKey, wrapped, 'rotation hh1 epoch 3'))).toBe('auth');
    expect(anna.privateKey.extractable).toBe(false);
    expect(anna.publicJwk).not.toHaveProperty('d');
  });
});

describe('invite codes', () => {
  it('open with the passcode however it is typed, and not with another', async () => {
    const passcode = newPasscode();
    expect(passcode).toMatch(/^[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}$/);
    const code = await sealInvite({ server: 'https://couch.example', key: 'abc' }, passcode);
    expect(code.startsWith('SK1.')).toBe(true);
    expect(code).not.toContain('couch.example');
    expect(await openInvite(code, passcode.toLowerCase().replace('-', ' '))).toEqual({
      server: 'https://couch.example',
      key: 'abc',
    });
    expect(await reason(openInvite(code, 'AAAA-AAAA'))).toBe('auth');
    expect(await reason(openInvite('hello', passcode))).toBe('format');
    expect(await reason(openInvite(`${code.slice(0, 30)}!!`, passcode))).toBe('format');
    // Change the second-to-last character (always data), to one it is not (about one run in 64 it already was 'A').
    const flipped = `${code.slice(0, -2)}${code.at(-2) === 'A' ? 'B' : 'A'}${code.slice(-1)}`;
    expect(flipped).not.toBe(code);
    expect(await reason(openInvite(flipped, passcode))).toBe('auth');
  }, 30000);

  it('reads O as 0 and I or L as 1 in a passcode', () => {
    expect(normalisePasscode('o1il-ab cd')).toBe('0111ABCD');
  });
});
