import { useEffect, useLayoutEffect, useRef, useState } from 'preact/hooks';
import { identity, ok } from '../api/clients';
import { navigate } from '../app/router';
import { useSignal } from '../app/signal';
import type { Calls } from '../calls/calls';
import { PhoneIcon } from '../ui/PhoneIcon';
import { t, time, tn } from '../i18n/i18n';
import type { Chat } from './chat';
import { conversationTitle } from './ConversationList';
import { Composer, type Draft } from './Composer';
import { GroupPanel } from './GroupPanel';
import { MessageBubble, PendingBubble } from './MessageBubble';
import { Verification } from './Verification';
import { groupByDay, typingNow, type ChatMessage } from './model';

interface Props {
  chat: Chat;
  calls: Calls;
  /** An existing conversation, or a person to whom the first message starts one. */
  target: { conversationId?: string; recipientId?: string };
}

export function ChatView({ chat, calls, target }: Props) {
  const inCall = useSignal(calls.current) !== null;
  const conversation = target.conversationId ? chat.conversations.get(target.conversationId) : undefined;
  const [draft, setDraft] = useState<Draft>({ kind: 'new' });
  const [showInfo, setShowInfo] = useState(false);
  const [peerName, setPeerName] = useState<string | null>(null);
  const list = useRef<HTMLDivElement>(null);
  const pinned = useRef(true);
  const heightBeforeOlder = useRef<number | null>(null);

  // The first message to a person made the conversation: continue there.
  useEffect(() => {
    if (target.recipientId) {
      const existing = chat.directWith(target.recipientId);
      if (existing) navigate({ view: 'conversation', conversationId: existing.summary.id }, true);
    }
  });

  useEffect(() => {
    if (!target.recipientId) return;
    const known = chat.presence.get(target.recipientId);
    if (known) setPeerName(known.displayName);
    else void ok<{ displayName: string }[]>(identity.POST('/users/lookup', { body: { ids: [target.recipientId] } }))
      .then((people) => setPeerName(people[0]?.displayName ?? null), () => setPeerName(null));
  }, [target.recipientId, chat]);

  const messages: ChatMessage[] = conversation?.messages ?? [];
  const pending = chat.pendingFor(target);
  const members = conversation?.members ?? [];
  const lastSequence = messages[messages.length - 1]?.sequence;

  // Stay at the bottom as messages arrive, unless the person scrolled up to read; keep the place when older ones load.
  useLayoutEffect(() => {
    const element = list.current;
    if (!element) return;
    if (heightBeforeOlder.current !== null) {
      element.scrollTop += element.scrollHeight - heightBeforeOlder.current;
      heightBeforeOlder.current = null;
    } else if (pinned.current) {
      element.scrollTop = element.scrollHeight;
    }
  }, [lastSequence, pending.length, messages.length]);

  const onScroll = () => {
    const element = list.current;
    if (!element || !conversation) return;
    pinned.current = element.scrollHeight - element.scrollTop - element.clientHeight < 40;
    if (element.scrollTop < 200 && conversation.hasOlder && heightBeforeOlder.current === null) {
      heightBeforeOlder.current = element.scrollHeight;
      void chat.loadOlder(conversation.summary.id).catch(() => (heightBeforeOlder.current = null));
    }
  };

  const title = conversation ? conversationTitle(conversation) : peerName ?? '…';
  const typists = conversation ? typingNow(conversation.typing, chat.me).map((userId) => chat.senderName(conversation, userId)) : [];
  const peerId = conversation?.summary.peer?.userId ?? target.recipientId;
  const peerPresence = peerId ? chat.presence.get(peerId) : undefined;
  const subtitle = conversation?.summary.kind === 'Group'
    ? tn('conversation.members', conversation.summary.memberCount)
    : peerPresence?.online ? t('presence.online')
      : peerPresence?.lastSeenAt ? t('presence.lastSeen', { when: time.ago(peerPresence.lastSeenAt) }) : '';

  const bySequence = new Map(messages.map((message) => [message.sequence, message]));
  const replied = (message: ChatMessage) => (message.replyToSequence ? bySequence.get(message.replyToSequence) : undefined);
  const isGroup = conversation?.summary.kind === 'Group';
  return (
    <section class="chat" aria-label={title}>
      <header class="chat-header">
        <button class="icon-button back" onClick={() => navigate({ view: 'home' })} aria-label={t('chat.back')}>←</button>
        <div class="chat-title">
          <h1>{title}</h1>
          <p class="muted" aria-live="polite">{typists.length > 0 ? t('chat.typing', { names: typists.join(', ') }) : subtitle}</p>
        </div>
        {peerId && !isGroup && title !== '…' && <Verification chat={chat} userId={peerId} name={title} />}
        {peerId && !isGroup && (
          <button class="icon-button call" disabled={inCall} onClick={() => void calls.call({ id: peerId, displayName: title })}
            aria-label={t('calls.call', { name: title })} title={t('calls.call', { name: title })}><PhoneIcon /></button>
        )}
        {conversation?.summary.kind === 'Group' && (
          <button class="button" onClick={() => setShowInfo(!showInfo)} aria-expanded={showInfo}>{t('group.info')}</button>
        )}
      </header>
      {showInfo && conversation && <GroupPanel chat={chat} conversation={conversation} onClose={() => setShowInfo(false)} />}
      <div class="messages" ref={list} onScroll={onScroll} role="log" aria-label={t('chat.messages')} tabIndex={0}>
        {conversation?.hasOlder && <p class="muted center">{t('chat.loadingOlder')}</p>}
        {messages.length === 0 && pending.length === 0 && <p class="muted center">{t('chat.empty')}</p>}
        {groupByDay(messages).map((group) => (
          <div key={group.day} class="day">
            <p class="day-separator"><span>{time.day(group.items[0]!.sentAt)}</span></p>
            {group.items.map((message) => (
              <MessageBubble key={message.sequence} chat={chat} message={message} group={isGroup}
                senderName={chat.senderName(conversation!, message.senderId)}
                members={message.senderId === chat.me ? members : undefined}
                replyTo={replied(message)} replySender={replied(message) && chat.senderName(conversation!, replied(message)!.senderId)}
                onDraft={setDraft} />
            ))}
          </div>
        ))}
        {pending.map((message) => <PendingBubble key={message.clientMessageId} chat={chat} message={message} />)}
      </div>
      <Composer chat={chat} target={target} draft={draft} onDraftDone={() => setDraft({ kind: 'new' })}
        conversationName={title} onSent={() => (pinned.current = true)} />
    </section>
  );
}
