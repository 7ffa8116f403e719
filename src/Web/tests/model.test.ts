import { describe, expect, it } from 'vitest';
import type { MemberView } from '../src/api/types';
import { applyReceipts, groupByDay, mergeMessages, tickOf, typingNow, type ChatMessage } from '../src/chat/model';

const alice = '00000000-0000-0000-0000-00000000000a';
const bob = '00000000-0000-0000-0000-00000000000b';
const carol = '00000000-0000-0000-0000-00000000000c';

function message(sequence: number, version = sequence, extra: Partial<ChatMessage> = {}): ChatMessage {
  return {
    conversationId: 'c', sequence, version, senderId: alice, clientMessageId: `m${sequence}`, body: '', replyToSequence: null,
    sentAt: `2026-11-30T10:00:${String(sequence).padStart(2, '0')}Z`, editedAt: null, deletedAt: null, text: `text ${sequence}`, readable: true, ...extra,
  };
}

function member(userId: string, delivered = 0, read = 0, joinedAt = '2026-01-01T00:00:00Z'): MemberView {
  return { userId, username: userId, displayName: userId.slice(-1), role: 'Member', joinedAt, deliveredSequence: delivered, readSequence: read };
}

describe('mergeMessages', () => {
  it('keeps messages in sequence order whatever order they arrive in', () => {
    const merged = mergeMessages([message(3)], [message(1), message(2)]);
    expect(merged.map((m) => m.sequence)).toEqual([1, 2, 3]);
  });

  it('replaces a message with a later version (an edit or a tombstone) but never with an older one', () => {
    const edited = message(1, 5, { text: 'edited', editedAt: '2026-11-30T10:01:00Z' });
    expect(mergeMessages([message(1)], [edited])[0]!.text).toBe('edited');
    expect(mergeMessages([edited], [message(1, 1)])[0]!.text).toBe('edited');
  });

  it('does not double a message that arrives twice (a push and the send answer)', () => {
    expect(mergeMessages([message(1)], [message(1)])).toHaveLength(1);
  });
});

describe('receipts and ticks', () => {
  it('moves pointers forward only, and reading implies receiving', () => {
    const members = applyReceipts([member(bob, 5, 3)], { conversationId: 'c', userId: bob, deliveredSequence: 2, readSequence: 7 });
    expect(members[0]).toMatchObject({ deliveredSequence: 7, readSequence: 7 });
  });

  it('is ✓ when stored, ✓✓ when every recipient has it, read when every recipient read it', () => {
    const sent = message(4);
    expect(tickOf(sent, [member(alice, 4, 4), member(bob, 3, 3)]).tick).toBe('sent');
    expect(tickOf(sent, [member(alice, 4, 4), member(bob, 4, 3)]).tick).toBe('delivered');
    expect(tickOf(sent, [member(alice, 4, 4), member(bob, 9, 4)]).tick).toBe('read');
  });

  it('counts group readers among those who were members when the message was sent', () => {
    const sent = message(4);
    const state = tickOf(sent, [member(alice, 4, 4), member(bob, 4, 4), member(carol, 4, 0), member('late', 9, 9, '2026-12-01T00:00:00Z')]);
    expect(state).toMatchObject({ tick: 'delivered', recipients: 2 });
    expect(state.readBy.map((m) => m.userId)).toEqual([bob]);
    expect(state.deliveredTo.map((m) => m.userId)).toEqual([bob, carol]);
  });

  it('stays ✓ in a conversation where nobody else is left', () => {
    expect(tickOf(message(1), [member(alice, 1, 1)]).tick).toBe('sent');
  });
});

describe('groupByDay', () => {
  it('starts a new group at each local calendar day', () => {
    const days = groupByDay([
      { sentAt: new Date(2026, 10, 29, 23, 59).toISOString() },
      { sentAt: new Date(2026, 10, 30, 0, 1).toISOString() },
      { sentAt: new Date(2026, 10, 30, 12, 0).toISOString() },
    ]);
    expect(days.map((day) => day.items.length)).toEqual([1, 2]);
    expect(days.map((day) => day.day)).toEqual(['2026-11-29', '2026-11-30']);
  });
});

describe('typingNow', () => {
  it('drops expired announcements and my own', () => {
    const now = 1_000_000;
    const typing = new Map([[bob, now + 5_000], [carol, now - 1], [alice, now + 5_000]]);
    expect(typingNow(typing, alice, now)).toEqual([bob]);
  });
});
