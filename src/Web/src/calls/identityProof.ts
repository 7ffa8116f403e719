import { bytes, fromBase64Url, toBase64Url, utf8 } from '../crypto/encoding';
import type { KeyRing } from '../crypto/keyring';

/**
 * Binds a call's DTLS fingerprints to the people in it. WebRTC encrypts the audio with DTLS-SRTP
 * between the two browsers, but the fingerprints that say which DTLS keys to expect travel
 * through our signalling server: a server that swapped them could sit in the middle. So each
 * side signs the fingerprints of its description with its identity key (an extra attribute line
 * browsers ignore), and the other side checks that signature before it uses the description.
 */
const attribute = 'a=x-chatapp-identity:';

const fingerprints = (sdp: string) => sdp.split(/\r?\n/).filter((line) => line.startsWith('a=fingerprint:')).map((line) => line.trim());

function signedText(callId: string, type: string, sdp: string): Uint8Array {
  return utf8.encode(JSON.stringify(['chatapp/v1/dtls', callId, type, fingerprints(sdp)]));
}

export async function signDescription(keys: KeyRing, callId: string, type: 'offer' | 'answer', sdp: string): Promise<string> {
  const signature = await crypto.subtle.sign({ name: 'ECDSA', hash: 'SHA-256' }, keys.current.signingPrivate, bytes(signedText(callId, type, sdp)));
  const line = `${attribute}${keys.current.keyId} ${toBase64Url(new Uint8Array(signature))}`;
  return sdp.endsWith('\r\n') ? `${sdp}${line}\r\n` : `${sdp}\r\n${line}\r\n`;
}

/** The description without the proof line when <paramref name="sender"/> signed its fingerprints; null otherwise. */
export async function verifyDescription(keys: KeyRing, sender: string, callId: string, type: 'offer' | 'answer', sdp: string): Promise<string | null> {
  const lines = sdp.split('\r\n');
  const proof = lines.find((line) => line.startsWith(attribute));
  if (!proof) return null;
  const [keyId, signature] = proof.slice(attribute.length).split(' ');
  const stripped = lines.filter((line) => line !== proof).join('\r\n');
  if (!keyId || !signature || fingerprints(stripped).length === 0) return null;
  const senderKeys = await keys.publicKeys(sender, keyId);
  if (!senderKeys) return null;
  try {
    const valid = await crypto.subtle.verify({ name: 'ECDSA', hash: 'SHA-256' }, senderKeys.signing, bytes(fromBase64Url(signature)), bytes(signedText(callId, type, stripped)));
    return valid ? stripped : null;
  } catch {
    return null;
  }
}
