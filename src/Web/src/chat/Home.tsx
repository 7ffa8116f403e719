import { useEffect, useState } from 'preact/hooks';
import { navigate, route as currentRoute } from '../app/router';
import { useSignal } from '../app/signal';
import { session } from '../auth/session';
import { CallBar } from '../calls/CallBar';
import { CallHistory } from '../calls/CallHistory';
import type { Calls } from '../calls/calls';
import { IncomingCall } from '../calls/IncomingCall';
import { t, tn } from '../i18n/i18n';
import { Settings } from '../settings/Settings';
import type { Chat } from './chat';
import { ChatView } from './ChatView';
import { ConversationList } from './ConversationList';
import { NewGroup } from './NewGroup';
import { People } from './People';
import { canAskForNotifications, askForNotifications } from './notifications';

type Tab = 'chats' | 'people' | 'calls';

/** The signed-in app: conversations and people beside (or, on a phone, instead of) the open chat or settings. */
export function Home({ chat, calls }: { chat: Chat; calls: Calls }) {
  const route = useSignal(currentRoute);
  useSignal(chat.changed);
  const connection = useSignal(chat.connection);
  const missedCalls = useSignal(calls.missed);
  const state = useSignal(session.state);
  const [tab, setTab] = useState<Tab>('chats');
  const [creatingGroup, setCreatingGroup] = useState(false);
  const [askNotifications, setAskNotifications] = useState(canAskForNotifications());
  const me = state.status === 'signed-in' ? state.user : null;

  // For the first-load measurement: when the conversation list is first on screen.
  useEffect(() => void performance.mark('chatapp:conversations-shown'), []);

  const unread = chat.unreadTotal();
  useEffect(() => {
    document.title = unread > 0 ? `(${unread}) ChatApp` : 'ChatApp';
  }, [unread]);

  // A person with whom a conversation exists opens that conversation.
  useEffect(() => {
    if (route.view === 'person') {
      const existing = chat.directWith(route.userId);
      if (existing) navigate({ view: 'conversation', conversationId: existing.summary.id }, true);
    }
    chat.open(route.view === 'conversation' ? route.conversationId : null).catch((error: unknown) => console.warn('The conversation could not be opened', error));
  }, [route, chat]);

  const detailOpen = route.view !== 'home';
  return (
    <div class={`home ${detailOpen ? 'detail-open' : ''}`}>
      <aside class="sidebar" aria-label={t('home.sidebar')}>
        <header class="topbar">
          <a href="/" class="brand" onClick={(event) => { event.preventDefault(); navigate({ view: 'home' }); }}>
            <img src="/favicon.svg" alt="" width={28} height={28} /> ChatApp
          </a>
          <span class={`connection ${connection}`} role="status">{connection === 'connected' ? '' : t(`connection.${connection}`)}</span>
          <button class="icon-button" onClick={() => navigate({ view: 'settings' })} aria-label={t('home.settings')} title={t('home.settings')}>⚙</button>
        </header>
        {me && <p class="whoami">{t('home.signedInAs', { name: me.displayName })}</p>}
        {askNotifications && (
          <p class="banner">
            {t('home.notificationsAsk')}{' '}
            <button class="link" onClick={() => void askForNotifications().then(() => setAskNotifications(false))}>{t('home.notificationsAllow')}</button>
          </p>
        )}
        <div class="tabs" role="tablist" aria-label={t('home.sidebar')}>
          <button role="tab" id="tab-chats" aria-selected={tab === 'chats'} aria-controls="panel-chats" onClick={() => setTab('chats')}>
            {t('home.chats')}{unread > 0 && <span class="badge" aria-label={tn('home.unread', unread)}>{unread}</span>}
          </button>
          <button role="tab" id="tab-people" aria-selected={tab === 'people'} aria-controls="panel-people" onClick={() => setTab('people')}>
            {t('home.people')}
          </button>
          <button role="tab" id="tab-calls" aria-selected={tab === 'calls'} aria-controls="panel-calls" onClick={() => setTab('calls')}>
            {t('home.calls')}{missedCalls > 0 && <span class="badge missed" aria-label={tn('home.missedCalls', missedCalls)}>{missedCalls}</span>}
          </button>
        </div>
        {tab === 'chats' ? (
          <section id="panel-chats" role="tabpanel" aria-labelledby="tab-chats" class="panel">
            <button class="button wide" onClick={() => setCreatingGroup(true)}>{t('home.newGroup')}</button>
            <ConversationList chat={chat} selected={route.view === 'conversation' ? route.conversationId : null} />
          </section>
        ) : tab === 'people' ? (
          <section id="panel-people" role="tabpanel" aria-labelledby="tab-people" class="panel">
            <People chat={chat} />
          </section>
        ) : (
          <section id="panel-calls" role="tabpanel" aria-labelledby="tab-calls" class="panel">
            <CallHistory calls={calls} />
          </section>
        )}
      </aside>
      <main class="detail">
        {route.view === 'conversation' && chat.conversations.has(route.conversationId) && (
          <ChatView key={route.conversationId} chat={chat} calls={calls} target={{ conversationId: route.conversationId }} />
        )}
        {route.view === 'conversation' && !chat.conversations.has(route.conversationId) && (
          <div class="empty"><p>{t('chat.notFound')}</p></div>
        )}
        {route.view === 'person' && <ChatView key={route.userId} chat={chat} calls={calls} target={{ recipientId: route.userId }} />}
        {route.view === 'settings' && <Settings chat={chat} />}
        {route.view === 'home' && <div class="empty"><p>{t('home.pick')}</p></div>}
      </main>
      {creatingGroup && <NewGroup chat={chat} onClose={() => setCreatingGroup(false)} />}
      <CallBar calls={calls} />
      <IncomingCall calls={calls} />
    </div>
  );
}
