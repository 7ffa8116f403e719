import { useEffect, useState } from 'preact/hooks';
import { identity, ok } from '../api/clients';
import { t } from '../i18n/i18n';
import { Field } from '../ui/Field';
import { useAction } from '../ui/useAction';

export function Profile() {
  const [account, setAccount] = useState<{ username: string; email: string; displayName: string } | null>(null);
  const [displayName, setDisplayName] = useState('');
  const [saved, setSaved] = useState(false);
  const action = useAction();
  useEffect(() => {
    void action.run(async () => {
      const mine = await ok<{ username: string; email: string; displayName: string }>(identity.GET('/account'));
      setAccount(mine);
      setDisplayName(mine.displayName);
    });
  }, []);
  const submit = (event: Event) => {
    event.preventDefault();
    setSaved(false);
    void action.run(async () => {
      await ok(identity.PATCH('/account/profile', { body: { displayName: displayName.trim() } }));
      setSaved(true);
    });
  };
  return (
    <section class="card" aria-labelledby="profile-title">
      <h2 id="profile-title">{t('settings.profile')}</h2>
      {account && <p class="muted">@{account.username} · {account.email}</p>}
      <form class="inline-form" onSubmit={submit}>
        <Field label={t('register.displayName')} value={displayName} onValue={setDisplayName} maxLength={64} error={action.fieldError('displayName')} />
        <button class="button" type="submit" disabled={action.busy}>{t('common.save')}</button>
      </form>
      {saved && <p class="notice" role="status">{t('common.saved')}</p>}
      {action.message && <p class="error" role="alert">{action.message}</p>}
    </section>
  );
}
