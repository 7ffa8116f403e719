import { bytes, fromBase64Url, toBase64Url, utf8 } from './encoding';
import type { PrivateKeyBytes } from './identityKeys';

/** PBKDF2-SHA-256 rounds for a recovery passphrase: OWASP's figure for 2023 and later. */
export const backupIterations = 600_000;

/** As Identity stores it: nothing in it can be read without the passphrase. */
export interface KeyBackup {
  keyId: string;
  salt: string;
  iterations: number;
  iv: string;
  ciphertext: string;
}

interface BackupContent {
  keys: { keyId: string; agreementPkcs8: string; signingPkcs8: string; agreementPublic: string; signingPublic: string; createdAt: string }[];
}

async function passphraseKey(passphrase: string, salt: Uint8Array, iterations: number): Promise<CryptoKey> {
  const material = await crypto.subtle.importKey('raw', utf8.encode(passphrase.normalize('NFKC')), 'PBKDF2', false, ['deriveKey']);
  return crypto.subtle.deriveKey({ name: 'PBKDF2', hash: 'SHA-256', salt: bytes(salt), iterations }, material, { name: 'AES-GCM', length: 256 }, false, ['encrypt', 'decrypt']);
}

/** Seals every key set of mine (the current one first) under a passphrase. */
export async function createBackup(keys: PrivateKeyBytes[], passphrase: string, iterations = backupIterations): Promise<KeyBackup> {
  if (keys.length === 0) throw new Error('There are no keys to back up.');
  const content: BackupContent = {
    keys: keys.map((key) => ({
      keyId: key.keyId, agreementPkcs8: toBase64Url(key.agreementPkcs8), signingPkcs8: toBase64Url(key.signingPkcs8),
      agreementPublic: toBase64Url(key.agreementPublic), signingPublic: toBase64Url(key.signingPublic), createdAt: key.createdAt,
    })),
  };
  const salt = crypto.getRandomValues(new Uint8Array(16));
  const iv = crypto.getRandomValues(new Uint8Array(12));
  const key = await passphraseKey(passphrase, salt, iterations);
  const additionalData = utf8.encode(`chatapp/v1/backup|${keys[0]!.keyId}`);
  const ciphertext = new Uint8Array(await crypto.subtle.encrypt({ name: 'AES-GCM', iv, additionalData: bytes(additionalData) }, key, bytes(utf8.encode(JSON.stringify(content)))));
  return { keyId: keys[0]!.keyId, salt: toBase64Url(salt), iterations, iv: toBase64Url(iv), ciphertext: toBase64Url(ciphertext) };
}

export class WrongPassphrase extends Error {
  constructor() {
    super('The passphrase does not open this backup.');
    this.name = 'WrongPassphrase';
  }
}

/** Opens a backup; a wrong passphrase (or an altered backup) throws {@link WrongPassphrase}. */
export async function openBackup(backup: KeyBackup, passphrase: string): Promise<PrivateKeyBytes[]> {
  const key = await passphraseKey(passphrase, fromBase64Url(backup.salt), backup.iterations);
  let plain: ArrayBuffer;
  try {
    plain = await crypto.subtle.decrypt(
      { name: 'AES-GCM', iv: bytes(fromBase64Url(backup.iv)), additionalData: bytes(utf8.encode(`chatapp/v1/backup|${backup.keyId}`)) },
      key, bytes(fromBase64Url(backup.ciphertext)));
  } catch {
    throw new WrongPassphrase();
  }
  const content = JSON.parse(utf8.decode(plain)) as BackupContent;
  return content.keys.map((entry) => ({
    keyId: entry.keyId, agreementPkcs8: fromBase64Url(entry.agreementPkcs8), signingPkcs8: fromBase64Url(entry.signingPkcs8),
    agreementPublic: fromBase64Url(entry.agreementPublic), signingPublic: fromBase64Url(entry.signingPublic), createdAt: entry.createdAt,
  }));
}
