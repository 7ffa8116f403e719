import { useState } from 'preact/hooks';
import type { MemberView } from '../api/types';
import { type MessageKey, t, time } from '../i18n/i18n';
import { memo } from 'preact/compat';
import type { Chat } from './chat';
import type { Draft } from './Composer';
import { tickOf, type ChatMessage, type Tick } from './model';
import type { OutgoingMessage } from './storage';

interface Props {
  chat: Chat;
  message: ChatMessage;
  senderName: string;
  group: boolean;
  /** Only for my own messages (the ticks need them); others' bubbles skip receipt changes. */
  members: MemberView[] | undefined;
  replyTo: ChatMessage | undefined;
  replySender: string | undefined;
  onDraft: (draft: Draft) => void;
}

const names = (members: MemberView[]) =>
  members.map((member) => member.displayName).sort((a, b) => a.localeCompare(b)).join(', ') || '—';

const tickMarks: Record<Tick, string> = { pending: '🕓', failed: '!', sent: '✓', delivered: '✓✓', read: '✓✓' };

/**
 * One message. Memoised: in a history of thousands, a new page, a receipt or a typing
 * announcement re-renders only the bubbles it changes.
 */
export const MessageBubble = memo(function MessageBubble({ chat, message, senderName, group, members, replyTo, replySender, onDraft }: Props) {
  const [actions, setActions] = useState(false);
  const [showReaders, setShowReaders] = useState(false);
  const mine = message.senderId === chat.me;
  const deleted = Boolean(message.deletedAt);
  const ticks = mine && !deleted && members ? tickOf(message, members) : null;

  return (
    <article class={`bubble ${mine ? 'mine' : 'theirs'} ${deleted ? 'deleted' : ''}`} aria-label={t(mine ? 'message.fromMe' : 'message.from', { name: senderName })}>
      {group && !mine && <p class="sender">{senderName}</p>}
      {replyTo && (
        <blockquote class="quote">
          <span class="sender">{replySender}</span>
          <span>{replyTo.deletedAt ? t('message.deleted') : replyTo.text}</span>
        </blockquote>
      )}
      <p class={`text ${!deleted && !message.readable ? 'unreadable' : ''}`}>{deleted ? t('message.deleted') : message.readable ? message.text : t(`message.unreadable.${message.problem ?? 'damaged'}` as MessageKey)}</p>
      <footer class="bubble-meta">
        {!deleted && (
          <button class="icon-button small" onClick={() => setActions(!actions)} aria-expanded={actions} aria-label={t('message.actions')}>⋯</button>
        )}
        {message.editedAt && !deleted && <span>{t('message.edited')}</span>}
        <time dateTime={message.sentAt} title={time.dateTime(message.sentAt)}>{time.clock(message.sentAt)}</time>
        {ticks && (
          group ? (
            <button class={`tick ${ticks.tick}`} onClick={() => setShowReaders(!showReaders)} aria-expanded={showReaders}>
              {tickMarks[ticks.tick]} {t('message.readByCount', { read: ticks.readBy.length, of: ticks.recipients })}
            </button>
          ) : (
            <span class={`tick ${ticks.tick}`} role="img" aria-label={t(`tick.${ticks.tick}`)} title={t(`tick.${ticks.tick}`)}>{tickMarks[ticks.tick]}</span>
          )
        )}
      </footer>
      {showReaders && ticks && (
        <div class="readers">
          <p>{t('message.readBy')}: {names(ticks.readBy)}</p>
          <p>{t('message.deliveredTo')}: {names(ticks.deliveredTo)}</p>
        </div>
      )}
      {actions && (
        <div class="action-row">
          <button class="link" onClick={() => { setActions(false); onDraft({ kind: 'reply', to: message }); }}>{t('message.reply')}</button>
          {mine && <button class="link" onClick={() => { setActions(false); onDraft({ kind: 'edit', message }); }}>{t('message.edit')}</button>}
          {mine && (
            <button class="link danger" onClick={() => {
              setActions(false);
              if (confirm(t('message.confirmDelete'))) void chat.delete(message.conversationId, message.sequence);
            }}>{t('message.delete')}</button>
          )}
        </div>
      )}
    </article>
  );
});

/** A message still in the outbox: waiting for the connection, or refused (retry or discard). */
export function PendingBubble({ chat, message }: { chat: Chat; message: OutgoingMessage }) {
  const tick: Tick = message.failed ? 'failed' : 'pending';
  return (
    <article class={`bubble mine pending ${tick}`} aria-label={t('message.fromMe')}>
      <p class="text">{message.text}</p>
      <footer class="bubble-meta">
        <time dateTime={message.createdAt}>{time.clock(message.createdAt)}</time>
        <span class={`tick ${tick}`} role="img" aria-label={t(`tick.${tick}`)} title={t(`tick.${tick}`)}>{tickMarks[tick]}</span>
      </footer>
      {message.failed && (
        <p class="error">
          {message.failed === 'keys' ? t('message.failed.keys') : t('message.notSent')}{' '}
          <button class="link" onClick={() => void chat.retry(message.clientMessageId)}>{t('message.retry')}</button>{' '}
          <button class="link danger" onClick={() => void chat.discard(message.clientMessageId)}>{t('message.discard')}</button>
        </p>
      )}
    </article>
  );
}
