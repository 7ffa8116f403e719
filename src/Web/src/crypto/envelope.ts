import { bytes, fromBase64Url, toBase64Url, utf8 } from './encoding';
import type { IdentityKeys, PublicKeys } from './identityKeys';

/**
 * Every message body passes through here on its way out (seal) and in (open). Envelope v1:
 *
 * - a fresh AES-256-GCM content key per message encrypts `{"text": …}`, with associated data
 *   binding the conversation, the sender and the client message id;
 * - that key is wrapped for every member (the sender included): ECDH between a one-off
 *   ephemeral P-256 key (`epk`) and the member's identity key, HKDF-SHA-256 (bound to the same
 *   context and to the member and their key id), AES-256-GCM;
 * - the sender signs all of it (ECDSA P-256, SHA-256) with their identity signing key.
 *
 * The server sees who sent it to whom and when, and nothing of the text. An envelope moved to
 * another conversation, attributed to someone else, altered in any bit, or of another version
 * does not open.
 */
export const envelopeVersion = 1;
export const maxTextLength = 4000;

export interface WrappedKey {
  /** The member's user id. */
  to: string;
  /** The id of the member's key it is wrapped for. */
  key: string;
  iv: string;
  wk: string;
}

export interface EnvelopeV1 {
  v: 1;
  sender: string;
  senderKey: string;
  epk: string;
  iv: string;
  ct: string;
  keys: WrappedKey[];
  sig: string;
}

/** Where a message belongs: a group by its id, a direct conversation by its two people (its id is made by the first message). */
export interface MessageContext {
  /** `group:<id>` or `direct:<lower id>:<higher id>`; see {@link bindingOf}. */
  binding: string;
  sender: string;
  clientMessageId: string;
}

export function bindingOf(conversation: { kind: 'Group'; id: string } | { kind: 'Direct'; members: [string, string] }): string {
  if (conversation.kind === 'Group') return `group:${conversation.id}`;
  const [first, second] = [...conversation.members].sort();
  return `direct:${first}:${second}`;
}

export type Unreadable = 'no-key' | 'tampered' | 'unsupported' | 'damaged';

export interface OpenedMessage {
  text: string;
  /** False when the body could not be read; {@link problem} says why. */
  readable: boolean;
  problem?: Unreadable;
}

const gcm = (key: CryptoKey, iv: Uint8Array, data: Uint8Array, additionalData?: Uint8Array) =>
  ({ algorithm: { name: 'AES-GCM', iv: bytes(iv), ...(additionalData ? { additionalData: bytes(additionalData) } : {}) } as AesGcmParams, key, data: bytes(data) });

function associatedData(context: MessageContext, senderKey: string): Uint8Array {
  return utf8.encode(JSON.stringify(['chatapp/v1/content', context.binding, context.sender, senderKey, context.clientMessageId]));
}

function signingInput(context: MessageContext, envelope: Omit<EnvelopeV1, 'sig'>): Uint8Array {
  const keys = [...envelope.keys].sort((a, b) => (a.to + a.key < b.to + b.key ? -1 : 1)).map((k) => [k.to, k.key, k.iv, k.wk]);
  return utf8.encode(JSON.stringify(['chatapp/v1/signature', context.binding, context.clientMessageId, envelope.sender, envelope.senderKey, envelope.epk, envelope.iv, envelope.ct, keys]));
}

async function wrappingKey(ephemeralPrivate: CryptoKey, memberPublic: CryptoKey, epk: Uint8Array, context: MessageContext, to: string, keyId: string, usage: KeyUsage): Promise<CryptoKey> {
  const shared = await crypto.subtle.deriveBits({ name: 'ECDH', public: memberPublic }, ephemeralPrivate, 256);
  const material = await crypto.subtle.importKey('raw', shared, 'HKDF', false, ['deriveKey']);
  const info = utf8.encode(JSON.stringify(['chatapp/v1/wrap', context.binding, context.clientMessageId, to, keyId]));
  return crypto.subtle.deriveKey({ name: 'HKDF', hash: 'SHA-256', salt: bytes(epk), info: bytes(info) }, material, { name: 'AES-GCM', length: 256 }, false, [usage]);
}

const random = (length: number) => crypto.getRandomValues(new Uint8Array(length));

/** Encrypts <paramref name="text"/> for every member's current key (the sender's own among them) and signs it. */
export async function seal(text: string, context: MessageContext, me: IdentityKeys, members: PublicKeys[]): Promise<string> {
  if (!members.some((member) => member.userId === context.sender && member.keyId === me.keyId)) throw new Error('The sender must be among the members, with the key they sign with.');
  const contentKeyBytes = random(32);
  const contentKey = await crypto.subtle.importKey('raw', contentKeyBytes, 'AES-GCM', false, ['encrypt']);
  const iv = random(12);
  const content = gcm(contentKey, iv, utf8.encode(JSON.stringify({ text })), associatedData(context, me.keyId));
  const ct = new Uint8Array(await crypto.subtle.encrypt(content.algorithm, content.key, content.data));

  const ephemeral = await crypto.subtle.generateKey({ name: 'ECDH', namedCurve: 'P-256' }, true, ['deriveBits']);
  const epk = new Uint8Array(await crypto.subtle.exportKey('raw', ephemeral.publicKey));
  const keys: WrappedKey[] = [];
  for (const member of members) {
    const wrapKey = await wrappingKey(ephemeral.privateKey, member.agreement, epk, context, member.userId, member.keyId, 'encrypt');
    const wrapIv = random(12);
    const wrapped = gcm(wrapKey, wrapIv, contentKeyBytes);
    keys.push({ to: member.userId, key: member.keyId, iv: toBase64Url(wrapIv), wk: toBase64Url(new Uint8Array(await crypto.subtle.encrypt(wrapped.algorithm, wrapped.key, wrapped.data))) });
  }

  const unsigned = { v: 1 as const, sender: context.sender, senderKey: me.keyId, epk: toBase64Url(epk), iv: toBase64Url(iv), ct: toBase64Url(ct), keys };
  const sig = new Uint8Array(await crypto.subtle.sign({ name: 'ECDSA', hash: 'SHA-256' }, me.signingPrivate, bytes(signingInput(context, unsigned))));
  const envelope: EnvelopeV1 = { ...unsigned, sig: toBase64Url(sig) };
  return JSON.stringify(envelope);
}

/** What opening needs: my keys by id, and a sender's public keys by key id (from the directory, old ones too). */
export interface Keyring {
  me: string;
  mine(keyId: string): IdentityKeys | undefined;
  publicKeys(userId: string, keyId: string): Promise<PublicKeys | undefined>;
}

/** Decrypts and verifies a body; never throws: an unreadable one says why. */
export async function open(body: string | null | undefined, context: MessageContext, keyring: Keyring): Promise<OpenedMessage> {
  if (body == null) return { text: '', readable: true };
  let envelope: EnvelopeV1;
  try {
    envelope = JSON.parse(body) as EnvelopeV1;
  } catch {
    return unreadable('damaged');
  }
  if (typeof envelope !== 'object' || envelope === null || envelope.v !== envelopeVersion) return unreadable('unsupported');
  try {
    if (envelope.sender !== context.sender) return unreadable('tampered');
    const entry = envelope.keys.find((key) => key.to === keyring.me && keyring.mine(key.key));
    if (!entry) return unreadable('no-key');
    const mine = keyring.mine(entry.key)!;
    const senderKeys = await keyring.publicKeys(envelope.sender, envelope.senderKey);
    if (!senderKeys) return unreadable('tampered');
    const { sig, ...unsigned } = envelope;
    const signed = await crypto.subtle.verify({ name: 'ECDSA', hash: 'SHA-256' }, senderKeys.signing, bytes(fromBase64Url(sig)), bytes(signingInput(context, unsigned)));
    if (!signed) return unreadable('tampered');

    const epk = fromBase64Url(envelope.epk);
    const ephemeralPublic = await crypto.subtle.importKey('raw', bytes(epk), { name: 'ECDH', namedCurve: 'P-256' }, false, []);
    const unwrapKey = await wrappingKey(mine.agreementPrivate, ephemeralPublic, epk, context, entry.to, entry.key, 'decrypt');
    const wrapped = gcm(unwrapKey, fromBase64Url(entry.iv), fromBase64Url(entry.wk));
    const contentKeyBytes = new Uint8Array(await crypto.subtle.decrypt(wrapped.algorithm, wrapped.key, wrapped.data));
    const contentKey = await crypto.subtle.importKey('raw', bytes(contentKeyBytes), 'AES-GCM', false, ['decrypt']);
    const content = gcm(contentKey, fromBase64Url(envelope.iv), fromBase64Url(envelope.ct), associatedData(context, envelope.senderKey));
    const plain = JSON.parse(utf8.decode(await crypto.subtle.decrypt(content.algorithm, content.key, content.data))) as { text?: unknown };
    return typeof plain.text === 'string' ? { text: plain.text, readable: true } : unreadable('damaged');
  } catch {
    // A failed authentication tag, a bad point, broken base64: all mean the envelope is not what its sender made.
    return unreadable('tampered');
  }
}

const unreadable = (problem: Unreadable): OpenedMessage => ({ text: '', readable: false, problem });

/** For tests and tools: the parsed envelope. */
export const parseEnvelope = (body: string) => JSON.parse(body) as EnvelopeV1;
