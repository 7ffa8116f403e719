import type { MemberReceipts, MemberView, MessageView } from '../api/types';
import type { Unreadable } from '../crypto/envelope';

/** A message as the app shows it: the stored envelope and what it says once opened. */
export interface ChatMessage extends MessageView {
  text: string;
  readable: boolean;
  /** Why an unreadable message cannot be read. */
  problem?: Unreadable;
}

export type Tick = 'pending' | 'failed' | 'sent' | 'delivered' | 'read';

export interface TickState {
  tick: Tick;
  recipients: number;
  deliveredTo: MemberView[];
  readBy: MemberView[];
}

/** Merges messages into a list sorted by sequence; a later version of a message replaces the earlier. */
export function mergeMessages(current: readonly ChatMessage[], incoming: readonly ChatMessage[]): ChatMessage[] {
  if (incoming.length === 0) return current as ChatMessage[];
  const bySequence = new Map(current.map((message) => [message.sequence, message]));
  for (const message of incoming) {
    const known = bySequence.get(message.sequence);
    if (!known || message.version >= known.version) bySequence.set(message.sequence, message);
  }
  return [...bySequence.values()].sort((a, b) => a.sequence - b.sequence);
}

/** Receipt pointers only move forward: one that arrives late never moves a member back. */
export function applyReceipts(members: readonly MemberView[], receipts: MemberReceipts): MemberView[] {
  return members.map((member) =>
    member.userId !== receipts.userId
      ? member
      : {
          ...member,
          deliveredSequence: Math.max(member.deliveredSequence, receipts.deliveredSequence, receipts.readSequence),
          readSequence: Math.max(member.readSequence, receipts.readSequence),
        });
}

/**
 * The tick of a message I sent: ✓ stored, ✓✓ when every other member who was there when it
 * was sent has it, read when every one of them has read it.
 */
export function tickOf(message: MessageView, members: readonly MemberView[]): TickState {
  const recipients = members.filter((member) => member.userId !== message.senderId && member.joinedAt <= message.sentAt);
  const deliveredTo = recipients.filter((member) => member.deliveredSequence >= message.sequence);
  const readBy = recipients.filter((member) => member.readSequence >= message.sequence);
  const tick: Tick = recipients.length > 0 && readBy.length === recipients.length ? 'read'
    : recipients.length > 0 && deliveredTo.length === recipients.length ? 'delivered' : 'sent';
  return { tick, recipients: recipients.length, deliveredTo, readBy };
}

export interface DayGroup<T> {
  day: string;
  items: T[];
}

/** Groups messages by the local calendar day they were sent on (for day separators). */
export function groupByDay<T extends { sentAt: string }>(items: readonly T[]): DayGroup<T>[] {
  const groups: DayGroup<T>[] = [];
  for (const item of items) {
    const date = new Date(item.sentAt);
    const day = `${date.getFullYear()}-${String(date.getMonth() + 1).padStart(2, '0')}-${String(date.getDate()).padStart(2, '0')}`;
    const last = groups[groups.length - 1];
    if (last?.day === day) last.items.push(item);
    else groups.push({ day, items: [item] });
  }
  return groups;
}

/** Who is typing now, without me, with expired announcements dropped. */
export function typingNow(typing: ReadonlyMap<string, number>, me: string, now = Date.now()): string[] {
  return [...typing].filter(([userId, until]) => userId !== me && until > now).map(([userId]) => userId);
}
