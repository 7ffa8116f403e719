import { useState } from 'preact/hooks';
import { identity, ok } from '../api/clients';
import { t } from '../i18n/i18n';
import { Field } from '../ui/Field';
import { useAction } from '../ui/useAction';

export function Password() {
  const [currentPassword, setCurrent] = useState('');
  const [newPassword, setNew] = useState('');
  const [endOtherSessions, setEndOthers] = useState(true);
  const [done, setDone] = useState(false);
  const action = useAction();
  const submit = (event: Event) => {
    event.preventDefault();
    setDone(false);
    void action.run(async () => {
      await ok(identity.POST('/account/password', { body: { currentPassword, newPassword, endOtherSessions } }));
      setCurrent('');
      setNew('');
      setDone(true);
    });
  };
  return (
    <section class="card" aria-labelledby="password-title">
      <h2 id="password-title">{t('password.title')}</h2>
      <form onSubmit={submit} noValidate>
        <Field label={t('password.current')} type="password" autocomplete="current-password" value={currentPassword} onValue={setCurrent} error={action.fieldError('currentPassword')} />
        <Field label={t('password.new')} type="password" autocomplete="new-password" value={newPassword} onValue={setNew} hint={t('register.passwordHint')} error={action.fieldError('newPassword')} />
        <label class="check"><input type="checkbox" checked={endOtherSessions} onChange={(event) => setEndOthers(event.currentTarget.checked)} /> {t('password.endOthers')}</label>
        <button class="button" type="submit" disabled={action.busy}>{t('password.change')}</button>
      </form>
      {done && <p class="notice" role="status">{t('password.changed')}</p>}
      {action.message && <p class="error" role="alert">{action.message}</p>}
    </section>
  );
}
