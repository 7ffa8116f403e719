import { identity, ok } from '../api/clients';
import { ProblemError } from '../api/problem';
import { createBackup, openBackup, type KeyBackup } from './backup';
import type { Keyring } from './envelope';
import { createIdentityKeys, importIdentityKeys, importPublicKeys, publishable, type IdentityKeys, type PublicKeys, type PublishedKeys } from './identityKeys';
import { KeyStore, type ContactKeys } from './keyStore';
import { safetyNumber } from './safetyNumber';

export class MissingKeys extends Error {
  constructor(readonly userIds: string[]) {
    super('Some members have no encryption keys yet.');
    this.name = 'MissingKeys';
  }
}

/**
 * The person's keys on this browser and everyone's public keys: what sealing and opening
 * messages need. On a browser without keys, new ones are made and published (contacts see a
 * key change; older messages stay unreadable here unless restored from a backup).
 */
export class KeyRing implements Keyring {
  private readonly byId = new Map<string, IdentityKeys>();
  private readonly history = new Map<string, Promise<PublicKeys[]>>();

  private constructor(readonly me: string, private readonly store: KeyStore, keys: IdentityKeys[]) {
    for (const key of keys) this.byId.set(key.keyId, key);
  }

  static async open(me: string): Promise<KeyRing> {
    const store = await KeyStore.open(me);
    const ring = new KeyRing(me, store, await store.all());
    if (ring.byId.size === 0) {
      const { keys, privateBytes } = await createIdentityKeys();
      await store.add(keys, privateBytes);
      ring.byId.set(keys.keyId, keys);
      // Nobody can write to this person until the directory has them.
      await ring.publish();
    } else {
      // Already published (this only heals a directory that lost it): the app need not wait.
      ring.publish().catch((error: unknown) => console.warn('The keys could not be published', error));
    }
    return ring;
  }

  /** The newest key set of this browser: what it signs with and what others should wrap for. */
  get current(): IdentityKeys {
    return [...this.byId.values()].sort((a, b) => b.createdAt.localeCompare(a.createdAt))[0]!;
  }

  mine(keyId: string): IdentityKeys | undefined {
    return this.byId.get(keyId);
  }

  /** A person's key set by id, from the directory's history of their keys (asked again once for an id not yet seen). */
  async publicKeys(userId: string, keyId: string): Promise<PublicKeys | undefined> {
    const find = async () => (await this.historyOf(userId)).find((keys) => keys.keyId === keyId);
    const found = await find();
    if (found) return found;
    this.history.delete(userId);
    return find();
  }

  /**
   * The keys to seal a message for: every other member's current key set (a member without keys
   * cannot be written to yet), and for me the key set this browser signs with.
   */
  async sealingKeys(userIds: string[]): Promise<PublicKeys[]> {
    const others = userIds.filter((id) => id !== this.me);
    const published: PublishedKeys[] = others.length > 0 ? await ok(identity.POST('/keys/lookup', { body: { userIds: others } })) : [];
    const missing = others.filter((id) => !published.some((keys) => keys.userId === id));
    if (missing.length > 0) throw new MissingKeys(missing);
    return Promise.all([...published, { userId: this.me, ...publishable(this.current) }].map(importPublicKeys));
  }

  /**
   * A contact's current keys as this person knows them: verified or not, and whether they changed
   * since last seen here (which drops a verification until the numbers are compared again).
   */
  async contact(userId: string): Promise<ContactKeys & { safetyNumber: string[] }> {
    const [current] = await this.sealingKeys([userId]).then((keys) => keys.filter((key) => key.userId === userId));
    const known = await this.store.contact(userId);
    let contact: ContactKeys;
    if (!known) contact = { userId, keyId: current!.keyId, verified: false };
    else if (known.keyId !== current!.keyId) contact = { userId, keyId: current!.keyId, verified: false, changedFrom: known.keyId };
    else contact = known;
    if (contact !== known) await this.store.saveContact(contact);
    const mine = this.current;
    return { ...contact, safetyNumber: await safetyNumber({ userId: this.me, signingPublic: mine.signingPublic, agreementPublic: mine.agreementPublic }, { userId, signingPublic: current!.signingPublic, agreementPublic: current!.agreementPublic }) };
  }

  /** The person compared the safety number (or dismissed a key-change notice without verifying). */
  async settleContact(userId: string, keyId: string, verified: boolean): Promise<void> {
    await this.store.saveContact({ userId, keyId, verified });
  }

  async backUp(passphrase: string): Promise<void> {
    const backup = await createBackup(await this.store.privateBytes(), passphrase);
    await ok(identity.PUT('/keys/backup', { body: backup }));
  }

  /** Restores every key set from the backup (a wrong passphrase throws WrongPassphrase); the newest becomes current again. */
  async restore(passphrase: string): Promise<boolean> {
    const backup = await ok<KeyBackup>(identity.GET('/keys/backup')).catch((error: unknown) => {
      if (error instanceof ProblemError && error.problem.status === 404) return null;
      throw error;
    });
    if (!backup) return false;
    // Oldest first, each a moment newer than the last: the backup's current key ends up current here.
    const restored = (await openBackup(backup, passphrase)).reverse();
    for (const [index, privateBytes] of restored.entries()) {
      const createdAt = new Date(Date.now() + index).toISOString();
      const keys = await importIdentityKeys({ ...privateBytes, createdAt });
      await this.store.add(keys, { ...privateBytes, createdAt });
      this.byId.set(keys.keyId, keys);
    }
    await this.publish();
    return true;
  }

  close(): void {
    this.store.close();
  }

  private async publish(): Promise<void> {
    await ok(identity.PUT('/keys', { body: publishable(this.current) }));
  }

  private historyOf(userId: string): Promise<PublicKeys[]> {
    let known = this.history.get(userId);
    if (!known) {
      known = ok<PublishedKeys[]>(identity.GET('/users/{userId}/keys', { params: { path: { userId } } })).then((all) => Promise.all(all.map(importPublicKeys)));
      known.catch(() => this.history.delete(userId));
      this.history.set(userId, known);
    }
    return known;
  }
}
