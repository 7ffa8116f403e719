import type { HubConnection } from '@microsoft/signalr';
import { messaging, ok } from '../api/clients';
import type {
  ConversationDetail, ConversationSummary, MemberReceipts, MemberView, MessagePage, MessageView, PresenceView, SyncResult, TypingView,
} from '../api/types';
import { signal } from '../app/signal';
import { bindingOf, open, seal, type OpenedMessage } from '../crypto/envelope';
import { KeyRing } from '../crypto/keyring';
import { asRefusal, buildHub, isConnected } from './hub';
import { retryAfterMs } from './retryAfter';
import { applyReceipts, mergeMessages, type ChatMessage } from './model';
import { ChatStorage, type OutgoingMessage } from './storage';
import { notifyNewMessage } from './notifications';
import { session } from '../auth/session';

export interface ConversationState {
  summary: ConversationSummary;
  members: MemberView[] | null;
  /** The latest receipt pointers pushed per member, kept for when the member list (re)loads. */
  receipts: Map<string, MemberReceipts>;
  messages: ChatMessage[];
  /** More history exists before the oldest loaded message. */
  hasOlder: boolean;
  historyLoaded: boolean;
  typing: Map<string, number>;
}

export type ConnectionState = 'connecting' | 'connected' | 'reconnecting' | 'offline';

const historyPage = 50;
const reconnectDelays = [1_000, 2_000, 5_000, 10_000];

/**
 * Everything the chat screens show, kept current from the hub's pushes, REST pages and syncs.
 * Sending always goes through the outbox: a message is written to IndexedDB first and sent
 * with its client message id until the server acknowledges it, so a reload or a lost
 * connection neither loses nor doubles it.
 */
export class Chat {
  readonly changed = signal(0);
  readonly connection = signal<ConnectionState>('connecting');
  readonly conversations = new Map<string, ConversationState>();
  readonly presence = new Map<string, PresenceView>();
  pending: OutgoingMessage[] = [];
  openConversationId: string | null = null;

  private readonly hub: HubConnection;
  private storage!: ChatStorage;
  /** This person's keys here and everyone's public keys. */
  keys!: KeyRing;
  private cursors = new Map<string, number>();
  private flushing = false;
  /** A message was queued while a flush ran: that flush goes round once more for it. */
  private flushAgain = false;
  private failedStarts = 0;
  private stopped = false;
  private lastTypingSent = new Map<string, number>();
  private receiptTimers = new Map<string, ReturnType<typeof setTimeout>>();

  constructor(readonly me: string) {
    this.hub = buildHub('/hubs/chat');
    this.hub.on('MessageReceived', (message: MessageView) => void this.received([message], true));
    this.hub.on('MessageChanged', (message: MessageView) => void this.received([message], false));
    this.hub.on('ReceiptsChanged', (receipts: MemberReceipts) => this.receiptsChanged(receipts));
    this.hub.on('Typing', (typing: TypingView) => this.typingAnnounced(typing));
    this.hub.on('ConversationChanged', (detail: ConversationDetail) => this.conversationChanged(detail));
    this.hub.on('ConversationRemoved', ({ conversationId }: { conversationId: string }) => this.removed(conversationId));
    this.hub.on('PresenceChanged', (presence: PresenceView) => {
      this.presence.set(presence.userId, presence);
      this.bump();
    });
    // Signed out elsewhere ("sign out everywhere", a password change): the server closes this
    // connection; the refresh that follows is refused, which lands on the sign-in screen.
    this.hub.on('SessionEnded', () => {
      this.stopped = true;
      void session.confirmSession();
    });
    this.hub.onreconnecting(() => (this.connection.value = 'reconnecting'));
    this.hub.onreconnected(() => void this.connected());
    this.hub.onclose(() => void this.reconnectLater());
    window.addEventListener('online', this.online);
    window.addEventListener('offline', this.offline);
    document.addEventListener('visibilitychange', this.visibilityChanged);
  }

  async start(): Promise<void> {
    this.storage = await ChatStorage.open(this.me);
    this.keys = await KeyRing.open(this.me);
    this.cursors = await this.storage.cursors();
    this.pending = await this.storage.outbox();
    this.bump();
    await this.loadConversations();
    if (navigator.onLine) void this.connect();
    else this.connection.value = 'offline';
  }

  async stop(): Promise<void> {
    this.stopped = true;
    window.removeEventListener('online', this.online);
    window.removeEventListener('offline', this.offline);
    document.removeEventListener('visibilitychange', this.visibilityChanged);
    await this.hub.stop();
    this.storage?.close();
    this.keys?.close();
  }

  /** Conversations, most recently active first. */
  list(): ConversationState[] {
    return [...this.conversations.values()].sort((a, b) => b.summary.lastActivityAt.localeCompare(a.summary.lastActivityAt));
  }

  unreadTotal(): number {
    let total = 0;
    for (const conversation of this.conversations.values()) total += conversation.summary.unreadCount;
    return total;
  }

  /** The direct conversation with a person, if there is one yet. */
  directWith(userId: string): ConversationState | undefined {
    for (const conversation of this.conversations.values())
      if (conversation.summary.kind === 'Direct' && conversation.summary.peer?.userId === userId) return conversation;
    return undefined;
  }

  pendingFor(target: { conversationId?: string; recipientId?: string }): OutgoingMessage[] {
    return this.pending.filter((message) =>
      (target.conversationId && message.conversationId === target.conversationId) || (target.recipientId && message.recipientId === target.recipientId));
  }

  // ---- opening and reading ----

  async open(conversationId: string | null): Promise<void> {
    this.openConversationId = conversationId;
    this.bump();
    if (!conversationId) return;
    const conversation = this.conversations.get(conversationId);
    if (!conversation) return;
    await Promise.all([
      conversation.members ? Promise.resolve() : this.loadDetail(conversationId),
      conversation.historyLoaded ? Promise.resolve() : this.loadHistory(conversationId),
    ]);
    this.markRead(conversationId);
  }

  async loadOlder(conversationId: string): Promise<void> {
    const conversation = this.conversations.get(conversationId);
    const oldest = conversation?.messages[0];
    if (!conversation || !conversation.hasOlder || !oldest) return;
    const page = await ok<MessagePage>(messaging.GET('/conversations/{conversationId}/messages', {
      params: { path: { conversationId }, query: { before: oldest.sequence, limit: historyPage } },
    }));
    conversation.messages = mergeMessages(conversation.messages, await this.opened(page.messages));
    conversation.hasOlder = page.hasMore;
    this.bump();
  }

  /** Tells the others I have read everything shown, when the conversation is on screen. */
  markRead(conversationId: string): void {
    const conversation = this.conversations.get(conversationId);
    if (!conversation || document.visibilityState !== 'visible' || this.openConversationId !== conversationId) return;
    const last = conversation.summary.lastSequence;
    if (last <= conversation.summary.myReadSequence) return;
    conversation.summary = { ...conversation.summary, myReadSequence: last, unreadCount: 0 };
    this.bump();
    this.report({ conversationId, deliveredSequence: last, readSequence: last });
  }

  // ---- writing ----

  /** Queues a message (kept in IndexedDB) and sends it as soon as the connection allows. */
  async send(target: { conversationId?: string; recipientId?: string }, text: string, replyToSequence?: number): Promise<void> {
    const message: OutgoingMessage = {
      clientMessageId: crypto.randomUUID(),
      ...target,
      text,
      replyToSequence,
      createdAt: new Date().toISOString(),
    };
    await this.storage.enqueue(message);
    this.pending = [...this.pending, message];
    this.bump();
    await this.flush();
  }

  async retry(clientMessageId: string): Promise<void> {
    const message = this.pending.find((candidate) => candidate.clientMessageId === clientMessageId);
    if (!message) return;
    delete message.failed;
    await this.storage.enqueue(message);
    this.bump();
    await this.flush();
  }

  async discard(clientMessageId: string): Promise<void> {
    await this.storage.acknowledge(clientMessageId);
    this.pending = this.pending.filter((message) => message.clientMessageId !== clientMessageId);
    this.bump();
  }

  /** Seals this browser's keys under a recovery passphrase and stores that with Identity. */
  backUpKeys(passphrase: string): Promise<void> {
    return this.keys.backUp(passphrase);
  }

  /** Brings back the keys of a backup, then opens again what could not be read; false when there is no backup. */
  async restoreKeys(passphrase: string): Promise<boolean> {
    if (!(await this.keys.restore(passphrase))) return false;
    for (const conversation of this.conversations.values()) {
      const unreadable = conversation.messages.filter((message) => !message.readable);
      if (unreadable.length > 0) conversation.messages = mergeMessages(conversation.messages.filter((message) => message.readable), await this.opened(unreadable));
    }
    this.bump();
    return true;
  }

  async edit(conversationId: string, sequence: number, text: string): Promise<void> {
    const original = this.conversations.get(conversationId)?.messages.find((message) => message.sequence === sequence);
    if (!original) throw new Error('The message to edit is not loaded.');
    const body = await this.sealFor(text, original.clientMessageId, conversationId, undefined);
    const message = await this.invoke<MessageView>('EditMessage', conversationId, sequence, { body });
    await this.received([message], false);
  }

  async delete(conversationId: string, sequence: number): Promise<void> {
    const message = await this.invoke<MessageView>('DeleteMessage', conversationId, sequence);
    await this.received([message], false);
  }

  /** Announces typing at most every 3 s (the others show it for 6 s). */
  typing(conversationId: string): void {
    const now = Date.now();
    if (now - (this.lastTypingSent.get(conversationId) ?? 0) < 3_000 || !isConnected(this.hub)) return;
    this.lastTypingSent.set(conversationId, now);
    this.invoke('Typing', conversationId).catch(() => undefined);
  }

  // ---- groups ----

  async createGroup(name: string, memberIds: string[]): Promise<string> {
    const detail = await ok<ConversationDetail>(messaging.POST('/groups', { body: { name, memberIds } }));
    this.conversationChanged(detail);
    return detail.id;
  }

  /** After a group change made over REST: the answer (and the push that follows) update the list. */
  applyDetail(detail: ConversationDetail): void {
    this.conversationChanged(detail);
  }

  removed(conversationId: string): void {
    this.conversations.delete(conversationId);
    this.cursors.delete(conversationId);
    void this.storage.forget(conversationId);
    if (this.openConversationId === conversationId) this.openConversationId = null;
    this.bump();
  }

  // ---- connection ----

  private async connect(): Promise<void> {
    if (this.stopped) return;
    this.connection.value = 'connecting';
    try {
      await this.hub.start();
      await this.connected();
    } catch {
      await this.reconnectLater();
    }
  }

  /** After every (re)connection: catch up from the cursors, watch presence, send what waits. */
  private async connected(): Promise<void> {
    this.connection.value = 'connected';
    this.failedStarts = 0;
    try {
      await this.sync();
      const online = await this.hub.invoke<PresenceView[]>('WatchPresence');
      this.presence.clear();
      for (const person of online) this.presence.set(person.userId, person);
      this.bump();
    } catch (error) {
      console.warn('Catching up after connecting failed', error);
    }
    await this.flush();
  }

  /** After a failed start or a connection SignalR gave up on: try again, soon at first, then every 10 s. */
  private async reconnectLater(): Promise<void> {
    if (this.stopped) return;
    this.connection.value = navigator.onLine ? 'reconnecting' : 'offline';
    if (!navigator.onLine) return;
    const delay = reconnectDelays[Math.min(this.failedStarts++, reconnectDelays.length - 1)];
    await new Promise((resolve) => setTimeout(resolve, delay));
    if (!this.stopped && this.hub.state === 'Disconnected') await this.connect();
  }

  private readonly online = () => {
    if (this.hub.state === 'Disconnected') void this.connect();
  };

  private readonly offline = () => {
    // Say so at once rather than after the server timeout; the outbox keeps what is written.
    this.connection.value = 'offline';
    void this.hub.stop();
  };

  private readonly visibilityChanged = () => {
    if (this.openConversationId) this.markRead(this.openConversationId);
  };

  // ---- loading ----

  private async loadConversations(): Promise<void> {
    let cursor: string | undefined;
    do {
      const page = await ok(messaging.GET('/conversations', { params: { query: { cursor, limit: 100 } } }));
      for (const summary of page.conversations) this.upsertSummary(summary);
      cursor = page.next ?? undefined;
    } while (cursor);
    // A conversation first seen now is read from its history when opened; syncs start at its present.
    for (const conversation of this.conversations.values())
      if (!this.cursors.has(conversation.summary.id)) this.advanceCursor(conversation.summary.id, conversation.summary.lastVersion);
    this.bump();
  }

  private async loadDetail(conversationId: string): Promise<void> {
    const detail = await ok(messaging.GET('/conversations/{conversationId}', { params: { path: { conversationId } } }));
    this.conversationChanged(detail);
  }

  private async loadHistory(conversationId: string): Promise<void> {
    const page = await ok<MessagePage>(messaging.GET('/conversations/{conversationId}/messages', {
      params: { path: { conversationId }, query: { limit: historyPage } },
    }));
    const conversation = this.conversations.get(conversationId);
    if (!conversation) return;
    conversation.messages = mergeMessages(conversation.messages, await this.opened(page.messages));
    conversation.hasOlder = page.hasMore;
    conversation.historyLoaded = true;
    this.bump();
  }

  private async sync(): Promise<void> {
    let more = true;
    while (more) {
      const result = await this.hub.invoke<SyncResult>('Sync', {
        conversations: [...this.cursors].map(([conversationId, afterVersion]) => ({ conversationId, afterVersion })),
      });
      more = false;
      for (const removed of result.removed) this.removed(removed);
      for (const changes of result.conversations) {
        const fresh = !this.conversations.has(changes.conversation.id);
        this.upsertSummary(changes.conversation);
        const conversation = this.conversations.get(changes.conversation.id)!;
        if (fresh || !conversation.historyLoaded) {
          // Not on screen yet: its history is read when opened, from where it is now.
          this.advanceCursor(changes.conversation.id, changes.conversation.lastVersion);
        } else {
          conversation.messages = mergeMessages(conversation.messages, await this.opened(changes.messages));
          const last = changes.messages[changes.messages.length - 1];
          if (last) this.advanceCursor(changes.conversation.id, last.version);
          more ||= changes.hasMore;
        }
        for (const receipts of changes.receipts) conversation.receipts.set(receipts.userId, receipts);
        if (conversation.members) conversation.members = changes.receipts.reduce(applyReceipts, conversation.members);
        for (const message of changes.messages) this.dropPending(message.clientMessageId, message.senderId);
      }
      this.reportDelivered(result.conversations.map((changes) => changes.conversation));
      this.bump();
    }
  }

  // ---- sending the outbox ----

  private async flush(): Promise<void> {
    if (this.flushing) {
      this.flushAgain = true;
      return;
    }
    if (!isConnected(this.hub)) return;
    this.flushing = true;
    try {
      do {
        this.flushAgain = false;
        if (!(await this.flushOnce())) return;
      } while (this.flushAgain);
    } finally {
      this.flushing = false;
    }
  }

  /** Sends what is in the outbox now, in order; false when the connection went (the next one sends the rest). */
  private async flushOnce(): Promise<boolean> {
    for (const message of [...this.pending]) {
      if (message.failed || !this.pending.includes(message)) continue;
      let body: string;
      try {
        body = await this.sealFor(message.text, message.clientMessageId, message.conversationId, message.recipientId);
      } catch (error) {
        // A member has no keys yet, or the key directory is away: it waits, visibly, for a retry.
        console.warn('The message could not be sealed', error);
        message.failed = 'keys';
        await this.storage.enqueue(message);
        this.bump();
        continue;
      }
      const request = { clientMessageId: message.clientMessageId, body, replyToSequence: message.replyToSequence ?? null };
      let stored: MessageView;
      try {
        stored = message.conversationId
          ? await this.hub.invoke<MessageView>('SendMessage', message.conversationId, request)
          : await this.hub.invoke<MessageView>('SendDirectMessage', message.recipientId, request);
      } catch (error) {
        const refused = asRefusal(error);
        if (!refused) return false; // The connection went: the next connection sends it, with the same id.
        if (refused.code === 'rate-limited') {
          // Too many at once (an outbox after a long time offline) or the service is busy: the
          // message stays queued, and goes, with the same id, after the wait the server asked for.
          await new Promise((resume) => setTimeout(resume, retryAfterMs(refused.message)));
          this.flushAgain = true;
          return true;
        }
        message.failed = refused.code;
        await this.storage.enqueue(message);
        this.bump();
        continue;
      }
      if (!this.conversations.has(stored.conversationId)) await this.loadDetail(stored.conversationId);
      await this.received([stored], true);
    }
    return true;
  }

  /** Seals a text for every member of its conversation (or for the person a first message goes to). */
  private async sealFor(text: string, clientMessageId: string, conversationId: string | undefined, recipientId: string | undefined): Promise<string> {
    let memberIds: string[];
    if (conversationId) {
      if (!this.conversations.get(conversationId)?.members) await this.loadDetail(conversationId);
      memberIds = this.conversations.get(conversationId)?.members?.map((member) => member.userId) ?? [];
    } else {
      memberIds = [this.me, recipientId!];
    }
    const binding = conversationId ? this.bindingOf(conversationId) : bindingOf({ kind: 'Direct', members: [this.me, recipientId!] });
    if (!binding || memberIds.length === 0) throw new Error('The conversation of this message is not known.');
    const members = await this.keys.sealingKeys(memberIds);
    return seal(text, { binding, sender: this.me, clientMessageId }, this.keys.current, members);
  }

  private bindingOf(conversationId: string): string | null {
    const conversation = this.conversations.get(conversationId);
    if (!conversation) return null;
    if (conversation.summary.kind === 'Group') return bindingOf({ kind: 'Group', id: conversationId });
    const peer = conversation.summary.peer?.userId;
    return peer ? bindingOf({ kind: 'Direct', members: [this.me, peer] }) : null;
  }

  /** Opens the bodies of messages of conversations this device knows (others are loaded, and opened, with their conversation). */
  private async opened(messages: readonly MessageView[]): Promise<ChatMessage[]> {
    return Promise.all(messages.map(async (message) => {
      const binding = this.bindingOf(message.conversationId);
      const result: OpenedMessage = binding
        ? await open(message.body, { binding, sender: message.senderId, clientMessageId: message.clientMessageId }, this.keys)
        : { text: '', readable: false, problem: 'no-key' };
      return { ...message, ...result };
    }));
  }

  private dropPending(clientMessageId: string, senderId: string): void {
    if (senderId !== this.me) return;
    const before = this.pending.length;
    this.pending = this.pending.filter((message) => message.clientMessageId !== clientMessageId);
    if (this.pending.length !== before) void this.storage.acknowledge(clientMessageId);
  }

  // ---- what the server pushes ----

  private async received(messages: MessageView[], isNew: boolean): Promise<void> {
    const readable = await this.opened(messages);
    for (const message of readable) {
      this.dropPending(message.clientMessageId, message.senderId);
      const conversation = this.conversations.get(message.conversationId);
      if (!conversation) {
        // A conversation new to this device: its detail already counts this message.
        if (isNew) this.loadDetail(message.conversationId).then(() => this.arrived(message), (error: unknown) => console.warn('A new conversation could not be loaded', error));
        continue;
      }
      const known = conversation.messages.some((existing) => existing.sequence === message.sequence);
      if (conversation.historyLoaded || known) conversation.messages = mergeMessages(conversation.messages, [message]);
      if (conversation.historyLoaded) this.advanceCursor(message.conversationId, message.version);
      conversation.typing.delete(message.senderId);
      // Whoever writes has read everything before (the server's rule too): no receipt push says so.
      if (isNew) this.receiptsChanged({ conversationId: message.conversationId, userId: message.senderId, deliveredSequence: message.sequence, readSequence: message.sequence });
      if (isNew && !known && message.sequence > conversation.summary.lastSequence) {
        const mine = message.senderId === this.me;
        conversation.summary = {
          ...conversation.summary,
          lastSequence: message.sequence,
          lastVersion: Math.max(conversation.summary.lastVersion, message.version),
          lastActivityAt: message.sentAt,
          unreadCount: mine ? 0 : conversation.summary.unreadCount + 1,
          myReadSequence: mine ? message.sequence : conversation.summary.myReadSequence,
        };
        this.arrived(message);
      }
    }
    this.bump();
  }

  /** Someone else's new message reached this device: say so, mark it read if on screen, notify if hidden. */
  private arrived(message: ChatMessage): void {
    const conversation = this.conversations.get(message.conversationId);
    if (!conversation || message.senderId === this.me) return;
    this.reportDelivered([conversation.summary]);
    this.markRead(message.conversationId);
    if (document.visibilityState === 'hidden') notifyNewMessage(this.senderName(conversation, message.senderId), message.text);
  }

  /** Delivered receipts, gathered for a moment so a burst of messages costs one call per conversation. */
  private reportDelivered(summaries: ConversationSummary[]): void {
    for (const summary of summaries) {
      if (this.receiptTimers.has(summary.id)) continue;
      this.receiptTimers.set(summary.id, setTimeout(() => {
        this.receiptTimers.delete(summary.id);
        const current = this.conversations.get(summary.id)?.summary;
        if (current) this.report({ conversationId: summary.id, deliveredSequence: current.lastSequence });
      }, 100));
    }
  }

  private receiptsChanged(receipts: MemberReceipts): void {
    const conversation = this.conversations.get(receipts.conversationId);
    if (!conversation) return;
    conversation.receipts.set(receipts.userId, receipts);
    if (conversation.members) conversation.members = applyReceipts(conversation.members, receipts);
    if (receipts.userId === this.me && receipts.readSequence > conversation.summary.myReadSequence) {
      // Read on another of my devices.
      const unread = Math.max(0, conversation.summary.lastSequence - receipts.readSequence);
      conversation.summary = { ...conversation.summary, myReadSequence: receipts.readSequence, unreadCount: Math.min(unread, conversation.summary.unreadCount) };
    }
    this.bump();
  }

  private typingAnnounced(typing: TypingView): void {
    const conversation = this.conversations.get(typing.conversationId);
    if (!conversation || typing.userId === this.me) return;
    conversation.typing.set(typing.userId, new Date(typing.until).getTime());
    this.bump();
    setTimeout(() => this.bump(), new Date(typing.until).getTime() - Date.now() + 50);
  }

  private conversationChanged(detail: ConversationDetail): void {
    const existing = this.conversations.get(detail.id);
    const peer = detail.kind === 'Direct' ? detail.members.find((member) => member.userId !== this.me) : undefined;
    const mine = detail.members.find((member) => member.userId === this.me);
    this.upsertSummary({
      id: detail.id,
      kind: detail.kind,
      name: detail.name,
      peer: peer ? { userId: peer.userId, username: peer.username, displayName: peer.displayName } : null,
      memberCount: detail.members.length,
      myRole: mine?.role ?? 'Member',
      lastSequence: detail.lastSequence,
      lastVersion: detail.lastVersion,
      lastActivityAt: detail.lastActivityAt,
      unreadCount: existing?.summary.unreadCount ?? Math.max(0, detail.lastSequence - (mine?.readSequence ?? 0)),
      myReadSequence: mine?.readSequence ?? 0,
    });
    // Receipts pushed while the detail was on its way are newer than, or as new as, what it says.
    const conversation = this.conversations.get(detail.id)!;
    conversation.members = [...conversation.receipts.values()].reduce(applyReceipts, detail.members);
    if (!existing) this.advanceCursor(detail.id, 0);
    this.bump();
  }

  private upsertSummary(summary: ConversationSummary): void {
    const existing = this.conversations.get(summary.id);
    if (existing) existing.summary = summary;
    else this.conversations.set(summary.id, { summary, members: null, receipts: new Map(), messages: [], hasOlder: false, historyLoaded: false, typing: new Map() });
  }

  private advanceCursor(conversationId: string, version: number): void {
    if ((this.cursors.get(conversationId) ?? -1) >= version) return;
    this.cursors.set(conversationId, version);
    void this.storage.saveCursor(conversationId, version);
  }

  senderName(conversation: ConversationState, userId: string): string {
    return conversation.members?.find((member) => member.userId === userId)?.displayName
      ?? (conversation.summary.peer?.userId === userId ? conversation.summary.peer.displayName : '…');
  }

  /**
   * Moves my pointers without waiting for an answer (a call would bring one back for every report,
   * which nothing here reads; as before, a refusal changes nothing on screen). The other members'
   * ticks follow from the push; what this device received is reported again after a reconnect's sync.
   */
  private report({ conversationId, ...pointers }: { conversationId: string; deliveredSequence: number; readSequence?: number }): void {
    this.hub.send('UpdateReceipts', conversationId, pointers).catch(() => undefined);
  }

  private async invoke<T = unknown>(method: string, ...args: unknown[]): Promise<T> {
    try {
      return await this.hub.invoke<T>(method, ...args);
    } catch (error) {
      throw asRefusal(error) ?? error;
    }
  }

  private bump(): void {
    this.changed.value = this.changed.value + 1;
  }
}


