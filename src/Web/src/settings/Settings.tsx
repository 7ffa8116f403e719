import { navigate } from '../app/router';
import { session } from '../auth/session';
import type { Chat } from '../chat/chat';
import { t } from '../i18n/i18n';
import { Authenticator } from './Authenticator';
import { EmailPreferences } from './EmailPreferences';
import { Encryption } from './Encryption';
import { LanguagePicker } from './LanguagePicker';
import { Passkeys } from './Passkeys';
import { Password } from './Password';
import { Profile } from './Profile';
import { Sessions } from './Sessions';

export function Settings({ chat }: { chat: Chat }) {
  return (
    <section class="settings" aria-labelledby="settings-title">
      <header class="chat-header">
        <button class="icon-button back" onClick={() => navigate({ view: 'home' })} aria-label={t('chat.back')}>←</button>
        <div class="chat-title"><h1 id="settings-title">{t('settings.title')}</h1></div>
        <button class="button" onClick={() => void chat.stop().then(() => session.signOut())}>{t('settings.signOut')}</button>
      </header>
      <div class="settings-body">
        <Profile />
        <section class="card" aria-label={t('settings.language')}>
          <LanguagePicker />
        </section>
        <Sessions />
        <Password />
        <Authenticator />
        <Passkeys />
        <Encryption chat={chat} />
        <EmailPreferences />
      </div>
    </section>
  );
}
