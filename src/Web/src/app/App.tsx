import { useEffect, useState } from 'preact/hooks';
import { session } from '../auth/session';
import { AuthScreens } from '../auth/AuthScreens';
import { Calls } from '../calls/calls';
import { Chat } from '../chat/chat';
import { Home } from '../chat/Home';
import { language, t } from '../i18n/i18n';
import { useSignal } from './signal';

export function App() {
  const state = useSignal(session.state);
  useSignal(language);

  if (state.status === 'restoring') return <main class="splash" aria-busy="true"><p>{t('app.loading')}</p></main>;
  if (state.status === 'signed-out') return <AuthScreens reason={state.reason} />;
  return <SignedIn userId={state.user.userId} />;
}

/** One chat and one call line per signed-in person: started on sign-in, stopped on sign-out. */
function SignedIn({ userId }: { userId: string }) {
  const [chat, setChat] = useState<Chat | null>(null);
  const [calls, setCalls] = useState<Calls | null>(null);
  const [failed, setFailed] = useState(false);
  useEffect(() => {
    const started = new Chat(userId);
    const line = new Calls(userId);
    started.start().then(() => {
      line.keys = started.keys;
      setChat(started);
    }, (error: unknown) => {
      console.error(error);
      setFailed(true);
    });
    line.start();
    setCalls(line);
    return () => {
      void started.stop();
      void line.stop();
    };
  }, [userId]);
  if (failed) return <main class="splash"><p role="alert">{t('app.startFailed')}</p><button class="button" onClick={() => location.reload()}>{t('app.retry')}</button></main>;
  if (!chat || !calls) return <main class="splash" aria-busy="true"><p>{t('app.loading')}</p></main>;
  return <Home chat={chat} calls={calls} />;
}
