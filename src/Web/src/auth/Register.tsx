import { useState } from 'preact/hooks';
import { identity, ok } from '../api/clients';
import { language, t } from '../i18n/i18n';
import { Field } from '../ui/Field';
import { useAction } from '../ui/useAction';

interface Props {
  onRegistered: (login: string) => void;
  onSignIn: () => void;
}

export function Register({ onRegistered, onSignIn }: Props) {
  const [username, setUsername] = useState('');
  const [email, setEmail] = useState('');
  const [displayName, setDisplayName] = useState('');
  const [password, setPassword] = useState('');
  const action = useAction();

  const submit = (event: Event) => {
    event.preventDefault();
    void action.run(async () => {
      await ok(identity.POST('/accounts', { body: { username, email, displayName, password, language: language.value } }));
      onRegistered(username);
    });
  };

  return (
    <form onSubmit={submit} noValidate aria-labelledby="register-title">
      <h1 id="register-title">{t('register.title')}</h1>
      <Field label={t('register.displayName')} value={displayName} onValue={setDisplayName} autocomplete="name" required autoFocus
        error={action.fieldError('displayName')} />
      <Field label={t('register.username')} value={username} onValue={setUsername} autocomplete="username" required
        hint={t('register.usernameHint')} error={action.fieldError('username')} autocapitalize="none" spellcheck={false} />
      <Field label={t('register.email')} type="email" value={email} onValue={setEmail} autocomplete="email" required
        error={action.fieldError('email')} />
      <Field label={t('register.password')} type="password" value={password} onValue={setPassword} autocomplete="new-password" required
        hint={t('register.passwordHint')} error={action.fieldError('password')} />
      {action.message && <p class="error" role="alert">{action.message}</p>}
      <button class="button primary wide" type="submit" disabled={action.busy}>{t('register.submit')}</button>
      <p class="switch">{t('register.haveAccount')} <button type="button" class="link" onClick={onSignIn}>{t('register.signIn')}</button></p>
    </form>
  );
}
