// Bundled by the whole-system measurement CryptoTimingTests (esbuild, IIFE) and run inside Chromium:
// how long sealing and opening one message takes for groups of several sizes, with the app's own code.
import { bindingOf, open, seal, type Keyring } from '../src/crypto/envelope';
import { createIdentityKeys, importPublicKeys, publishable } from '../src/crypto/identityKeys';

const median = (samples: number[]) => [...samples].sort((a, b) => a - b)[Math.floor(samples.length / 2)]!;

async function timing(size: number, runs: number) {
  const people = await Promise.all(Array.from({ length: size }, async (_, i) => {
    const { keys } = await createIdentityKeys();
    return { id: `user-${i}`, keys, public: await importPublicKeys({ userId: `user-${i}`, ...publishable(keys) }) };
  }));
  const sender = people[0]!;
  const reader = people[size - 1]!;
  const context = { binding: bindingOf({ kind: 'Group', id: `group-${size}` }), sender: sender.id, clientMessageId: 'm' };
  const keyring: Keyring = { me: reader.id, mine: (id) => (id === reader.keys.keyId ? reader.keys : undefined), publicKeys: async () => sender.public };
  const sealMs: number[] = [];
  const openMs: number[] = [];
  for (let run = 0; run < runs; run++) {
    let started = performance.now();
    const body = await seal('A message of ordinary length, about as long as people write.', context, sender.keys, people.map((p) => p.public));
    sealMs.push(performance.now() - started);
    started = performance.now();
    const opened = await open(body, context, keyring);
    openMs.push(performance.now() - started);
    if (!opened.readable) throw new Error('The message did not open.');
  }
  return { size, sealMs: median(sealMs), openMs: median(openMs) };
}

(window as unknown as { cryptoTiming: (sizes: number[], runs: number) => Promise<unknown[]> }).cryptoTiming = async (sizes, runs) => {
  const results = [];
  for (const size of sizes) results.push(await timing(size, runs));
  return results;
};
