import { bytes, concat, fromBase64Url, toBase64Url } from './encoding';

const agreementAlgorithm = { name: 'ECDH', namedCurve: 'P-256' } as const;
const signingAlgorithm = { name: 'ECDSA', namedCurve: 'P-256' } as const;

/**
 * A person's identity keys as this browser holds them: an ECDH P-256 pair to receive message
 * keys and an ECDSA P-256 pair to sign what they send. The private keys are non-extractable
 * CryptoKeys; `backup` holds them as PKCS#8, sealed under this browser's own non-extractable
 * wrapping key, for a passphrase backup later (they are never stored in the clear).
 */
export interface IdentityKeys {
  keyId: string;
  agreementPrivate: CryptoKey;
  signingPrivate: CryptoKey;
  agreementPublic: Uint8Array;
  signingPublic: Uint8Array;
  createdAt: string;
}

/** The private keys as PKCS#8 bytes: what a backup carries. */
export interface PrivateKeyBytes {
  keyId: string;
  agreementPkcs8: Uint8Array;
  signingPkcs8: Uint8Array;
  agreementPublic: Uint8Array;
  signingPublic: Uint8Array;
  createdAt: string;
}

/** Someone's public keys as the directory gives them, imported for use. */
export interface PublicKeys {
  userId: string;
  keyId: string;
  agreement: CryptoKey;
  signing: CryptoKey;
  agreementPublic: Uint8Array;
  signingPublic: Uint8Array;
}

/** As Identity's key directory publishes a key set (base64url raw points). */
export interface PublishedKeys {
  userId: string;
  keyId: string;
  agreementKey: string;
  signingKey: string;
}

/** The first 16 bytes of SHA-256 over both public keys, base64url: the same on every device and in the directory. */
export async function keyIdOf(agreementPublic: Uint8Array, signingPublic: Uint8Array): Promise<string> {
  const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', bytes(concat(agreementPublic, signingPublic))));
  return toBase64Url(digest.slice(0, 16));
}

/** New identity keys, and their private halves as PKCS#8 for sealing into a backup. */
export async function createIdentityKeys(): Promise<{ keys: IdentityKeys; privateBytes: PrivateKeyBytes }> {
  const agreement = await crypto.subtle.generateKey(agreementAlgorithm, true, ['deriveBits']);
  const signing = await crypto.subtle.generateKey(signingAlgorithm, true, ['sign', 'verify']);
  const privateBytes: PrivateKeyBytes = {
    keyId: '',
    agreementPkcs8: new Uint8Array(await crypto.subtle.exportKey('pkcs8', agreement.privateKey)),
    signingPkcs8: new Uint8Array(await crypto.subtle.exportKey('pkcs8', signing.privateKey)),
    agreementPublic: new Uint8Array(await crypto.subtle.exportKey('raw', agreement.publicKey)),
    signingPublic: new Uint8Array(await crypto.subtle.exportKey('raw', signing.publicKey)),
    createdAt: new Date().toISOString(),
  };
  privateBytes.keyId = await keyIdOf(privateBytes.agreementPublic, privateBytes.signingPublic);
  return { keys: await importIdentityKeys(privateBytes), privateBytes };
}

/** Turns PKCS#8 private keys (new, or restored from a backup) into non-extractable keys for use. */
export async function importIdentityKeys(source: PrivateKeyBytes): Promise<IdentityKeys> {
  if ((await keyIdOf(source.agreementPublic, source.signingPublic)) !== source.keyId) throw new Error('The key id does not match the keys.');
  return {
    keyId: source.keyId,
    agreementPrivate: await crypto.subtle.importKey('pkcs8', bytes(source.agreementPkcs8), agreementAlgorithm, false, ['deriveBits']),
    signingPrivate: await crypto.subtle.importKey('pkcs8', bytes(source.signingPkcs8), signingAlgorithm, false, ['sign']),
    agreementPublic: source.agreementPublic,
    signingPublic: source.signingPublic,
    createdAt: source.createdAt,
  };
}

/** Imports and checks a key set from the directory: its id must be the hash of its keys. */
export async function importPublicKeys(published: PublishedKeys): Promise<PublicKeys> {
  const agreementPublic = fromBase64Url(published.agreementKey);
  const signingPublic = fromBase64Url(published.signingKey);
  if ((await keyIdOf(agreementPublic, signingPublic)) !== published.keyId) throw new Error(`The keys of ${published.userId} do not match their id.`);
  return {
    userId: published.userId,
    keyId: published.keyId,
    agreement: await crypto.subtle.importKey('raw', bytes(agreementPublic), agreementAlgorithm, false, []),
    signing: await crypto.subtle.importKey('raw', bytes(signingPublic), signingAlgorithm, false, ['verify']),
    agreementPublic,
    signingPublic,
  };
}

export function publishable(keys: IdentityKeys): { keyId: string; agreementKey: string; signingKey: string } {
  return { keyId: keys.keyId, agreementKey: toBase64Url(keys.agreementPublic), signingKey: toBase64Url(keys.signingPublic) };
}
