import { bytes, concat, utf8 } from './encoding';

const iterations = 5200;

async function half(userId: string, signingPublic: Uint8Array, agreementPublic: Uint8Array): Promise<string> {
  const identity = concat(signingPublic, agreementPublic);
  let hash = concat(utf8.encode(`chatapp/v1/safety|${userId}|`), identity);
  // Iterated, so finding other keys with the same number costs 5,200 hashes per try.
  for (let i = 0; i < iterations; i++) hash = new Uint8Array(await crypto.subtle.digest('SHA-512', bytes(concat(hash, identity))));
  let digits = '';
  for (let chunk = 0; chunk < 6; chunk++) {
    const value = hash.slice(chunk * 5, chunk * 5 + 5).reduce((number, byte) => number * 256 + byte, 0);
    digits += String(value % 100_000).padStart(5, '0');
  }
  return digits;
}

/**
 * The number two people compare to know that nobody sits between them: 60 digits from both
 * identity keys (30 per person, in the order of their ids, so both see the same number), shown
 * in 12 groups of 5. It changes when either person's keys change.
 */
export async function safetyNumber(
  a: { userId: string; signingPublic: Uint8Array; agreementPublic: Uint8Array },
  b: { userId: string; signingPublic: Uint8Array; agreementPublic: Uint8Array },
): Promise<string[]> {
  const [first, second] = [a, b].sort((x, y) => (x.userId < y.userId ? -1 : 1));
  const digits = (await half(first!.userId, first!.signingPublic, first!.agreementPublic)) + (await half(second!.userId, second!.signingPublic, second!.agreementPublic));
  return digits.match(/.{5}/g)!;
}
