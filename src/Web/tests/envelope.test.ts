// @vitest-environment node
// WebCrypto as the browser has it (Node's): jsdom's window has no crypto.subtle.
import { beforeAll, describe, expect, it } from 'vitest';
import { toBase64Url, fromBase64Url } from '../src/crypto/encoding';
import { bindingOf, open, parseEnvelope, seal, type Keyring, type MessageContext } from '../src/crypto/envelope';
import { createIdentityKeys, importPublicKeys, publishable, type IdentityKeys, type PublicKeys } from '../src/crypto/identityKeys';

interface Person { id: string; keys: IdentityKeys; public: PublicKeys }

async function person(id: string): Promise<Person> {
  const { keys } = await createIdentityKeys();
  return { id, keys, public: await importPublicKeys({ userId: id, ...publishable(keys) }) };
}

let alice: Person, bob: Person, carol: Person;
const everyone = () => [alice, bob, carol];

function keyringOf(who: Person, people = everyone()): Keyring {
  return {
    me: who.id,
    mine: (keyId) => (keyId === who.keys.keyId ? who.keys : undefined),
    publicKeys: async (userId, keyId) => people.find((p) => p.id === userId && p.keys.keyId === keyId)?.public,
  };
}

const group = (id = 'group-1') => bindingOf({ kind: 'Group', id });
const context = (sender: Person, binding = group(), clientMessageId = 'm-1'): MessageContext => ({ binding, sender: sender.id, clientMessageId });

beforeAll(async () => {
  [alice, bob, carol] = await Promise.all([person('a-alice'), person('b-bob'), person('c-carol')]);
});

describe('envelope v1', () => {
  it('opens for the one recipient and the sender of a direct message', async () => {
    const binding = bindingOf({ kind: 'Direct', members: ['b-bob', 'a-alice'] });
    expect(binding).toBe('direct:a-alice:b-bob');
    const body = await seal('merhaba 👋', context(alice, binding), alice.keys, [alice.public, bob.public]);
    expect(body).not.toContain('merhaba');
    for (const reader of [alice, bob]) expect(await open(body, context(alice, binding), keyringOf(reader))).toEqual({ text: 'merhaba 👋', readable: true });
    expect(await open(body, context(alice, binding), keyringOf(carol))).toMatchObject({ readable: false, problem: 'no-key' });
  });

  it('opens for every member of a group, with a fresh content key per message', async () => {
    const members = everyone().map((p) => p.public);
    const first = parseEnvelope(await seal('one', context(bob), bob.keys, members));
    const second = parseEnvelope(await seal('one', context(bob), bob.keys, members));
    expect(first.keys.map((k) => k.to).sort()).toEqual(['a-alice', 'b-bob', 'c-carol']);
    expect(first.ct).not.toBe(second.ct);
    expect(first.epk).not.toBe(second.epk);
    for (const reader of everyone()) expect((await open(JSON.stringify(first), context(bob), keyringOf(reader))).text).toBe('one');
  });

  it('fails loudly when any bit of the ciphertext, a wrapped key, the signature or the epk is flipped', async () => {
    const body = parseEnvelope(await seal('secret', context(alice), alice.keys, [alice.public, bob.public]));
    const flip = (text: string, at = 3) => {
      const raw = fromBase64Url(text);
      raw[at % raw.length]! ^= 0x01;
      return toBase64Url(raw);
    };
    const bobsEntry = body.keys.findIndex((k) => k.to === bob.id);
    const tampered = [
      { ...body, ct: flip(body.ct) },
      { ...body, iv: flip(body.iv) },
      { ...body, epk: flip(body.epk, 40) },
      { ...body, sig: flip(body.sig) },
      { ...body, keys: body.keys.map((k, i) => (i === bobsEntry ? { ...k, wk: flip(k.wk) } : k)) },
      { ...body, keys: body.keys.map((k, i) => (i === bobsEntry ? { ...k, iv: flip(k.iv) } : k)) },
    ];
    for (const envelope of tampered) expect(await open(JSON.stringify(envelope), context(alice), keyringOf(bob))).toMatchObject({ readable: false, problem: 'tampered' });
  });

  it('does not open in another conversation, under another message id, or as someone else’s', async () => {
    const body = await seal('only here', context(alice), alice.keys, everyone().map((p) => p.public));
    expect(await open(body, context(alice, group('group-2')), keyringOf(bob))).toMatchObject({ readable: false, problem: 'tampered' });
    expect(await open(body, context(alice, group(), 'm-2'), keyringOf(bob))).toMatchObject({ readable: false, problem: 'tampered' });
    // The server says Carol sent it: it claims Alice.
    expect(await open(body, context(carol), keyringOf(bob))).toMatchObject({ readable: false, problem: 'tampered' });
    // Re-signed by Carol as hers: the content was bound to Alice.
    const envelope = parseEnvelope(body);
    const forged = JSON.stringify({ ...envelope, sender: carol.id, senderKey: carol.keys.keyId });
    expect(await open(forged, context(carol), keyringOf(bob))).toMatchObject({ readable: false, problem: 'tampered' });
  });

  it('refuses an older or unknown envelope version, and damaged JSON', async () => {
    expect(await open('{"v":0,"text":"plain"}', context(alice), keyringOf(bob))).toMatchObject({ readable: false, problem: 'unsupported' });
    const body = parseEnvelope(await seal('x', context(alice), alice.keys, [alice.public, bob.public]));
    expect(await open(JSON.stringify({ ...body, v: 2 }), context(alice), keyringOf(bob))).toMatchObject({ problem: 'unsupported' });
    expect(await open('not json', context(alice), keyringOf(bob))).toMatchObject({ problem: 'damaged' });
    expect(await open(null, context(alice), keyringOf(bob))).toEqual({ text: '', readable: true });
  });

  it('needs the sender’s current key among the members', async () => {
    await expect(seal('x', context(alice), alice.keys, [bob.public])).rejects.toThrow();
  });
});

describe('identity keys', () => {
  it('detect a key set that does not match its id', async () => {
    const published = { userId: bob.id, ...publishable(bob.keys) };
    await expect(importPublicKeys({ ...published, keyId: alice.keys.keyId })).rejects.toThrow();
    await expect(importPublicKeys({ ...published, signingKey: publishable(alice.keys).signingKey })).rejects.toThrow();
  });

  it('a message sealed for a key that changed cannot be read with the new one', async () => {
    const replaced = await person(bob.id);
    const body = await seal('before', context(alice), alice.keys, [alice.public, bob.public]);
    expect(await open(body, context(alice), keyringOf(replaced, [alice, replaced]))).toMatchObject({ readable: false, problem: 'no-key' });
    expect(replaced.keys.keyId).not.toBe(bob.keys.keyId);
  });
});
