import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { ChatStorage } from '../src/chat/storage';

describe('chat storage (IndexedDB)', () => {
  it('keeps the outbox in the order messages were written, across reopening', async () => {
    const first = await ChatStorage.open('user-1');
    await first.enqueue({ clientMessageId: 'b', conversationId: 'c', text: 'second', createdAt: '2026-11-30T10:00:02Z' });
    await first.enqueue({ clientMessageId: 'a', conversationId: 'c', text: 'first', createdAt: '2026-11-30T10:00:01Z' });
    first.close();
    const reopened = await ChatStorage.open('user-1');
    expect((await reopened.outbox()).map((message) => message.text)).toEqual(['first', 'second']);
    await reopened.acknowledge('a');
    expect((await reopened.outbox()).map((message) => message.clientMessageId)).toEqual(['b']);
    reopened.close();
  });

  it('keeps each person apart on a shared browser', async () => {
    const one = await ChatStorage.open('user-2');
    await one.enqueue({ clientMessageId: 'x', recipientId: 'r', text: 'hi', createdAt: '2026-11-30T10:00:00Z' });
    const other = await ChatStorage.open('user-3');
    expect(await other.outbox()).toEqual([]);
    one.close();
    other.close();
  });

  it('moves a version cursor forward only', async () => {
    const storage = await ChatStorage.open('user-4');
    await storage.saveCursor('c', 10);
    await storage.saveCursor('c', 7);
    expect((await storage.cursors()).get('c')).toBe(10);
    await storage.forget('c');
    expect((await storage.cursors()).has('c')).toBe(false);
    storage.close();
  });
});
