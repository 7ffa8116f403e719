import { navigate } from '../app/router';
import { t, time, tn } from '../i18n/i18n';
import type { Chat, ConversationState } from './chat';
import { Avatar } from './Avatar';

export function conversationTitle(conversation: ConversationState): string {
  return conversation.summary.kind === 'Direct' ? conversation.summary.peer?.displayName ?? '…' : conversation.summary.name ?? '…';
}

export function ConversationList({ chat, selected }: { chat: Chat; selected: string | null }) {
  const conversations = chat.list();
  if (conversations.length === 0) return <p class="muted">{t('home.noChats')}</p>;
  return (
    <ul class="conversation-list" aria-label={t('home.chats')}>
      {conversations.map((conversation) => {
        const { summary } = conversation;
        const title = conversationTitle(conversation);
        const online = summary.kind === 'Direct' && summary.peer && chat.presence.get(summary.peer.userId)?.online;
        const pending = chat.pendingFor({ conversationId: summary.id }).length;
        return (
          <li key={summary.id}>
            <a href={`/c/${summary.id}`} aria-current={selected === summary.id ? 'page' : undefined}
              onClick={(event) => { event.preventDefault(); navigate({ view: 'conversation', conversationId: summary.id }); }}>
              <Avatar name={title} online={Boolean(online)} />
              <span class="conversation-text">
                <span class="conversation-title">{title}</span>
                <span class="conversation-meta">
                  {summary.kind === 'Group' ? tn('conversation.members', summary.memberCount) : online ? t('presence.online') : ''}
                  {pending > 0 && ` · ${tn('conversation.pending', pending)}`}
                </span>
              </span>
              <span class="conversation-side">
                <time dateTime={summary.lastActivityAt}>{time.recent(summary.lastActivityAt)}</time>
                {summary.unreadCount > 0 && <span class="badge" aria-label={tn('home.unread', summary.unreadCount)}>{summary.unreadCount}</span>}
              </span>
            </a>
          </li>
        );
      })}
    </ul>
  );
}
