// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { backupIterations, createBackup, openBackup, WrongPassphrase } from '../src/crypto/backup';
import { bindingOf, open, seal } from '../src/crypto/envelope';
import { createIdentityKeys, importIdentityKeys, importPublicKeys, publishable } from '../src/crypto/identityKeys';
import { safetyNumber } from '../src/crypto/safetyNumber';

describe('key backup', () => {
  it('restores keys that read what the old ones could, under the right passphrase only', async () => {
    const { keys, privateBytes } = await createIdentityKeys();
    const backup = await createBackup([privateBytes], 'correct horse battery staple');
    expect(backup.iterations).toBe(backupIterations);
    expect(backup.ciphertext).not.toContain(privateBytes.keyId);

    await expect(openBackup(backup, 'Correct horse battery staple')).rejects.toBeInstanceOf(WrongPassphrase);
    const restored = await importIdentityKeys((await openBackup(backup, 'correct horse battery staple'))[0]!);
    expect(restored.keyId).toBe(keys.keyId);

    const me = await importPublicKeys({ userId: 'me', ...publishable(keys) });
    const context = { binding: bindingOf({ kind: 'Group', id: 'g' }), sender: 'me', clientMessageId: 'm' };
    const body = await seal('kept safe', context, keys, [me]);
    const keyring = { me: 'me', mine: (id: string) => (id === restored.keyId ? restored : undefined), publicKeys: async () => me };
    expect(await open(body, context, keyring)).toEqual({ text: 'kept safe', readable: true });
  }, 30_000);
});

describe('safety number', () => {
  it('is the same 60 digits on both sides and changes with either person’s keys', async () => {
    const [a, b, b2] = await Promise.all([createIdentityKeys(), createIdentityKeys(), createIdentityKeys()]);
    const side = (userId: string, keys: typeof a.keys) => ({ userId, signingPublic: keys.signingPublic, agreementPublic: keys.agreementPublic });
    const fromAlice = await safetyNumber(side('alice', a.keys), side('bob', b.keys));
    const fromBob = await safetyNumber(side('bob', b.keys), side('alice', a.keys));
    expect(fromAlice).toEqual(fromBob);
    expect(fromAlice).toHaveLength(12);
    expect(fromAlice.every((group) => /^\d{5}$/.test(group))).toBe(true);
    expect(await safetyNumber(side('alice', a.keys), side('bob', b2.keys))).not.toEqual(fromAlice);
  }, 30_000);
});
