import { openDB, type DBSchema, type IDBPDatabase } from 'idb';

/** A message written on this device and not yet acknowledged by the server. */
export interface OutgoingMessage {
  clientMessageId: string;
  /** Set for a conversation that exists; a first message to a person names the person instead. */
  conversationId?: string;
  recipientId?: string;
  text: string;
  replyToSequence?: number;
  createdAt: string;
  /** Set when the server refused it for good (the person can retry or discard it). */
  failed?: string;
}

interface ChatDatabase extends DBSchema {
  outbox: { key: string; value: OutgoingMessage; indexes: { createdAt: string } };
  cursors: { key: string; value: { conversationId: string; version: number } };
}

/**
 * What must survive a reload, per person on this browser: the outbox of unsent messages and
 * the version cursor of each conversation (where the next sync starts).
 */
export class ChatStorage {
  private constructor(private readonly db: IDBPDatabase<ChatDatabase>) {}

  static async open(userId: string): Promise<ChatStorage> {
    const db = await openDB<ChatDatabase>(`chatapp.${userId}`, 1, {
      upgrade(database) {
        database.createObjectStore('outbox', { keyPath: 'clientMessageId' }).createIndex('createdAt', 'createdAt');
        database.createObjectStore('cursors', { keyPath: 'conversationId' });
      },
    });
    return new ChatStorage(db);
  }

  /** Oldest first: the order they were written in is the order they are sent in. */
  outbox(): Promise<OutgoingMessage[]> {
    return this.db.getAllFromIndex('outbox', 'createdAt');
  }

  async enqueue(message: OutgoingMessage): Promise<void> {
    await this.db.put('outbox', message);
  }

  async acknowledge(clientMessageId: string): Promise<void> {
    await this.db.delete('outbox', clientMessageId);
  }

  async cursors(): Promise<Map<string, number>> {
    return new Map((await this.db.getAll('cursors')).map((cursor) => [cursor.conversationId, cursor.version]));
  }

  async saveCursor(conversationId: string, version: number): Promise<void> {
    const transaction = this.db.transaction('cursors', 'readwrite');
    const known = await transaction.store.get(conversationId);
    if (!known || known.version < version) await transaction.store.put({ conversationId, version });
    await transaction.done;
  }

  async forget(conversationId: string): Promise<void> {
    await this.db.delete('cursors', conversationId);
  }

  close(): void {
    this.db.close();
  }
}
