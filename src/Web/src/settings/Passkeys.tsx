import { useEffect, useState } from 'preact/hooks';
import { identity, ok } from '../api/clients';
import { createPasskey, passkeysSupported } from '../auth/webauthn';
import { t, time } from '../i18n/i18n';
import { Field } from '../ui/Field';
import { useAction } from '../ui/useAction';

interface PasskeyView {
  id: string;
  name: string;
  createdAt: string;
  lastUsedAt: string | null;
}

export function Passkeys() {
  const [passkeys, setPasskeys] = useState<PasskeyView[]>([]);
  const [name, setName] = useState('');
  const action = useAction();
  const load = async () => setPasskeys(await ok<PasskeyView[]>(identity.GET('/account/passkeys')));
  useEffect(() => void action.run(load), []);

  const add = (event: Event) => {
    event.preventDefault();
    void action.run(async () => {
      const started = await ok<{ ceremonyId: string; options: unknown }>(identity.POST('/account/passkeys/options'));
      const attestation = await createPasskey(started.options);
      await ok(identity.POST('/account/passkeys', { body: { ceremonyId: started.ceremonyId, name: name.trim() || t('passkeys.defaultName'), attestation, endOtherSessions: false } as never }));
      setName('');
      await load();
    });
  };
  const remove = (id: string) => void action.run(async () => {
    await ok(identity.DELETE('/account/passkeys/{passkeyId}', { params: { path: { passkeyId: id } } }));
    await load();
  });

  return (
    <section class="card" aria-labelledby="passkeys-title">
      <h2 id="passkeys-title">{t('passkeys.title')}</h2>
      <p class="muted">{t('passkeys.intro')}</p>
      <ul class="session-list">
        {passkeys.map((passkey) => (
          <li key={passkey.id}>
            <span>
              <span class="person-name">{passkey.name}</span><br />
              <span class="muted">{t('passkeys.added', { when: time.dateTime(passkey.createdAt) })}</span>
            </span>
            <button class="link danger" onClick={() => remove(passkey.id)}>{t('passkeys.remove')}</button>
          </li>
        ))}
      </ul>
      {passkeysSupported() ? (
        <form class="inline-form" onSubmit={add} noValidate>
          <Field label={t('passkeys.name')} value={name} onValue={setName} maxLength={64} error={action.fieldError('name')} />
          <button class="button" type="submit" disabled={action.busy}>{t('passkeys.add')}</button>
        </form>
      ) : <p class="muted">{t('passkeys.unsupported')}</p>}
      {action.message && <p class="error" role="alert">{action.message}</p>}
    </section>
  );
}
