// @vitest-environment node
// Seal and open one message for groups of 2, 10 and 100 members (Node's WebCrypto, OpenSSL underneath).
// Run: cd src/Web && npm run bench:crypto
import { bench, describe } from 'vitest';
import { bindingOf, open, seal, type Keyring } from '../src/crypto/envelope';
import { createIdentityKeys, importPublicKeys, publishable, type IdentityKeys, type PublicKeys } from '../src/crypto/identityKeys';

async function group(size: number) {
  const people: { id: string; keys: IdentityKeys; public: PublicKeys }[] = [];
  for (let i = 0; i < size; i++) {
    const { keys } = await createIdentityKeys();
    people.push({ id: `user-${i}`, keys, public: await importPublicKeys({ userId: `user-${i}`, ...publishable(keys) }) });
  }
  const sender = people[0]!;
  const reader = people[size - 1]!;
  const context = { binding: bindingOf({ kind: 'Group', id: `group-${size}` }), sender: sender.id, clientMessageId: 'm' };
  const keyring: Keyring = { me: reader.id, mine: (id) => (id === reader.keys.keyId ? reader.keys : undefined), publicKeys: async () => sender.public };
  const body = await seal('A message of ordinary length, about as long as people write.', context, sender.keys, people.map((p) => p.public));
  return { sender, people, context, keyring, body };
}

for (const size of [2, 10, 100]) {
  describe(`${size} members`, async () => {
    const scene = await group(size);
    bench('seal', async () => {
      await seal('A message of ordinary length, about as long as people write.', scene.context, scene.sender.keys, scene.people.map((p) => p.public));
    }, { time: 1500 });
    bench('open', async () => {
      await open(scene.body, scene.context, scene.keyring);
    }, { time: 1500 });
  });
}
