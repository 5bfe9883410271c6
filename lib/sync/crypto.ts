import { fromBase64Url, fromUtf8, toBase64Url, utf8 } from './base64';

/**
 * End-to-end encryption of the household's documents (WebCrypto only).
 *
 * - The household key is 32 random bytes. Two keys are derived from it with HKDF-SHA-256, bound to the household
 *   id and the key's epoch: an AES-GCM-256 key for document contents and an HMAC-SHA-256 key for document ids.
 * - Every write is sealed with a fresh random 96-bit IV. The additional data binds the ciphertext to its
 *   household, epoch and document id, so the server cannot move a ciphertext to another document or replay one
 *   from an earlier key; a changed bit anywhere fails the GCM tag.
 * - A document id is the HMAC of the record's table and id (first 128 bits, base64url, after a `d`): the same record maps to
 *   the same document on every device, and the id says nothing about the service, the amount or even the kind
 *   of record.
 * - Each device has an ECDH P-256 key pair (the private key is created non-extractable and never leaves the
 *   browser's storage). When the household key is rotated, the new key is sealed for each remaining device
 *   with ECDH + HKDF + AES-GCM, so a device that left cannot read it even from the old database.
 * - Invite codes are sealed with a one-time passcode (PBKDF2-SHA-256, 600,000 iterations), so a code copied
 *   through a chat app is useless without the passcode told another way.
 */

export const KEY_BYTES = 32;
const IV_BYTES = 12;
const ENVELOPE_VERSION = 1;

export type CryptoFailure = 'format' | 'epoch' | 'auth' | 'json';

/** Why a document or code could not be opened. */
export class SealError extends Error {
  constructor(
    readonly reason: CryptoFailure,
    message: string,
  ) {
    super(message);
    this.name = 'SealError';
  }
}

export function randomBytes(n: number): Uint8Array<ArrayBuffer> {
  const out = new Uint8Array(n);
  crypto.getRandomValues(out);
  return out;
}

/** A random id of `bytes` bytes, base64url. */
export function randomId(bytes = 12): string {
  return toBase64Url(randomBytes(bytes));
}

export function newHouseholdKey(): Uint8Array<ArrayBuffer> {
  return randomBytes(KEY_BYTES);
}

export interface HouseholdKeys {
  householdId: string;
  epoch: number;
  /** AES-GCM for contents. */
  enc: CryptoKey;
  /** HMAC-SHA-256 for document ids. */
  ids: CryptoKey;
}

export async function deriveHouseholdKeys(raw: Uint8Array, householdId: string, epoch: number): Promise<HouseholdKeys> {
  if (raw.length !== KEY_BYTES) throw new SealError('format', 'a household key has 32 bytes');
  const base = await crypto.subtle.importKey('raw', copy(raw), 'HKDF', false, ['deriveKey']);
  const salt = utf8.encode(`subkeeper household ${householdId} epoch ${epoch}`);
  const enc = await crypto.subtle.deriveKey(
    { name: 'HKDF', hash: 'SHA-256', salt, info: utf8.encode('subkeeper/contents/v1') },
    base,
    { name: 'AES-GCM', length: 256 },
    false,
    ['encrypt', 'decrypt'],
  );
  const ids = await crypto.subtle.deriveKey(
    { name: 'HKDF', hash: 'SHA-256', salt, info: utf8.encode('subkeeper/ids/v1') },
    base,
    { name: 'HMAC', hash: 'SHA-256', length: 256 },
    false,
    ['sign'],
  );
  return { householdId, epoch, enc, ids };
}

/** The document id of a record: nothing about the record can be read from it. */
export async function docIdFor(keys: HouseholdKeys, table: string, recordId: string): Promise<string> {
  const mac = await crypto.subtle.sign('HMAC', keys.ids, utf8.encode(`${table}\u0000${recordId}`));
  // CouchDB keeps ids that start with `_` for itself: the constant `d` prefix says nothing about the record.
  return `d${toBase64Url(new Uint8Array(mac).slice(0, 16))}`;
}

/** What the server stores for a document besides `_id` and `_rev`. */
export interface Envelope {
  /** Format version. */
  v: number;
  /** Key epoch. */
  e: number;
  iv: string;
  ct: string;
}

function docAad(keys: HouseholdKeys, docId: string): Uint8Array<ArrayBuffer> {
  return utf8.encode(`subkeeper-doc/${ENVELOPE_VERSION}|${keys.householdId}|${keys.epoch}|${docId}`);
}

export async function sealDoc(keys: HouseholdKeys, docId: string, payload: unknown): Promise<Envelope> {
  const iv = randomBytes(IV_BYTES);
  const plain = utf8.encode(JSON.stringify(payload));
  const ct = await crypto.subtle.encrypt({ name: 'AES-GCM', iv, additionalData: docAad(keys, docId) }, keys.enc, plain);
  return { v: ENVELOPE_VERSION, e: keys.epoch, iv: toBase64Url(iv), ct: toBase64Url(new Uint8Array(ct)) };
}

/** Opens a document; throws SealError when it is not an envelope, is from another epoch, or fails its tag. */
export async function openDoc(keys: HouseholdKeys, docId: string, doc: unknown): Promise<unknown> {
  const env = doc as Partial<Envelope> | null;
  if (!env || typeof env !== 'object' || env.v !== ENVELOPE_VERSION) {
    throw new SealError('format', 'not an encrypted Subkeeper document');
  }
  if (typeof env.iv !== 'string' || typeof env.ct !== 'string' || typeof env.e !== 'number') {
    throw new SealError('format', 'the document lacks its IV or ciphertext');
  }
  if (env.e !== keys.epoch)
    throw new SealError('epoch', `sealed with key ${env.e}, this browser has key ${keys.epoch}`);
  let iv: Uint8Array<ArrayBuffer>;
  let ct: Uint8Array<ArrayBuffer>;
  try {
    iv = fromBase64Url(env.iv);
    ct = fromBase64Url(env.ct);
  } catch {
    throw new SealError('format', 'the IV or ciphertext is not base64url');
  }
  if (iv.length !== IV_BYTES) throw new SealError('format', 'the IV has the wrong length');
  let plain: ArrayBuffer;
  try {
    plain = await crypto.subtle.decrypt({ name: 'AES-GCM', iv, additionalData: docAad(keys, docId) }, keys.enc, ct);
  } catch {
    throw new SealError('auth', 'the document does not open with the household key (wrong key or altered)');
  }
  try {
    return JSON.parse(fromUtf8.decode(plain));
  } catch {
    throw new SealError('json', 'the document opened but does not hold JSON');
  }
}

// ---- device key pairs and key wrapping ----------------------------------------------------------------

export interface DeviceKeyPair {
  /** Non-extractable: it can be stored in IndexedDB and used, never read out. */
  privateKey: CryptoKey;
  publicJwk: JsonWebKey;
}

export async function newDeviceKeyPair(): Promise<DeviceKeyPair> {
  const pair = await crypto.subtle.generateKey({ name: 'ECDH', namedCurve: 'P-256' }, false, ['deriveBits']);
  const publicJwk = await crypto.subtle.exportKey('jwk', pair.publicKey);
  return {
    privateKey: pair.privateKey,
    publicJwk: { kty: publicJwk.kty, crv: publicJwk.crv, x: publicJwk.x, y: publicJwk.y },
  };
}

/** A key sealed for one device: the ephemeral public key, IV and ciphertext. */
export interface WrappedKey {
  epk: JsonWebKey;
  iv: string;
  ct: string;
}

async function wrappingKey(privateKey: CryptoKey, publicKey: CryptoKey, context: string, usage: KeyUsage) {
  const bits = await crypto.subtle.deriveBits({ name: 'ECDH', public: publicKey }, privateKey, 256);
  const base = await crypto.subtle.importKey('raw', bits, 'HKDF', false, ['deriveKey']);
  return crypto.subtle.deriveKey(
    { name: 'HKDF', hash: 'SHA-256', salt: utf8.encode(context), info: utf8.encode('subkeeper/wrap/v1') },
    base,
    { name: 'AES-GCM', length: 256 },
    false,
    [usage],
  );
}

function importPublic(jwk: JsonWebKey): Promise<CryptoKey> {
  return crypto.subtle.importKey(
    'jwk',
    { kty: jwk.kty, crv: jwk.crv, x: jwk.x, y: jwk.y },
    { name: 'ECDH', namedCurve: 'P-256' },
    true,
    [],
  );
}

/** Seals `secret` for the device whose public key is `recipient`; `context` names what it is for. */
export async function wrapFor(recipient: JsonWebKey, secret: Uint8Array, context: string): Promise<WrappedKey> {
  const eph = await crypto.subtle.generateKey({ name: 'ECDH', namedCurve: 'P-256' }, true, ['deriveBits']);
  const key = await wrappingKey(eph.privateKey, await importPublic(recipient), context, 'encrypt');
  const iv = randomBytes(IV_BYTES);
  const ct = await crypto.subtle.encrypt(
    { name: 'AES-GCM', iv, additionalData: utf8.encode(context) },
    key,
    copy(secret),
  );
  const epk = await crypto.subtle.exportKey('jwk', eph.publicKey);
  return {
    epk: { kty: epk.kty, crv: epk.crv, x: epk.x, y: epk.y },
    iv: toBase64Url(iv),
    ct: toBase64Url(new Uint8Array(ct)),
  };
}

export async function unwrapWith(privateKey: CryptoKey, wrapped: WrappedKey, context: string): Promise<Uint8Array> {
  try {
    const key = await wrappingKey(privateKey, await importPublic(wrapped.epk), context, 'decrypt');
    const plain = await crypto.subtle.decrypt(
      { name: 'AES-GCM', iv: fromBase64Url(wrapped.iv), additionalData: utf8.encode(context) },
      key,
      fromBase64Url(wrapped.ct),
    );
    return new Uint8Array(plain);
  } catch {
    throw new SealError('auth', 'the new household key was not sealed for this browser');
  }
}

// ---- invite codes -----------------------------------------------------------------------------------------

export const INVITE_PREFIX = 'SK1.';
const PBKDF2_ITERATIONS = 600_000;
const SALT_BYTES = 16;
/** Crockford's base32: no I, L, O or U, so a passcode read aloud is not misheard. */
const PASSCODE_ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

/** A fresh passcode, `XXXX-XXXX` (40 random bits). */
export function newPasscode(): string {
  const bytes = randomBytes(8);
  let out = '';
  for (let i = 0; i < 8; i++) out += PASSCODE_ALPHABET[(bytes[i] as number) & 31];
  return `${out.slice(0, 4)}-${out.slice(4)}`;
}

/** What the person typed, as the passcode: case, spaces and dashes do not matter; O reads as 0, I and L as 1. */
export function normalisePasscode(input: string): string {
  return input.toUpperCase().replace(/[\s-]/g, '').replace(/O/g, '0').replace(/[IL]/g, '1');
}

async function passcodeKey(passcode: string, salt: Uint8Array<ArrayBuffer>, usage: KeyUsage) {
  const base = await crypto.subtle.importKey('raw', utf8.encode(normalisePasscode(passcode)), 'PBKDF2', false, [
    'deriveKey',
  ]);
  return crypto.subtle.deriveKey(
    { name: 'PBKDF2', hash: 'SHA-256', salt, iterations: PBKDF2_ITERATIONS },
    base,
    { name: 'AES-GCM', length: 256 },
    false,
    [usage],
  );
}

export async function sealInvite(payload: unknown, passcode: string): Promise<string> {
  const salt = randomBytes(SALT_BYTES);
  const iv = randomBytes(IV_BYTES);
  const key = await passcodeKey(passcode, salt, 'encrypt');
  const ct = new Uint8Array(
    await crypto.subtle.encrypt(
      { name: 'AES-GCM', iv, additionalData: utf8.encode(INVITE_PREFIX) },
      key,
      utf8.encode(JSON.stringify(payload)),
    ),
  );
  const all = new Uint8Array(SALT_BYTES + IV_BYTES + ct.length);
  all.set(salt, 0);
  all.set(iv, SALT_BYTES);
  all.set(ct, SALT_BYTES + IV_BYTES);
  return INVITE_PREFIX + toBase64Url(all);
}

/** Opens an invite code; SealError `format` when it is not one, `auth` when the passcode does not open it. */
export async function openInvite(code: string, passcode: string): Promise<unknown> {
  const text = code.replace(/\s+/g, '');
  if (!text.startsWith(INVITE_PREFIX)) throw new SealError('format', 'not a Subkeeper invite code');
  let all: Uint8Array<ArrayBuffer>;
  try {
    all = fromBase64Url(text.slice(INVITE_PREFIX.length));
  } catch {
    throw new SealError('format', 'the invite code is damaged');
  }
  if (all.length < SALT_BYTES + IV_BYTES + 17) throw new SealError('format', 'the invite code is too short');
  const key = await passcodeKey(passcode, all.slice(0, SALT_BYTES), 'decrypt');
  let plain: ArrayBuffer;
  try {
    plain = await crypto.subtle.decrypt(
      { name: 'AES-GCM', iv: all.slice(SALT_BYTES, SALT_BYTES + IV_BYTES), additionalData: utf8.encode(INVITE_PREFIX) },
      key,
      all.slice(SALT_BYTES + IV_BYTES),
    );
  } catch {
    throw new SealError('auth', 'the passcode does not open this invite code');
  }
  try {
    return JSON.parse(fromUtf8.decode(plain));
  } catch {
    throw new SealError('json', 'the invite code holds no invite');
  }
}

function copy(bytes: Uint8Array): Uint8Array<ArrayBuffer> {
  return new Uint8Array(bytes);
}
