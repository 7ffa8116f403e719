import { openDB, type DBSchema, type IDBPDatabase } from 'idb';
import { bytes, utf8 } from './encoding';
import type { IdentityKeys, PrivateKeyBytes } from './identityKeys';

interface StoredKeys {
  keyId: string;
  keys: IdentityKeys;
  /** The PKCS#8 private keys, AES-GCM encrypted under this browser's wrapping key: only a backup reads them. */
  sealed: { iv: Uint8Array; data: Uint8Array };
}

/** What this person knows of a contact's keys: the key set last seen, and whether they compared safety numbers for it. */
export interface ContactKeys {
  userId: string;
  keyId: string;
  verified: boolean;
  /** Set when the contact's keys changed since they were last seen here, until the person has looked. */
  changedFrom?: string;
}

interface KeyDatabase extends DBSchema {
  keys: { key: string; value: StoredKeys };
  device: { key: 'wrapping'; value: CryptoKey };
  contacts: { key: string; value: ContactKeys };
}

/**
 * This browser's identity keys of one person, in IndexedDB: usable private keys that cannot be
 * exported, and a sealed copy of their bytes for a passphrase backup. Every key set the person
 * had here is kept, so older messages stay readable after a key change.
 */
export class KeyStore {
  private constructor(private readonly db: IDBPDatabase<KeyDatabase>, private readonly wrapping: CryptoKey) {}

  static async open(userId: string): Promise<KeyStore> {
    const db = await openDB<KeyDatabase>(`chatapp-keys.${userId}`, 2, {
      upgrade(database, oldVersion) {
        if (oldVersion < 1) {
          database.createObjectStore('keys', { keyPath: 'keyId' });
          database.createObjectStore('device');
        }
        if (oldVersion < 2) database.createObjectStore('contacts', { keyPath: 'userId' });
      },
    });
    let wrapping = await db.get('device', 'wrapping');
    if (!wrapping) {
      wrapping = await crypto.subtle.generateKey({ name: 'AES-GCM', length: 256 }, false, ['encrypt', 'decrypt']);
      await db.put('device', wrapping, 'wrapping');
    }
    return new KeyStore(db, wrapping);
  }

  async all(): Promise<IdentityKeys[]> {
    return (await this.db.getAll('keys')).map((stored) => stored.keys).sort((a, b) => a.createdAt.localeCompare(b.createdAt));
  }

  async add(keys: IdentityKeys, privateBytes: PrivateKeyBytes): Promise<void> {
    const iv = crypto.getRandomValues(new Uint8Array(12));
    const plain = utf8.encode(JSON.stringify({ ...privateBytes, agreementPkcs8: [...privateBytes.agreementPkcs8], signingPkcs8: [...privateBytes.signingPkcs8], agreementPublic: [...privateBytes.agreementPublic], signingPublic: [...privateBytes.signingPublic] }));
    const data = new Uint8Array(await crypto.subtle.encrypt({ name: 'AES-GCM', iv }, this.wrapping, bytes(plain)));
    await this.db.put('keys', { keyId: keys.keyId, keys, sealed: { iv, data } });
  }

  /** Every key set's private bytes, newest first, for a backup. */
  async privateBytes(): Promise<PrivateKeyBytes[]> {
    const stored = await this.db.getAll('keys');
    const opened = await Promise.all(stored.map(async ({ sealed }) => {
      const plain = JSON.parse(utf8.decode(await crypto.subtle.decrypt({ name: 'AES-GCM', iv: bytes(sealed.iv) }, this.wrapping, bytes(sealed.data)))) as Record<string, unknown>;
      const array = (name: string) => Uint8Array.from(plain[name] as number[]);
      return {
        keyId: String(plain.keyId), createdAt: String(plain.createdAt),
        agreementPkcs8: array('agreementPkcs8'), signingPkcs8: array('signingPkcs8'), agreementPublic: array('agreementPublic'), signingPublic: array('signingPublic'),
      } satisfies PrivateKeyBytes;
    }));
    return opened.sort((a, b) => b.createdAt.localeCompare(a.createdAt));
  }

  contact(userId: string): Promise<ContactKeys | undefined> {
    return this.db.get('contacts', userId);
  }

  async saveContact(contact: ContactKeys): Promise<void> {
    await this.db.put('contacts', contact);
  }

  close(): void {
    this.db.close();
  }
}
