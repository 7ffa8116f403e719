import { useState } from 'preact/hooks';
import { t } from '../i18n/i18n';
import type { SessionEnd } from './session';
import { Register } from './Register';
import { SignIn } from './SignIn';
import { SecondFactor, type Challenge } from './SecondFactor';
import { LanguagePicker } from '../settings/LanguagePicker';

type Screen = { name: 'sign-in'; login?: string; notice?: string } | { name: 'register' } | { name: 'second-factor'; challenge: Challenge };

const endings: Record<SessionEnd, 'session.signedOut' | 'session.expired' | 'session.elsewhere'> = {
  'signed-out': 'session.signedOut',
  expired: 'session.expired',
  elsewhere: 'session.elsewhere',
};

export function AuthScreens({ reason }: { reason?: SessionEnd | undefined }) {
  const [screen, setScreen] = useState<Screen>({ name: 'sign-in', notice: reason ? t(endings[reason]) : undefined });
  return (
    <main class="auth">
      <div class="auth-card">
        <header class="auth-brand">
          <img src="/favicon.svg" alt="" width={40} height={40} />
          <span>ChatApp</span>
        </header>
        {screen.name === 'sign-in' && (
          <SignIn login={screen.login} notice={screen.notice}
            onChallenge={(challenge) => setScreen({ name: 'second-factor', challenge })}
            onRegister={() => setScreen({ name: 'register' })} />
        )}
        {screen.name === 'register' && (
          <Register onRegistered={(login) => setScreen({ name: 'sign-in', login, notice: t('register.done') })}
            onSignIn={() => setScreen({ name: 'sign-in' })} />
        )}
        {screen.name === 'second-factor' && (
          <SecondFactor challenge={screen.challenge} onCancel={() => setScreen({ name: 'sign-in' })} />
        )}
        <LanguagePicker />
      </div>
    </main>
  );
}
