import { useState } from 'preact/hooks';
import { identity, ok } from '../api/clients';
import { t } from '../i18n/i18n';
import { Field } from '../ui/Field';
import { useAction } from '../ui/useAction';
import type { Challenge } from './SecondFactor';

interface Props {
  login?: string | undefined;
  notice?: string | undefined;
  onChallenge: (challenge: Challenge) => void;
  onRegister: () => void;
}

export function SignIn({ login: initialLogin, notice, onChallenge, onRegister }: Props) {
  const [login, setLogin] = useState(initialLogin ?? '');
  const [password, setPassword] = useState('');
  const action = useAction();

  const submit = (event: Event) => {
    event.preventDefault();
    void action.run(async () => onChallenge(await ok<Challenge>(identity.POST('/sign-in', { body: { login, password } }))));
  };

  return (
    <form onSubmit={submit} noValidate aria-labelledby="sign-in-title">
      <h1 id="sign-in-title">{t('signIn.title')}</h1>
      {notice && <p class="notice" role="status">{notice}</p>}
      <Field label={t('signIn.login')} value={login} onValue={setLogin} autocomplete="username webauthn" required
        error={action.fieldError('login')} autoFocus={!initialLogin} />
      <Field label={t('signIn.password')} type="password" value={password} onValue={setPassword} autocomplete="current-password" required
        error={action.fieldError('password')} autoFocus={Boolean(initialLogin)} />
      {action.message && <p class="error" role="alert">{action.message}</p>}
      <button class="button primary wide" type="submit" disabled={action.busy}>{t('signIn.submit')}</button>
      <p class="switch">{t('signIn.noAccount')} <button type="button" class="link" onClick={onRegister}>{t('signIn.register')}</button></p>
    </form>
  );
}
